// Runs QEMU's RISC-V virt board the way the Bao workshop does, and watches its serial output
// until every expected text has appeared (or a timeout), like an expect script.
import { spawn } from 'node:child_process';
import { ToolMissingError } from './process.js';

export interface QemuRunOptions {
  bios?: string;
  kernel?: string;
  smp?: number;
  /** e.g. "4G". */
  memory?: string;
  /** -M value, e.g. "virt" or "virt,aia=aplic-imsic,aia-guests=1". */
  machine?: string;
  /** -cpu value, e.g. "rv64" or "rv64,svpbmt=on". */
  cpu?: string;
  /** `-device loader,file=…,addr=…` images. */
  loaders?: { file: string; addr: bigint }[];
  extraArgs?: string[];
  /** Texts that must all appear on the console. */
  expect?: string[];
  /** Stop early when this returns true for the output so far (instead of, or besides, expect). */
  until?: (output: string) => boolean;
  /** Bytes typed on the console once `after` has appeared. */
  send?: { after: string; text: string }[];
  timeoutMs?: number;
  binary?: string;
}

export interface QemuRunResult {
  output: string;
  /** True when every `expect` text appeared before the timeout. */
  matched: boolean;
  missing: string[];
  wallMs: number;
}

export function qemuArgs(opts: QemuRunOptions): string[] {
  const args = ['-nographic', '-M', opts.machine ?? 'virt', '-cpu', opts.cpu ?? 'rv64'];
  args.push('-m', opts.memory ?? '4G', '-smp', String(opts.smp ?? 4));
  if (opts.bios) args.push('-bios', opts.bios);
  if (opts.kernel) args.push('-kernel', opts.kernel);
  for (const l of opts.loaders ?? [])
    args.push('-device', `loader,file=${l.file},addr=0x${l.addr.toString(16)},force-raw=on`);
  args.push(...(opts.extraArgs ?? []));
  return args;
}

export function runQemu(opts: QemuRunOptions): Promise<QemuRunResult> {
  const expect = opts.expect ?? [];
  const sends = [...(opts.send ?? [])];
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const child = spawn(opts.binary ?? 'qemu-system-riscv64', qemuArgs(opts), { stdio: 'pipe' });
    let output = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const missing = expect.filter((e) => !output.includes(e));
      resolve({ output, matched: missing.length === 0, missing, wallMs: Date.now() - start });
    };
    const timer = setTimeout(finish, opts.timeoutMs ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      while (sends.length > 0 && output.includes(sends[0].after))
        child.stdin.write(sends.shift()!.text);
      if (opts.until?.(output) || (expect.length > 0 && expect.every((e) => output.includes(e))))
        finish();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done = true;
      reject(
        err.code === 'ENOENT' ? new ToolMissingError(opts.binary ?? 'qemu-system-riscv64') : err,
      );
    });
    child.on('close', finish);
  });
}
