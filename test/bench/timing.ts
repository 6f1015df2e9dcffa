// Times one run of our emulator (in-process) or of QEMU (spawned) until marks appear on the UART.
// Both record, at each mark, the wall time and the CPU time spent so far: on a shared machine the
// wall time includes waiting for a core, the CPU time does not (QEMU's counts all its threads).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BootFile } from '../../core/emu/loaders/boot-plan.js';
import type { MachineOptions } from '../../core/emu/options.js';
import { newMachine } from '../emu/support/emu.js';

/** A point of interest in the console output: reached when `test` accepts the output so far. */
export interface Mark {
  name: string;
  test: (output: string) => boolean;
}

export const text = (name: string, s: string = name): Mark => ({
  name,
  test: (o) => o.includes(s),
});

export interface At {
  wallMs: number;
  cpuMs: number;
  /** Instructions retired by all harts (ours only; at the end of the chunk that printed it). */
  insns?: number;
}

export interface Timed {
  output: string;
  at: Map<string, At>;
  /** Why the run ended: 'marks' when every mark was reached. */
  end: string;
  /** Ours: what the JIT did (blocks translated, their instructions retired, host ms spent). */
  jit?: { blocks: number; ranInsns: number; ms: number };
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs our emulator from machine creation (included, as a user waits for it) to the last mark. */
export async function timeOurs(
  boot: { bios?: BootFile; kernel?: BootFile },
  options: MachineOptions,
  marks: Mark[],
  o: { timeoutMs: number; chunk?: bigint; maxInsns?: bigint },
): Promise<Timed> {
  const t0 = performance.now();
  const c0 = cpuNow();
  const machine = await newMachine(options);
  machine.boot(boot);
  let output = '';
  const at = new Map<string, At>();
  const dec = new TextDecoder('latin1');
  machine.onUart((b) => {
    output += dec.decode(b);
    for (const m of marks)
      if (!at.has(m.name) && m.test(output))
        at.set(m.name, {
          wallMs: performance.now() - t0,
          cpuMs: cpuNow() - c0,
          insns: Number(machine.instructionCounts().reduce((a, b) => a + b, 0n)),
        });
  });
  const r = await machine.runUntil({
    timeoutMs: o.timeoutMs,
    chunk: o.chunk,
    maxInsns: o.maxInsns,
    until: () => marks.every((m) => at.has(m.name)),
    onIdle: () => new Promise((res) => setTimeout(res, 1)),
  });
  const j = machine.jitStats();
  return {
    output,
    at,
    end: marks.every((m) => at.has(m.name)) ? 'marks' : r.reason,
    jit: { blocks: j.blocks, ranInsns: j.ranInsns, ms: j.ms },
  };
}

/** user + system time of a live process and all its threads, from /proc (ms; 10 ms ticks). */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 of stat (utime, stime) are 11 and 12 after "pid (comm)"
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const CPU_LINE = 'BENCH-CPU';

/**
 * Spawns QEMU (process start-up included) and kills it once every mark has appeared. With
 * `untilExit` the guest must power off by itself right after the last mark; QEMU then runs under
 * bash's `time`, whose figures come from the kernel's accounting of the reaped process (µs, all
 * threads), and that CPU time replaces the 10 ms /proc reading at the marks.
 */
export function timeQemu(
  binary: string,
  args: string[],
  marks: Mark[],
  o: { timeoutMs: number; untilExit?: boolean },
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = o.untilExit
      ? spawn('bash', ['-c', `TIMEFORMAT='${CPU_LINE} %3U %3S'; time "$0" "$@"`, binary, ...args], {
          stdio: ['pipe', 'pipe', 'pipe'],
        })
      : spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const at = new Map<string, At>();
    let end = 'exit';
    const timer = setTimeout(() => {
      end = 'timeout';
      child.kill('SIGKILL');
    }, o.timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('latin1');
      for (const m of marks)
        if (!at.has(m.name) && m.test(output))
          at.set(m.name, { wallMs: performance.now() - t0, cpuMs: procCpuMs(child.pid!) });
      if (!o.untilExit && end === 'exit' && marks.every((m) => at.has(m.name))) {
        end = 'marks';
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString('latin1')));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      const cpu = new RegExp(`${CPU_LINE} ([\\d.]+) ([\\d.]+)`).exec(output);
      if (o.untilExit) {
        for (const a of at.values()) a.cpuMs = cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN;
        if (end === 'exit' && marks.every((m) => at.has(m.name))) end = 'marks';
      }
      resolve({ output, at, end });
    });
  });
}
