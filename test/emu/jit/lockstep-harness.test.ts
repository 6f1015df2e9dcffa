// The lockstep comparer itself must catch divergences, or every JIT test would pass vacuously:
// a register, a RAM byte, a CSR or a hart's schedule changed on one side is reported at the
// chunk where it happened, naming what differs.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CROSS_GCC, missing } from '../support/tools.js';
import { emuMissing, fileArg, newMachine } from '../support/emu.js';
import { ISA_DIR, buildProgram } from '../support/isa-harness.js';
import { createPair, lockstep, withJit, type Pair } from './support/lockstep.js';

const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;

describe.skipIf(skip)(
  `lockstep comparer catches divergences${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    const rv64i = (): ReturnType<typeof fileArg> => fileArg(buildProgram(join(ISA_DIR, 'rv64i.S')));

    it('finds nothing between identical runs, and runs the program to its end', async () => {
      const pair = await createPair({ kernel: rv64i() }, { ramSize: 16n << 20n });
      const r = lockstep(pair, { chunks: [97n], maxInsns: 1_000_000n, fullEvery: 300n });
      expect(r.divergence).toBeUndefined();
      expect(r.reason).toBe('poweroff');
      expect(r.insns).toBeGreaterThan(10_000n);
    });

    it('reports a register changed on one side, at that chunk', async () => {
      const pair = await createPair({ kernel: rv64i() }, { ramSize: 16n << 20n });
      const r = lockstep(pair, {
        chunks: [100n],
        maxInsns: 1_000_000n,
        onBoundary: (p, c) => c === 20 && p.jit.setX(0, 28, p.jit.getX(0, 28) ^ 1n),
      });
      expect(r.divergence).toMatch(
        /end of chunk #20 .*\n.*hart 0: x28 \(t3\) jit 0x[0-9a-f]+ {2}ref 0x/,
      );
      expect(r.insns).toBe(2000n);
    });

    it('reports a RAM byte changed on one side (full comparison at the end)', async () => {
      const pair = await createPair({ kernel: rv64i() }, { ramSize: 16n << 20n });
      const at = 0x80abcdefn;
      const r = lockstep(pair, {
        chunks: [1000n],
        maxInsns: 5000n,
        onBoundary: (p, c) => c === 2 && p.ref.writePhys(at, new Uint8Array([0x5a])),
      });
      expect(r.divergence).toContain('RAM differs at 0x80abcdef');
    });

    it('reports a CSR changed on one side', async () => {
      const pair = await createPair({ kernel: rv64i() }, { ramSize: 16n << 20n });
      const r = lockstep(pair, {
        chunks: [10n],
        maxInsns: 1000n,
        onBoundary: (p, c) => c === 5 && p.jit.setCSR(0, 'sscratch', 0x1234n),
        fullEvery: 50n,
      });
      expect(r.divergence).toMatch(/hart 0: CSR sscratch jit 0x1234 {2}ref 0x0/);
    });

    it('reports two schedules that differ (another quantum on one side)', async () => {
      const elf = fileArg(buildProgram(join(ISA_DIR, 'smp.S')));
      const mk = async (quantum: number) => {
        const m = await newMachine(withJit({ harts: 4, quantum, ramSize: 16n << 20n }, false));
        m.boot({ kernel: elf });
        return m;
      };
      const pair: Pair = {
        jit: await mk(3),
        ref: await mk(4),
        out: { jit: '', ref: '' },
        events: { jit: [], ref: [] },
      };
      const r = lockstep(pair, { chunks: [10n], maxInsns: 100_000n });
      expect(r.divergence).toMatch(
        /end of chunk #1 .*\n.*hart 0: instruction count jit 3 {2}ref 4/,
      );
    });
  },
);
