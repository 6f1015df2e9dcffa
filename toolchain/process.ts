// Runs external tools with argument arrays (never a shell string built from user input) and
// turns "not installed" into an error that says which Debian package provides the tool.
import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  input?: string | Buffer;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Debian packages that provide the tools we drive, for "not installed" messages. */
export const TOOL_PACKAGES: Record<string, string> = {
  'riscv64-unknown-elf-gcc': 'gcc-riscv64-unknown-elf',
  'qemu-system-riscv64': 'qemu-system-misc',
  'qemu-system-aarch64': 'qemu-system-arm',
  dtc: 'device-tree-compiler',
  make: 'make',
  'gdb-multiarch': 'gdb-multiarch',
  gcc: 'gcc',
};

export class ToolMissingError extends Error {
  constructor(readonly tool: string) {
    const pkg = TOOL_PACKAGES[tool];
    super(`${tool} is not installed${pkg ? ` (Debian package: ${pkg})` : ''}`);
    this.name = 'ToolMissingError';
  }
}

export function runTool(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      opts.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, opts.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? new ToolMissingError(cmd) : err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** True when `cmd` can be started (looked up on PATH). */
export async function hasTool(cmd: string, versionArg = '--version'): Promise<boolean> {
  try {
    await runTool(cmd, [versionArg], { timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}
