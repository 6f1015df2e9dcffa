// The FPU (core/emu/as/fpu) against real RISC-V F/D instructions executed by qemu-riscv64:
// every vector's result bits and fflags must match, for all five rounding modes.
import { beforeAll, describe, expect, it } from 'vitest';
import { missing } from '../support/tools.js';
import { compileFpu, type FpuExports } from './fpu-wasm.js';
import { EVALUATORS } from './ops.js';
import { CROSS_GCC, QEMU_USER, generateVectors, type VectorSet } from './reference.js';

const PER_OP_AND_MODE = 1500; // x 5 rounding modes = 7500 vectors per instruction
const SEED = 20260601;

const why = missing({ commands: [CROSS_GCC, QEMU_USER] });
if (why) console.warn(`[fpu] skipping the reference comparison: ${why}`);

const hex = (v: bigint, digits: number): string => v.toString(16).padStart(digits, '0');

describe.skipIf(why !== undefined)('fpu vs RISC-V hardware semantics (qemu-riscv64)', () => {
  let fpu: FpuExports;
  let set: VectorSet;

  beforeAll(async () => {
    set = generateVectors(PER_OP_AND_MODE, SEED);
    fpu = await compileFpu();
  });

  it('covers every instruction the generator runs, in every rounding mode', () => {
    expect(set.ops.filter((op) => !(op in EVALUATORS))).toEqual([]);
    const perOp = new Map<string, Set<number>>();
    for (const v of set.vectors) {
      const modes = perOp.get(v.op) ?? new Set<number>();
      modes.add(v.rm);
      perOp.set(v.op, modes);
    }
    for (const op of set.ops) expect([op, perOp.get(op)?.size]).toEqual([op, 5]);
    expect(set.vectors.length).toBe(set.ops.length * 5 * PER_OP_AND_MODE);
  });

  it('matches result bits and fflags on every vector', () => {
    const stats = new Map<string, { total: number; failed: number }>();
    const failures: string[] = [];
    for (const v of set.vectors) {
      fpu.fpuFlags.value = 0;
      const got = EVALUATORS[v.op](fpu, v);
      const flags = fpu.fpuFlags.value as number;
      const s = stats.get(v.op) ?? { total: 0, failed: 0 };
      s.total++;
      if (got !== v.result || flags !== v.flags) {
        s.failed++;
        if (s.failed <= 3)
          failures.push(
            `${v.op} rm=${v.rm} a=${hex(v.a, 16)} b=${hex(v.b, 16)} c=${hex(v.c, 16)}: ` +
              `got ${hex(got, 16)} flags ${flags.toString(2).padStart(5, '0')}, ` +
              `want ${hex(v.result, 16)} flags ${v.flags.toString(2).padStart(5, '0')}`,
          );
      }
      stats.set(v.op, s);
    }
    const failedOps = [...stats].filter(([, s]) => s.failed > 0);
    const passed = [...stats.values()].reduce((n, s) => n + s.total - s.failed, 0);
    console.log(
      `[fpu] ${passed}/${set.vectors.length} vectors match across ${stats.size} instructions` +
        (failedOps.length
          ? `; failing: ${failedOps.map(([op, s]) => `${op} ${s.failed}/${s.total}`).join(', ')}`
          : ''),
    );
    expect(failures).toEqual([]);
  });
});
