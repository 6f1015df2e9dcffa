// Differential lockstep of the JIT against the reference interpreter: two machines built from
// the same images, one with `jit: { threshold }` and one with `jit: false`, run in chunks of k
// instructions; at every chunk boundary their architectural state must be identical. The first
// divergence is reported precisely (chunk, instruction count, hart, what differs), so a failing
// test is a bug report.
import type { Machine, RunResult } from '../../../../core/emu/machine.js';
import type { EmuEvent, EventKind } from '../../../../core/emu/events.js';
import type { BootFile } from '../../../../core/emu/loaders/boot-plan.js';
import type { MachineOptions } from '../../../../core/emu/options.js';
import { newMachine } from '../../support/emu.js';
import { compareRam, compareState, describeHart } from './compare.js';

export interface BootImages {
  bios?: BootFile;
  kernel?: BootFile;
  initrd?: BootFile;
  dtb?: BootFile;
  /** The kernel command line (/chosen/bootargs), as QEMU's -append. */
  bootargs?: string;
}

/** Which side of the comparison a machine is. */
export type Side = 'jit' | 'ref';

export interface Pair {
  jit: Machine;
  ref: Machine;
  /** UART output of each side so far. */
  out: Record<Side, string>;
  /** Events of the recorded kinds, each side. */
  events: Record<Side, EmuEvent[]>;
}

export interface PairOptions extends Omit<MachineOptions, 'jit'> {
  /**
   * JIT threshold of the JIT side (default 2: almost every jump target gets translated);
   * 'default' leaves the core's own (`jit: true`).
   */
  threshold?: number | 'default';
  /** Instructions before the JIT side starts translating (default 0: from the first one). */
  after?: number;
  /**
   * Event kinds both sides record and compare (default none: recording events may change how a
   * core runs, so most tests compare state without them and some with them).
   */
  events?: EventKind[];
}

/** Machine options with the JIT switch (typed here too, so this compiles against any core API). */
export function withJit(
  o: Omit<MachineOptions, 'jit'>,
  jit: boolean | { threshold?: number; after?: number; batch?: number },
): MachineOptions {
  return { ...o, jit } as MachineOptions & { jit: typeof jit };
}

/** Two machines that differ only in the JIT, with the same images loaded. */
export async function createPair(boot: BootImages | undefined, o: PairOptions = {}): Promise<Pair> {
  const { threshold = 2, after = 0, events = [], ...machine } = o;
  const jit = await newMachine(
    // batch 1: translated as soon as a run ends, so short programs run translated code too
    withJit(machine, threshold === 'default' ? { after } : { threshold, after, batch: 1 }),
  );
  const ref = await newMachine(withJit(machine, false));
  const pair: Pair = { jit, ref, out: { jit: '', ref: '' }, events: { jit: [], ref: [] } };
  for (const side of ['jit', 'ref'] as const) {
    const m = pair[side];
    if (boot) m.boot(boot);
    m.onUart((b) => (pair.out[side] += Buffer.from(b).toString('latin1')));
    if (events.length) m.onEvent(events, (e) => pair.events[side].push(e));
  }
  return pair;
}

export interface LockstepOptions {
  /** Chunk sizes, used in turn (e.g. [1n, 7n, 1000n, 100003n]). */
  chunks: bigint[];
  /** Stop after this many instructions (summed over harts). */
  maxInsns: bigint;
  /** Stop when this holds (checked at chunk boundaries, after the states compared equal). */
  until?: (p: Pair) => boolean;
  /**
   * Compare FP registers, every CSR and mtime whenever this many more instructions have retired
   * (default 20 000; always at the end).
   */
  fullEvery?: bigint;
  /** Also compare all of RAM whenever this many more instructions have retired (default: at the end). */
  ramEvery?: bigint;
  /** Typed into both UARTs once both outputs contain `after` (at the same boundary). */
  input?: { after: string; text: string }[];
  /** Called after every chunk, before the comparison (the harness's own tests inject faults). */
  onBoundary?: (p: Pair, chunk: number) => void;
}

export interface LockstepResult {
  /** The first divergence, described for a human; undefined when none. */
  divergence?: string;
  chunks: number;
  /** Instructions retired (each side; they are equal unless `divergence` says otherwise). */
  insns: bigint;
  /** Why the run ended: 'until', 'budget' (maxInsns), or the machines' stop reason. */
  reason: string;
  /** The hart that stopped at a breakpoint or watchpoint. */
  hart?: number;
}

const fmtEvent = (e: EmuEvent | undefined): string =>
  JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v)) ??
  '(none)';

/** The last events of each side (where the two runs parted, when events are recorded). */
function recentEvents(p: Pair): string {
  const n = Math.max(p.events.jit.length, p.events.ref.length);
  if (n === 0) return '';
  const lines: string[] = ['\n  last events (jit | ref):'];
  for (let i = Math.max(0, n - 4); i < n; i++)
    lines.push(`  #${i}: ${fmtEvent(p.events.jit[i])} | ${fmtEvent(p.events.ref[i])}`);
  return lines.join('\n');
}

const fmtResult = (r: RunResult): string =>
  `${r.reason} insns=${r.insns}${r.hart !== undefined ? ` hart=${r.hart}` : ''}` +
  `${r.address !== undefined ? ` address=0x${r.address.toString(16)}` : ''}` +
  `${r.code !== undefined ? ` code=${r.code}` : ''}`;

/** The first place two event lists differ, or undefined. */
function diffEvents(a: EmuEvent[], b: EmuEvent[], from: number): string | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = from; i < n; i++) {
    const x = fmtEvent(a[i]);
    const y = fmtEvent(b[i]);
    if (x !== y) return `event #${i}: jit ${x}  ref ${y}`;
  }
  return undefined;
}

function diffText(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ctx = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 40), i + 40));
  return `UART output differs at byte ${i}: jit ${ctx(a)}  ref ${ctx(b)}`;
}

/**
 * Runs both machines in lockstep. Never throws on a divergence: returns it (tests assert
 * `divergence` is undefined, so the message is the failure).
 */
export function lockstep(p: Pair, o: LockstepOptions): LockstepResult {
  const fullEvery = o.fullEvery ?? 20_000n;
  let nextFull = fullEvery;
  let nextRam = o.ramEvery ?? -1n;
  const pending = [...(o.input ?? [])];
  let total = 0n;
  let evSeen = 0;
  let chunk = 0;
  const fail = (what: string, k: bigint): LockstepResult => ({
    divergence:
      `first divergence at the end of chunk #${chunk} (chunk size ${k}; ${total} instructions ` +
      `retired by then, summed over harts):\n${what}\n${describeHart(p, 'jit')}\n${describeHart(p, 'ref')}` +
      `\n  jit: ${JSON.stringify(p.jit.jitStats())}` +
      recentEvents(p),
    chunks: chunk,
    insns: total,
    reason: 'divergence',
  });
  for (;;) {
    const k0 = o.chunks[chunk % o.chunks.length];
    const left = o.maxInsns - total;
    if (left <= 0n) return end('budget');
    const k = k0 < left ? k0 : left;
    for (const inp of pending.slice()) {
      if (p.out.jit.includes(inp.after) && p.out.ref.includes(inp.after)) {
        p.jit.sendUart(inp.text);
        p.ref.sendUart(inp.text);
        pending.splice(pending.indexOf(inp), 1);
      }
    }
    const rj = p.jit.run(k);
    const rr = p.ref.run(k);
    chunk++;
    const a = fmtResult(rj);
    const b = fmtResult(rr);
    if (a !== b) return fail(`run(${k}) returned: jit ${a}  ref ${b}`, k);
    total += rj.insns;
    o.onBoundary?.(p, chunk);
    const d =
      diffText(p.out.jit, p.out.ref) ??
      diffEvents(p.events.jit, p.events.ref, evSeen) ??
      compareState(p, total >= nextFull) ??
      (nextRam >= 0n && total >= nextRam ? compareRam(p) : undefined);
    if (d) return fail(d, k);
    evSeen = p.events.jit.length;
    if (total >= nextFull) nextFull = total + fullEvery;
    if (nextRam >= 0n && total >= nextRam) nextRam = total + o.ramEvery!;
    if (o.until?.(p)) return end('until');
    // Power events end the run; a breakpoint or watchpoint stop is the caller's to handle (step
    // both sides past it and call lockstep again).
    if (['poweroff', 'reboot', 'breakpoint', 'watchpoint'].includes(rj.reason))
      return end(rj.reason, rj.hart);
    // Idle: every hart waits for input that will not come (input is typed at boundaries).
    if (rj.reason === 'idle' && rj.insns === 0n && !pending.length) return end('idle');
  }
  function end(reason: string, hart?: number): LockstepResult {
    const d = compareState(p, true) ?? compareRam(p) ?? translationErrors(p);
    if (d) return fail(d, 0n);
    return { chunks: chunk, insns: total, reason, hart };
  }
}

/**
 * A translation that failed (the core then leaves the blocks to the interpreter, so the run
 * still agrees) is a JIT bug all the same.
 */
function translationErrors(p: Pair): string | undefined {
  const st = p.jit.jitStats() as { errors?: number; lastError?: string };
  return st.errors
    ? `the JIT failed to translate ${st.errors} block(s): ${st.lastError}`
    : undefined;
}

/** Runs one side alone (no comparison), e.g. to learn how long a program runs. */
export function runAlone(m: Machine, maxInsns: bigint, chunk = 1_000_000n): RunResult {
  let total = 0n;
  for (;;) {
    const r = m.run(maxInsns - total < chunk ? maxInsns - total : chunk);
    total += r.insns;
    if (r.reason !== 'budget' || total >= maxInsns) return { ...r, insns: total };
  }
}
