// `npm run bench`: the emulator against QEMU 7.2 on the same images, side by side.
//  1. CPU-bound program with the MMU on (Sv39, S-mode): our MIPS vs QEMU's wall time.
//  2. Wall time to OpenSBI's banner and to our payload's first line, 1 and 4 harts.
// Medians of several runs, timed in-process for ours (machine creation and image loading
// included) and from spawn to the text on the UART for QEMU (process start-up included).
import { join } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../emu/support/isa-harness.js';
import { buildPayload } from '../emu/support/payload.js';
import { runQemu } from '../emu/support/qemu.js';
import { emuMissing, fileArg, runOurs } from '../emu/support/emu.js';
import { CROSS_GCC, FW_JUMP, QEMU, missing } from '../emu/support/tools.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const why = missing({ commands: [QEMU, CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;
  if (why) {
    console.log(`bench: cannot run: ${why}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Bao Studio emulator vs ${QEMU} (median of ${RUNS} runs)\n`);

  // 1. CPU-bound with the MMU on.
  const elf = buildProgram(join(HERE, 'programs', 'cpu-mmu.S'), {
    defines: ['ITERATIONS=12000000'],
  });
  const ours: { ms: number; insns: bigint; sig: string }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await runOurs(
      { kernel: fileArg(elf) },
      { harts: 1, waitExit: true, timeoutMs: 120_000 },
    );
    if (r.result.reason !== 'poweroff')
      throw new Error(`cpu-mmu did not finish in our emulator: ${r.result.reason}`);
    ours.push({
      ms: r.wallMs,
      insns: r.machine.instructionCounts()[0],
      sig: r.output
        .split('\n')
        .filter((l) => l.startsWith('SIG'))
        .join(),
    });
  }
  const qemu: { ms: number; sig: string }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await runQemu(['-bios', 'none', '-kernel', elf], {
      waitExit: true,
      timeoutMs: 120_000,
    });
    qemu.push({
      ms: performance.now() - t0,
      sig: r.output
        .split(/\r?\n/)
        .filter((l) => l.startsWith('SIG'))
        .join(),
    });
  }
  const insns = Number(ours[0].insns);
  const oursMs = median(ours.map((o) => o.ms));
  const qemuMs = median(qemu.map((q) => q.ms));
  const same =
    ours[0].sig === qemu[0].sig
      ? 'checksums agree'
      : `CHECKSUMS DIFFER: ours ${ours[0].sig} qemu ${qemu[0].sig}`;
  console.log(`CPU-bound, Sv39 in S-mode (${(insns / 1e6).toFixed(0)} M instructions; ${same})`);
  console.log(
    `  ours: ${fmt(oursMs).padStart(9)}  ${((insns / oursMs) * 1e-3).toFixed(0).padStart(6)} MIPS   (target >= 200)`,
  );
  console.log(
    `  QEMU: ${fmt(qemuMs).padStart(9)}  ${((insns / qemuMs) * 1e-3).toFixed(0).padStart(6)} MIPS-equivalent (same instruction count, process start-up included)\n`,
  );

  // 2. Boot times.
  const payload = buildPayload();
  const BANNER = 'Boot HART MEDELEG';
  const PAYLOAD = 'payload: hello through the SBI console';
  console.log('Wall time from start            to OpenSBI banner      to payload');
  for (const harts of [1, 4]) {
    const o = { banner: [] as number[], payload: [] as number[] };
    const q = { banner: [] as number[], payload: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      const r = await runOurs(
        { bios: fileArg(FW_JUMP), kernel: fileArg(payload) },
        {
          harts,
          ramSize: 256n << 20n,
          expect: [BANNER, PAYLOAD],
          timeoutMs: 60_000,
          chunk: 200_000n,
        },
      );
      o.banner.push(r.seenAt.get(BANNER) ?? NaN);
      o.payload.push(r.seenAt.get(PAYLOAD) ?? NaN);
      const s = await runQemu(
        ['-smp', String(harts), '-m', '256M', '-bios', FW_JUMP, '-kernel', payload],
        { expect: [BANNER, PAYLOAD], timeoutMs: 60_000 },
      );
      q.banner.push(s.seenAt.get(BANNER) ?? NaN);
      q.payload.push(s.seenAt.get(PAYLOAD) ?? NaN);
    }
    const row = (who: string, t: { banner: number[]; payload: number[] }): string =>
      `  ${who} fw_jump, ${harts} hart${harts > 1 ? 's' : ' '}`.padEnd(33) +
      fmt(median(t.banner)).padStart(9) +
      fmt(median(t.payload)).padStart(19);
    console.log(row('ours', o));
    console.log(row('QEMU', q));
  }
  console.log(
    '\n(ours: in-process, machine creation and image loading included; QEMU: process spawn to UART text)',
  );
}

await main();
