// Drives QEMU, the emulator's reference model: memory dumps through the monitor, device tree
// dumps, and runs with the UART on stdio until expected text appears or the guest powers off.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QEMU } from './tools.js';

const work = mkdtempSync(join(tmpdir(), 'qemu-ref-'));
let seq = 0;

/** QEMU's memory at the given physical ranges right after machine setup (before any instruction runs). */
export function qemuMemory(args: string[], ranges: { addr: bigint; size: number }[]): Buffer[] {
  const files = ranges.map(() => join(work, `mem-${seq++}.bin`));
  const script =
    ranges.map((r, i) => `pmemsave 0x${r.addr.toString(16)} ${r.size} "${files[i]}"`).join('\n') +
    '\nquit\n';
  const res = spawnSync(
    QEMU,
    ['-M', 'virt', ...args, '-S', '-nographic', '-serial', 'none', '-monitor', 'stdio'],
    { input: script, encoding: 'utf8', timeout: 20_000 },
  );
  if (res.status !== 0) throw new Error(`QEMU failed (${res.status}): ${res.stderr}`);
  return files.map((f) => readFileSync(f));
}

/** The device tree QEMU builds for these arguments (`-M virt,dumpdtb=`). */
export function qemuDtb(machineOpts: string, args: string[]): Buffer {
  const file = join(work, `dtb-${seq++}.dtb`);
  const res = spawnSync(QEMU, ['-M', `virt${machineOpts},dumpdtb=${file}`, ...args, '-nographic'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (res.status !== 0) throw new Error(`QEMU failed (${res.status}): ${res.stderr}`);
  return readFileSync(file);
}

export interface QemuRun {
  output: string;
  /** Wall time from spawn to the moment each expected text appeared (ms). */
  seenAt: Map<string, number>;
  timedOut: boolean;
  exitCode: number | null;
}

/**
 * Runs QEMU with the UART on stdio. Ends when the guest powers off, when every `expect` text has
 * appeared (unless `waitExit`), or after `timeoutMs`. `input` lines are typed once `inputAfter` shows up.
 */
export function runQemu(
  args: string[],
  opts: {
    expect?: string[];
    timeoutMs?: number;
    waitExit?: boolean;
    input?: string;
    inputAfter?: string;
    /** Also wait for this text in the output that follows the input. */
    afterInput?: string;
    machine?: string;
  } = {},
): Promise<QemuRun> {
  const expect = opts.expect ?? [];
  const t0 = performance.now();
  const child = spawn(
    QEMU,
    ['-M', opts.machine ?? 'virt', '-nographic', '-monitor', 'none', '-serial', 'stdio', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  let inputSent = false;
  let inputAt = 0;
  const seenAt = new Map<string, number>();
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 30_000);
    const onData = (d: Buffer): void => {
      output += d.toString('latin1');
      for (const e of expect)
        if (!seenAt.has(e) && output.includes(e)) seenAt.set(e, performance.now() - t0);
      if (opts.input && !inputSent && output.includes(opts.inputAfter ?? '')) {
        inputSent = true;
        inputAt = output.length;
        child.stdin.write(opts.input);
      }
      const after = opts.afterInput;
      if (after && inputSent && !seenAt.has(after) && output.slice(inputAt).includes(after))
        seenAt.set(after, performance.now() - t0);
      if (
        !opts.waitExit &&
        expect.length &&
        expect.every((e) => seenAt.has(e)) &&
        (!opts.input || inputSent) &&
        (!after || seenAt.has(after))
      )
        child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString('latin1')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, seenAt, timedOut, exitCode: code });
    });
  });
}

/** The hart that won OpenSBI's boot lottery, from its banner. */
export function bootHartOf(output: string): number | undefined {
  const m = /Boot HART ID\s*:\s*(\d+)/.exec(output);
  return m ? Number(m[1]) : undefined;
}

/**
 * Runs QEMU until OpenSBI's boot-hart lottery is won by `hart` — the hart that won it in our
 * (deterministic) emulator; QEMU's multi-threaded TCG lets any hart win. Up to 30 attempts.
 */
export async function runQemuWithBootHart(
  hart: number,
  args: string[],
  opts: Parameters<typeof runQemu>[1] = {},
): Promise<QemuRun> {
  let r: QemuRun | undefined;
  // Single-threaded TCG first: its round-robin makes the winner repeatable (hart 0 here);
  // otherwise retry multi-threaded TCG, where any hart may win.
  r = await runQemu(['-accel', 'tcg,thread=single', ...args], opts);
  if (bootHartOf(r.output) === hart) return r;
  for (let attempt = 0; attempt < 30; attempt++) {
    r = await runQemu(args, opts);
    if (bootHartOf(r.output) === hart) return r;
  }
  throw new Error(
    `hart ${hart} never won OpenSBI's boot lottery in 30 QEMU runs; last output:\n${r!.output.slice(-500)}`,
  );
}
