// Every ISA conformance program of test/emu/isa (and the H-extension, AIA, Svinval and CMO
// programs of the other suites, in the same frame) runs with the JIT (threshold 2: nearly every
// jump target is translated) and without it, in lockstep: the states must agree at every chunk
// boundary, with chunk sizes from 1 instruction up and quanta from 1 up, so blocks are entered
// and left at every possible point.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CROSS_GCC, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { ISA_DIR, buildProgram, programOptions } from '../support/isa-harness.js';
import type { MachineOptions } from '../../../core/emu/options.js';
import { createPair, lockstep } from './support/lockstep.js';

const EMU = join(ISA_DIR, '..');
const IMSIC: MachineOptions = { aia: 'aplic-imsic', aiaGuests: 1 };
const programs: { name: string; src: string; machine: MachineOptions }[] = [
  ...readdirSync(ISA_DIR)
    .filter((f) => f.endsWith('.S'))
    .sort()
    .map((f) => ({ name: f, src: join(ISA_DIR, f), machine: {} })),
  { name: 'as-core/hext.S', src: join(EMU, 'as-core/hext.S'), machine: {} },
  { name: 'as-core/aia.S', src: join(EMU, 'as-core/aia.S'), machine: IMSIC },
  { name: 'aia/delivery.S', src: join(EMU, 'aia/delivery.S'), machine: IMSIC },
  { name: 'aia/direct.S', src: join(EMU, 'aia/direct.S'), machine: { aia: 'aplic' } },
  { name: 'aia/svinval.S', src: join(EMU, 'aia/svinval.S'), machine: { svinval: true } },
  { name: 'aia/cmo.S', src: join(EMU, 'aia/cmo.S'), machine: { zicbom: true, zicboz: true } },
];
const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;

/**
 * Chunk schedules: single steps, odd primes, big chunks (each program gets one by its index).
 * Every run() starts its round at hart 0, so each ends with a chunk large enough for all harts.
 */
const SCHEDULES: bigint[][] = [
  [1n, 1n, 1n, 5000n],
  [7n, 1n, 13n, 5000n],
  [1000n, 3n],
  [100003n],
  [2n, 31n, 257n, 5000n],
];
const QUANTA = [undefined, 1, 3, 17, 1000];

describe.skipIf(skip)(
  `ISA programs, JIT vs interpreter in lockstep${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    programs.forEach((p, i) => {
      it(p.name, async () => {
        const o = programOptions(p.src);
        const elf = fileArg(buildProgram(p.src));
        for (const [j, chunks] of [SCHEDULES[i % SCHEDULES.length], [4099n]].entries()) {
          const pair = await createPair(
            { kernel: elf },
            {
              ...p.machine,
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
          expect(pair.jit.jitStats().blocks, 'blocks translated').toBeGreaterThan(0);
        }
      });
    });
  },
);
