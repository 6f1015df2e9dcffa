// Compiling device-tree source with the Device Tree Compiler (`dtc`) when it is on the PATH.
// dtc reads the source on stdin and writes the blob on stdout; its messages name the line and
// column (`<stdin>:12.5-20: Warning (reg_format): ...`), which are parsed so the UI and CLI can
// point at the line. Spawned with an argument array, never through a shell.
import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export interface DtcDiagnostic {
  severity: 'error' | 'warning';
  /** 1-based line of the source, when dtc names one. */
  line?: number;
  column?: number;
  /** dtc's check name, e.g. "reg_format", "phandle_references". */
  check?: string;
  message: string;
}

export interface DtcResult {
  ok: boolean;
  /** The compiled blob, when dtc succeeded. */
  dtb?: Uint8Array;
  diagnostics: DtcDiagnostic[];
}

export class DtcNotFoundError extends Error {
  constructor() {
    super(
      'dtc (the Device Tree Compiler) is not on the PATH; install it (Debian: apt install device-tree-compiler)',
    );
    this.name = 'DtcNotFoundError';
  }
}

/** The path of an executable `dtc` on the PATH, or undefined. */
export async function findDtc(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'dtc');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

// "<stdin>:12.5-20: Warning (reg_format): /x: message" / "Error: <stdin>:4.3-4 syntax error"
const LOCATED =
  /^(?:(Error|Warning):\s+)?<stdin>:(\d+)\.(\d+)(?:-[\d.]+)?:?\s*(?:(Warning|ERROR|Error)\s+\(([\w-]+)\):\s*)?(.*)$/;

/** Parses dtc's stderr into diagnostics (summary lines without a location are kept as-is). */
export function parseDtcMessages(stderr: string): DtcDiagnostic[] {
  const out: DtcDiagnostic[] = [];
  for (const raw of stderr.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = LOCATED.exec(line);
    if (m) {
      const word = (m[4] ?? m[1] ?? 'Error').toLowerCase();
      out.push({
        severity: word === 'warning' ? 'warning' : 'error',
        line: Number(m[2]),
        column: Number(m[3]),
        check: m[5],
        message: m[6].trim(),
      });
      continue;
    }
    // "FATAL ERROR: Unable to parse input tree" and the "Input tree has errors" summary repeat
    // what the located messages say; keep them only when nothing located was reported.
    if (/^(FATAL )?ERROR:/i.test(line)) {
      if (!out.some((d) => d.severity === 'error'))
        out.push({ severity: 'error', message: line.replace(/^(FATAL )?ERROR:\s*/i, '') });
      continue;
    }
    out.push({ severity: /warning/i.test(line) ? 'warning' : 'error', message: line });
  }
  return out;
}

/** Formats a diagnostic as "file:line:column: severity: message [check]". */
export function formatDtcDiagnostic(d: DtcDiagnostic, file: string): string {
  const at = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
  return `${at}: ${d.severity}: ${d.message}${d.check ? ` [${d.check}]` : ''}`;
}

/** Compiles DTS text to a DTB. Throws DtcNotFoundError when dtc is missing. */
export async function compileDts(
  source: string,
  options: { dtc?: string } = {},
): Promise<DtcResult> {
  const dtc = options.dtc ?? (await findDtc());
  if (!dtc) throw new DtcNotFoundError();
  return new Promise((resolve, reject) => {
    const child = spawn(dtc, ['-I', 'dts', '-O', 'dtb', '-o', '-', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => stdout.push(b));
    child.stderr.on('data', (b: Buffer) => stderr.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const diagnostics = parseDtcMessages(Buffer.concat(stderr).toString('utf8'));
      const ok = code === 0;
      resolve({ ok, dtb: ok ? new Uint8Array(Buffer.concat(stdout)) : undefined, diagnostics });
    });
    child.stdin.end(source);
  });
}
