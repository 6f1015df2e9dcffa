// The JIT's hard cases as assembly programs (test/emu/jit/programs): self-modifying code once it
// is hot, traps and MMIO inside hot loops, timer interrupts while hot code runs, harts polling
// memory other harts write. Each must print QEMU 7.2's signature with the JIT on and off, and
// the two must agree at every chunk boundary in lockstep (chunk sizes and quanta varied).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CROSS_GCC, QEMU, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import {
  buildProgram,
  diffSignatures,
  programOptions,
  runProgramInOurs,
  runProgramInQemu,
} from '../support/isa-harness.js';
import { createPair, lockstep, withJit } from './support/lockstep.js';

const DIR = join(import.meta.dirname, 'programs');
const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.S'))
  .sort();
const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;
const skipQemu = missing({ commands: [QEMU] });

/**
 * Lockstep variants: chunk schedule, quantum (undefined: the program's), events recorded. Every
 * run() starts its round at hart 0, so schedules of small chunks only also include a large one
 * (or the other harts would never run).
 */
const VARIANTS: {
  chunks: bigint[];
  quantum?: number;
  events: boolean;
  threshold?: number | 'default';
  /** Instructions before the JIT starts translating (it switches on mid-run). */
  after?: number;
}[] = [
  { chunks: [1n, 7n, 1n, 3001n], events: true },
  { chunks: [3n, 1000n], quantum: 100, events: false },
  { chunks: [13n, 257n, 4099n], events: true, threshold: 1 },
  { chunks: [100003n], quantum: 1, events: false },
  { chunks: [7n, 1n, 3001n], quantum: 100, events: false },
  { chunks: [5000n, 11n], events: false, threshold: 'default' },
  { chunks: [997n, 5n], events: true, after: 3000 },
];

describe.skipIf(skip)(`JIT programs${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const p of programs) {
    describe(p, () => {
      const src = join(DIR, p);
      it.skipIf(skipQemu)(
        `prints QEMU's signature with the JIT on and off${skipQemu ? ` (skipped: ${skipQemu})` : ''}`,
        async () => {
          const elf = buildProgram(src);
          const o = programOptions(src);
          const [ref, on, off] = await Promise.all([
            runProgramInQemu(elf, o),
            runProgramInOurs(elf, {
              ...o,
              machine: withJit(o.machine ?? {}, { threshold: 2, after: 0, batch: 1 }),
            }),
            runProgramInOurs(elf, { ...o, machine: withJit(o.machine ?? {}, false) }),
          ]);
          expect(ref.complete, ref.raw.slice(-300)).toBe(true);
          expect(diffSignatures(on, ref), 'JIT on vs QEMU').toEqual([]);
          expect(diffSignatures(off, ref), 'JIT off vs QEMU').toEqual([]);
        },
      );
      it('runs identically with the JIT on and off, in lockstep', async () => {
        const elf = fileArg(buildProgram(src));
        const o = programOptions(src);
        for (const v of VARIANTS) {
          const pair = await createPair(
            { kernel: elf },
            {
              ...o.machine,
              harts: o.harts,
              quantum: v.quantum ?? o.machine?.quantum,
              ramSize: 16n << 20n,
              events: v.events ? ['trap', 'mode'] : [],
              threshold: v.threshold,
              after: v.after,
            },
          );
          const r = lockstep(pair, { chunks: v.chunks, maxInsns: 5_000_000n, fullEvery: 5000n });
          const what = `chunks ${v.chunks.join(',')}, quantum ${v.quantum ?? 'default'}, threshold ${v.threshold ?? 2}, after ${v.after ?? 0}`;
          expect(r.divergence, what).toBeUndefined();
          expect(r.reason, `${what}: ${pair.out.ref.slice(-300)}`).toBe('poweroff');
          // the JIT really ran: translated code retired instructions (with the core's default
          // threshold a short program may stay interpreted)
          if (v.threshold !== 'default')
            expect(pair.jit.jitStats().ranInsns, `${what}: run translated`).toBeGreaterThan(0);
        }
      });
    });
  }
});
