// `npm run bench`: our emulator against QEMU 7.2 on the same images, side by side in one run.
//  1. CPU-bound programs with the MMU on (Sv39, S-mode): our MIPS vs QEMU's on the same image.
//  2. Wall time to OpenSBI's banner and to our payload's first line (Debian's fw_jump), 1 and
//     4 harts, and our instructions per second during that boot (mostly libfdt).
//  3. With BAO_SRC (a bao-hypervisor git checkout): Bao v1.0.0 to its banner and to the first
//     line of each guest, one VM and two VMs with IPC.
// Ours and QEMU alternate run by run and ratios are taken pair by pair, so a machine whose speed
// drifts (it is shared) moves both sides of a ratio alike. Every figure is a median.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { qemuArgs } from '../../toolchain/qemu.js';
import { WASM_PATH } from '../../core/emu/node/wasm.js';
import { buildProgram } from '../emu/support/isa-harness.js';
import { buildPayload } from '../emu/support/payload.js';
import { emuMissing, fileArg } from '../emu/support/emu.js';
import { CROSS_GCC, FW_JUMP, QEMU, missing } from '../emu/support/tools.js';
import { scenarios } from '../bao-boot/scenarios.js';
import { firstMissingLine } from '../bao-boot/lines.js';
import { buildCpuBench } from './cpu-program.js';
import { baoImage } from './bao-images.js';
import { text, timeOurs, timeQemu, type Mark, type Timed } from './timing.js';
import { median, printTable, type Row } from './table.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const BAO_SRC = process.env.BAO_SRC;
const QEMU_BASE = ['-M', 'virt', '-nographic', '-monitor', 'none', '-serial', 'stdio'];

const progress = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

/** Runs ours and QEMU alternately `runs` times; fails loudly when a run misses a mark. */
async function pairs(
  what: string,
  runs: number,
  ours: () => Promise<Timed>,
  qemu: () => Promise<Timed>,
): Promise<{ ours: Timed[]; qemu: Timed[] }> {
  progress(what);
  const o: Timed[] = [];
  const q: Timed[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [who, run, into] of [
      ['ours', ours, o],
      ['QEMU', qemu, q],
    ] as const) {
      const r = await run();
      if (r.end !== 'marks')
        throw new Error(
          `${what}: ${who} stopped (${r.end}) before every mark; output ended with:\n${r.output.slice(-600)}`,
        );
      into.push(r);
    }
  }
  return { ours: o, qemu: q };
}

const wall = (ts: Timed[], mark: string): number[] => ts.map((t) => t.at.get(mark)!.wallMs);
const cpu = (ts: Timed[], mark: string): number[] => ts.map((t) => t.at.get(mark)!.cpuMs);

/** A row comparing the time to `mark` in both. */
function timeRow(label: string, r: { ours: Timed[]; qemu: Timed[] }, mark: string): Row {
  return {
    label,
    ours: { wall: wall(r.ours, mark), cpu: cpu(r.ours, mark) },
    qemu: { wall: wall(r.qemu, mark), cpu: cpu(r.qemu, mark) },
  };
}

// ---- 1. CPU-bound with the MMU on -------------------------------------------------------------

const checksumMark = (iterations: number): Mark =>
  text('checksum', `ITERATIONS ${iterations.toString(16).padStart(8, '0')}\n`);
const checksumOf = (t: Timed): string => /CHECKSUM (\w+)/.exec(t.output)?.[1] ?? '?';
const ticksOf = (out: string): number => parseInt(/TICKS (\w+)/.exec(out)?.[1] ?? 'NaN', 16);
/** Our mtime in the CPU-bound runs: one tick every 10 instructions (deterministic clock). */
const OURS_INSNS_PER_TICK = 10;

/**
 * QEMU's instruction count over the program's loop, from a run under `-icount shift=0` (one
 * virtual ns per instruction: 100 per tick of the 10 MHz mtime), against ours (mtime ticks with
 * retired instructions): the MIPS rows take our count for QEMU too, this shows that is fair.
 */
async function checkQemuCount(elf: string, iterations: number, ours: Timed): Promise<string> {
  const q = await timeQemu(
    QEMU,
    [...QEMU_BASE, '-icount', 'shift=0', '-cpu', 'rv64', '-bios', 'none', '-kernel', elf],
    [checksumMark(iterations)],
    { timeoutMs: 120_000 },
  );
  const qemu = ticksOf(q.output) * 100;
  const our = ticksOf(ours.output) * OURS_INSNS_PER_TICK;
  const diff = Math.abs(qemu - our) / our;
  return (
    `QEMU -icount shift=0 counts ${(qemu / 1e6).toFixed(2)} M instructions over the loop (mtime x 100), ours ` +
    `${(our / 1e6).toFixed(2)} M: ${diff < 1e-4 ? 'the same' : `DIFFERENT by ${(diff * 100).toFixed(3)} %`} (to a tick).`
  );
}

async function cpuBound(rows: Row[], notes: string[]): Promise<void> {
  // The full run, and a 1-iteration run of the same program as its start-up baseline: MIPS net
  // of start-up = (instructions of the full run - baseline's) / (time - baseline's time).
  const ITER = Number(process.env.BENCH_CPU_ITERATIONS ?? 1800);
  const full = buildCpuBench(ITER);
  const base = buildCpuBench(1);
  const run = (elf: string, iterations: number) =>
    pairs(
      `CPU-bound mix, ${iterations} iteration(s)`,
      RUNS,
      () =>
        timeOurs(
          { kernel: fileArg(elf) },
          { harts: 1, insnsPerTick: OURS_INSNS_PER_TICK },
          [checksumMark(iterations)],
          {
            timeoutMs: 120_000,
          },
        ),
      () =>
        timeQemu(
          QEMU,
          [...QEMU_BASE, '-cpu', 'rv64', '-smp', '1', '-bios', 'none', '-kernel', elf],
          [checksumMark(iterations)],
          { timeoutMs: 120_000, untilExit: true },
        ),
    );
  const f = await run(full, ITER);
  const b = await run(base, 1);
  // the same program in the interpreter alone: what the JIT adds
  const interp = await pairs(
    `CPU-bound mix, ${ITER} iteration(s), JIT off`,
    RUNS,
    () =>
      timeOurs(
        { kernel: fileArg(full) },
        { harts: 1, insnsPerTick: OURS_INSNS_PER_TICK, jit: false },
        [checksumMark(ITER)],
        { timeoutMs: 120_000 },
      ),
    () =>
      timeQemu(
        QEMU,
        [...QEMU_BASE, '-cpu', 'rv64', '-smp', '1', '-bios', 'none', '-kernel', full],
        [checksumMark(ITER)],
        { timeoutMs: 120_000, untilExit: true },
      ),
  );
  const sums = new Set([...f.ours, ...f.qemu, ...interp.ours].map(checksumOf));
  if (sums.size !== 1)
    notes.push(
      `CPU-bound mix: CHECKSUMS DIFFER (ours ${checksumOf(f.ours[0])}, QEMU ${checksumOf(f.qemu[0])})`,
    );
  notes.push(await checkQemuCount(full, ITER, f.ours[0]));
  const insns = f.ours[0].at.get('checksum')!.insns!;
  const baseInsns = b.ours[0].at.get('checksum')!.insns!;
  const label = `CPU-bound mix (C), Sv39 S-mode, ${(insns / 1e6).toFixed(0)} M insns`;
  rows.push({ ...timeRow(`${label}: time`, f, 'checksum') });
  // MIPS net of start-up, pair by pair.
  // against the baseline's median: a pairwise difference of two short noisy runs could be ~0
  const net = (full: number[], base: number[]) =>
    full.map((t) => (insns - baseInsns) / Math.max(1e-3, t - median(base)) / 1e3);
  rows.push({
    label: `${label}: MIPS net of start-up`,
    unit: 'MIPS',
    ours: {
      wall: net(wall(f.ours, 'checksum'), wall(b.ours, 'checksum')),
      cpu: net(cpu(f.ours, 'checksum'), cpu(b.ours, 'checksum')),
    },
    qemu: {
      wall: net(wall(f.qemu, 'checksum'), wall(b.qemu, 'checksum')),
      cpu: net(cpu(f.qemu, 'checksum'), cpu(b.qemu, 'checksum')),
    },
  });
  rows.push({
    label: `  the same, interpreter only (JIT off): MIPS net of start-up`,
    unit: 'MIPS',
    ours: {
      wall: net(wall(interp.ours, 'checksum'), wall(b.ours, 'checksum')),
      cpu: net(cpu(interp.ours, 'checksum'), cpu(b.ours, 'checksum')),
    },
  });
  const j = f.ours[0].jit;
  if (j)
    notes.push(
      `CPU-bound mix, JIT: ${j.blocks} blocks translated in ${j.ms.toFixed(0)} ms, ` +
        `${((100 * j.ranInsns) / insns).toFixed(0)} % of the instructions retired in translated code.`,
    );
  notes.push(
    `CPU-bound mix: checksum ${[...sums].join(' / ')} in ours and QEMU (${sums.size === 1 ? 'agree' : 'DIFFER'}); ` +
      `start-up baseline (1 iteration, ${(baseInsns / 1e6).toFixed(1)} M insns): ours ${median(wall(b.ours, 'checksum')).toFixed(0)} ms, ` +
      `QEMU ${median(wall(b.qemu, 'checksum')).toFixed(0)} ms; the MIPS of both use our instruction count.`,
  );

  // The seed's tight assembly loop (ALU, load/store, mul, calls): a second, simpler mix.
  const LOOP = 4_000_000;
  const loop = buildProgram(join(HERE, 'programs', 'cpu-mmu.S'), {
    defines: [`ITERATIONS=${LOOP}`],
  });
  const end = text('end', 'END\n');
  const l = await pairs(
    'CPU-bound asm loop',
    RUNS,
    () => timeOurs({ kernel: fileArg(loop) }, { harts: 1 }, [end], { timeoutMs: 120_000 }),
    () =>
      timeQemu(
        QEMU,
        [...QEMU_BASE, '-cpu', 'rv64', '-smp', '1', '-bios', 'none', '-kernel', loop],
        [end],
        { timeoutMs: 120_000, untilExit: true },
      ),
  );
  const loopInsns = l.ours[0].at.get('end')!.insns!;
  rows.push({
    label: `CPU-bound loop (asm), Sv39 S-mode, ${(loopInsns / 1e6).toFixed(0)} M insns: MIPS, start-up included`,
    unit: 'MIPS',
    ours: {
      wall: wall(l.ours, 'end').map((t) => loopInsns / t / 1e3),
      cpu: cpu(l.ours, 'end').map((t) => loopInsns / t / 1e3),
    },
    qemu: {
      wall: wall(l.qemu, 'end').map((t) => loopInsns / t / 1e3),
      cpu: cpu(l.qemu, 'end').map((t) => loopInsns / t / 1e3),
    },
  });
  const sig = (t: Timed) =>
    t.output
      .split(/\r?\n/)
      .filter((s) => s.startsWith('SIG'))
      .join();
  if (sig(l.ours[0]) !== sig(l.qemu[0]))
    notes.push(`CPU-bound loop: SIGNATURES DIFFER: ours ${sig(l.ours[0])}, QEMU ${sig(l.qemu[0])}`);
}

// ---- 2. OpenSBI + payload ----------------------------------------------------------------------

async function openSbi(rows: Row[]): Promise<void> {
  const payload = buildPayload();
  const marks = [
    text('banner', 'OpenSBI v'),
    text('payload', 'payload: hello through the SBI console'),
  ];
  for (const harts of [1, 4]) {
    const r = await pairs(
      `OpenSBI fw_jump + payload, ${harts} hart(s)`,
      RUNS + 2,
      () =>
        timeOurs(
          { bios: fileArg(FW_JUMP), kernel: fileArg(payload) },
          { harts, ramSize: 256n << 20n },
          marks,
          // small chunks: the time a line appears is known to within a chunk
          { timeoutMs: 60_000, chunk: 100_000n },
        ),
      () =>
        timeQemu(
          QEMU,
          [
            ...QEMU_BASE,
            '-cpu',
            'rv64',
            '-smp',
            String(harts),
            '-m',
            '256M',
            '-bios',
            FW_JUMP,
            '-kernel',
            payload,
          ],
          marks,
          { timeoutMs: 60_000 },
        ),
    );
    const h = `${harts} hart${harts > 1 ? 's' : ''}`;
    rows.push(timeRow(`OpenSBI fw_jump, ${h}: to "OpenSBI v" banner`, r, 'banner'));
    rows.push(timeRow(`OpenSBI fw_jump, ${h}: to payload's first line`, r, 'payload'));
    // the same boot as the first of a fresh process (cold JIT, emu.wasm compiled in the span)
    // as many as QEMU's runs, so the ratios pair run i with run i
    const fresh = r.qemu.map(() => firstBoot(harts));
    rows.push({
      label: `  the same as a fresh process's first boot (from compiling emu.wasm)`,
      ours: { wall: fresh.map((f) => f.payloadMs), cpu: fresh.map((f) => f.cpuMs) },
      qemu: r.qemu && {
        wall: wall(r.qemu, 'payload'),
        cpu: cpu(r.qemu, 'payload'),
      },
    });
    freshNotes.push(
      `fresh-process first boot, ${h}: compiling emu.wasm ${median(fresh.map((f) => f.compileMs)).toFixed(1)} ms; ` +
        `the JIT translated ${median(fresh.map((f) => f.jitBlocks))} blocks in ${median(fresh.map((f) => f.jitMs)).toFixed(1)} ms.`,
    );
    const insns = r.ours.map((t) => t.at.get('payload')!.insns!);
    rows.push({
      label: `  ours during that boot (${(median(insns) / 1e6).toFixed(1)} M insns, all harts)`,
      unit: 'MIPS',
      ours: {
        wall: r.ours.map((t, i) => insns[i] / t.at.get('payload')!.wallMs / 1e3),
        cpu: r.ours.map((t, i) => insns[i] / t.at.get('payload')!.cpuMs / 1e3),
      },
    });
  }
}

const freshNotes: string[] = [];

/** One boot in a new node process (test/bench/first-boot.ts). */
function firstBoot(harts: number): {
  compileMs: number;
  payloadMs: number;
  cpuMs: number;
  jitBlocks: number;
  jitMs: number;
} {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(HERE, 'first-boot.ts'), String(harts)],
    { encoding: 'utf8', cwd: join(HERE, '..', '..') },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{'))
    throw new Error(`first-boot.ts failed: ${r.stderr.slice(-600)}`);
  return JSON.parse(line);
}

// ---- 3. Bao -----------------------------------------------------------------------------------

async function bao(rows: Row[], notes: string[]): Promise<void> {
  if (!BAO_SRC) {
    notes.push('Bao rows skipped: set BAO_SRC to a bao-hypervisor git checkout to add them.');
    return;
  }
  const TAG = 'v1.0.0';
  for (const s of scenarios('v1.0').filter((s) => s.name !== '4-vCPU VM')) {
    progress(`building Bao ${TAG} for "${s.name}" (cached after the first run)`);
    const bin = await baoImage(BAO_SRC, TAG, s.project);
    // Each VM's first line, found per VM (two VMs share the UART and interleave mid-line).
    const firstLines = Object.values(s.lines).map((l) => l[0]);
    const marks: Mark[] = [
      text('bao', 'Bao Hypervisor'),
      {
        name: 'guests',
        test: (o) => firstLines.every((l) => firstMissingLine(o, [l]) === undefined),
      },
    ];
    const r = await pairs(
      `Bao ${TAG}, ${s.name}`,
      RUNS,
      () =>
        timeOurs(
          { bios: fileArg(FW_JUMP), kernel: fileArg(bin) },
          { harts: 4, ramSize: 2n << 30n },
          marks,
          { timeoutMs: 120_000, chunk: 200_000n },
        ),
      () =>
        timeQemu(
          QEMU,
          qemuArgs({ bios: FW_JUMP, kernel: bin, smp: 4, memory: '4G', cpu: 'rv64' }),
          marks,
          { timeoutMs: 60_000 },
        ),
    );
    const what = `Bao ${TAG} ${s.name}, 4 harts`;
    rows.push(timeRow(`${what}: to "Bao Hypervisor"`, r, 'bao'));
    rows.push(
      timeRow(
        `${what}: to ${firstLines.length > 1 ? "every guest's" : "the guest's"} first line`,
        r,
        'guests',
      ),
    );
    const insns = r.ours.map((t) => t.at.get('guests')!.insns!);
    rows.push({
      label: `  ours to that line (${(median(insns) / 1e6).toFixed(1)} M insns, all harts)`,
      unit: 'MIPS',
      ours: {
        wall: r.ours.map((t, i) => insns[i] / t.at.get('guests')!.wallMs / 1e3),
        cpu: r.ours.map((t, i) => insns[i] / t.at.get('guests')!.cpuMs / 1e3),
      },
    });
  }
  notes.push(
    `Bao: ours with 2 GiB of RAM, QEMU with -m 4G (Bao ignores the device tree; its VMs live below 2 GiB).`,
  );
}

// ---- the issue's targets ----------------------------------------------------------------------

function targets(rows: Row[]): string[] {
  const out: string[] = [];
  const mips = rows.find((r) => r.label.includes('MIPS net of start-up'));
  if (mips) {
    const w = median(mips.ours.wall);
    const c = median(mips.ours.cpu);
    out.push(
      `>= 200 MIPS on the CPU-bound mix: ${c.toFixed(0)} MIPS by CPU time, ${w.toFixed(0)} by wall time: ` +
        (c >= 200 ? 'met' : 'NOT met'),
    );
  }
  for (const r of rows) {
    const fresh = r.label.includes("fresh process's first boot");
    if (!fresh && !r.label.includes("to payload's first line")) continue;
    const w = median(r.ours.wall) / median(r.qemu!.wall);
    const c = median(r.ours.cpu) / median(r.qemu!.cpu);
    const what = fresh
      ? `  the same as a fresh process's first boot`
      : `time to payload no worse than QEMU's (${r.label.replace(/:.*/, '')})`;
    out.push(
      `${what}: ours/QEMU ${w.toFixed(2)} wall, ${c.toFixed(2)} CPU: ` +
        (w <= 1 && c <= 1 ? 'met' : w <= 1 || c <= 1 ? 'met by one measure' : 'NOT met'),
    );
  }
  return out;
}

// ---- header -----------------------------------------------------------------------------------

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0].trim() : `${cmd}: unavailable`;
}

function header(): void {
  const c = cpus();
  const deb = (pkg: string) => firstLine('dpkg-query', ['-W', '-f', '${Version}', pkg]);
  const wasm = statSync(WASM_PATH);
  console.log('Bao Studio emulator vs QEMU, side by side (npm run bench)');
  console.log(
    `host: ${c.length} x ${c[0]?.model ?? '?'}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `node ${process.version}; ${firstLine(QEMU, ['--version'])}; OpenSBI ${deb('opensbi')} (fw_jump.elf); ` +
      `${firstLine(CROSS_GCC, ['--version'])}`,
  );
  console.log(
    `emulator: ${WASM_PATH.replace(/.*\/core\//, 'core/')} ${(wasm.size / 1024).toFixed(0)} KiB, git ${firstLine('git', ['-C', HERE, 'rev-parse', '--short', 'HEAD'])}` +
      `; median of ${RUNS} runs (${RUNS + 2} for OpenSBI), ours and QEMU alternating`,
  );
  console.log('');
}

async function main(): Promise<void> {
  const why = missing({ commands: [QEMU, CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;
  if (why) {
    console.log(`bench: cannot run: ${why}`);
    process.exitCode = 1;
    return;
  }
  const t0 = performance.now();
  header();
  const rows: Row[] = [];
  const notes: string[] = [];
  // A section that fails (a build error, a run that misses its text) is reported under the
  // table, and the other sections still run.
  const sections: [string, () => Promise<void>][] = [
    ['CPU-bound', () => cpuBound(rows, notes)],
    ['OpenSBI', () => openSbi(rows)],
    ['Bao', () => bao(rows, notes)],
  ];
  for (const [name, run] of sections) {
    try {
      await run();
    } catch (e) {
      notes.push(`${name} section FAILED: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
  notes.push(...freshNotes);
  printTable(rows);
  console.log('');
  for (const l of [
    'ours: in-process, from machine creation (image loading included) to the text on the UART;',
    "  later runs of a process reuse V8's compiled JIT modules: see the fresh-process rows.",
    'QEMU: from spawn (process start-up included) to the text on its stdout.',
    'wall: includes waiting for a core on this shared machine; CPU: user + system time to that',
    'point (QEMU: all its threads; /proc in 10 ms ticks, exact for the CPU-bound rows).',
    'ours vs QEMU: median of the pairwise ratios (run i of ours against run i of QEMU).',
  ])
    console.log(l);
  for (const t of targets(rows)) console.log(`issue 3 target: ${t}`);
  for (const n of notes) console.log(`- ${n}`);
  console.log(`(bench took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

await main();
