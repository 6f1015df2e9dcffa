// Every ISA conformance program of test/emu/isa runs with the JIT (threshold 2: nearly every
// jump target is translated) and without it, in lockstep: the states must agree at every chunk
// boundary, with chunk sizes from 1 instruction up and quanta from 1 up, so blocks are entered
// and left at every possible point.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CROSS_GCC, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { ISA_DIR, buildProgram, programOptions } from '../support/isa-harness.js';
import { createPair, lockstep } from './support/lockstep.js';

const programs = readdirSync(ISA_DIR)
  .filter((f) => f.endsWith('.S'))
  .sort();
const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;

/** Chunk schedules: single steps, odd primes, big chunks (each program gets one by its index). */
const SCHEDULES: bigint[][] = [[1n], [7n, 1n, 13n], [1000n, 3n], [100003n], [2n, 31n, 257n]];
const QUANTA = [undefined, 1, 3, 17, 1000];

describe.skipIf(skip)(
  `ISA programs, JIT vs interpreter in lockstep${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    programs.forEach((p, i) => {
      it(p, async () => {
        const src = join(ISA_DIR, p);
        const o = programOptions(src);
        const elf = fileArg(buildProgram(src));
        for (const [j, chunks] of [SCHEDULES[i % SCHEDULES.length], [4099n]].entries()) {
          const pair = await createPair(
            { kernel: elf },
            {
              ...o.machine,
              harts: o.harts,
              quantum: o.machine?.quantum ?? QUANTA[(i + j) % QUANTA.length],
              ramSize: 16n << 20n,
              events: j === 1 ? ['trap', 'mode'] : [],
            },
          );
          const r = lockstep(pair, {
            chunks,
            maxInsns: 2_000_000n,
            fullEvery: 500n,
            input: o.input ? [{ after: 'READY', text: o.input }] : [],
          });
          expect(r.divergence).toBeUndefined();
          expect(r.reason, pair.out.ref.slice(-300)).toBe('poweroff');
          expect(pair.out.ref).toMatch(/END\n/);
        }
      });
    });
  },
);
