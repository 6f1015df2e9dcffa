// Maps each RISC-V instruction the generator runs to the fpu function(s) that implement it,
// with the argument and result conversions the wasm boundary needs.
import type { FpuExports } from './fpu-wasm.js';
import type { Vector } from './reference.js';

type Eval = (x: FpuExports, v: Vector) => bigint;

const u32 = (v: bigint): number => Number(BigInt.asUintN(32, v));
const i32 = (v: bigint): number => Number(BigInt.asIntN(32, v));
const f32Res = (r: number | bigint): bigint => BigInt(Number(r) >>> 0);
const u64Res = (r: number | bigint): bigint => BigInt.asUintN(64, BigInt(r));

const f32Rm2 =
  (fn: string): Eval =>
  (x, v) =>
    f32Res(x[fn](u32(v.a), u32(v.b), v.rm));
const f32Rm1 =
  (fn: string): Eval =>
  (x, v) =>
    f32Res(x[fn](u32(v.a), v.rm));
const f32Rm3 =
  (fn: string): Eval =>
  (x, v) =>
    f32Res(x[fn](u32(v.a), u32(v.b), u32(v.c), v.rm));
const f32Op2 =
  (fn: string): Eval =>
  (x, v) =>
    f32Res(x[fn](u32(v.a), u32(v.b)));
const f32ToX =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](u32(v.a), v.rm));
const f64Rm2 =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](v.a, v.b, v.rm));
const f64Rm1 =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](v.a, v.rm));
const f64Rm3 =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](v.a, v.b, v.c, v.rm));
const f64Op2 =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](v.a, v.b));
const f64ToX =
  (fn: string): Eval =>
  (x, v) =>
    u64Res(x[fn](v.a, v.rm));
// Compare results and fclass are u32 in wasm, written to rd zero-extended.
const f32Cmp =
  (fn: string): Eval =>
  (x, v) =>
    BigInt(Number(x[fn](u32(v.a), u32(v.b))) >>> 0);
const f64Cmp =
  (fn: string): Eval =>
  (x, v) =>
    BigInt(Number(x[fn](v.a, v.b)) >>> 0);

// Integer sources as the hart passes them: low 32 bits for W/WU, the register for L/LU.
const fromW =
  (fn: string, res: (r: number | bigint) => bigint): Eval =>
  (x, v) =>
    res(x[fn](i32(v.a), v.rm));
const fromWU =
  (fn: string, res: (r: number | bigint) => bigint): Eval =>
  (x, v) =>
    res(x[fn](u32(v.a), v.rm));
const fromL =
  (fn: string, res: (r: number | bigint) => bigint): Eval =>
  (x, v) =>
    res(x[fn](BigInt.asIntN(64, v.a), v.rm));
const fromLU =
  (fn: string, res: (r: number | bigint) => bigint): Eval =>
  (x, v) =>
    res(x[fn](v.a, v.rm));

export const EVALUATORS: Record<string, Eval> = {
  'fadd.s': f32Rm2('f32_add'),
  'fsub.s': f32Rm2('f32_sub'),
  'fmul.s': f32Rm2('f32_mul'),
  'fdiv.s': f32Rm2('f32_div'),
  'fsqrt.s': f32Rm1('f32_sqrt'),
  'fmadd.s': f32Rm3('f32_mulAdd'),
  'fmsub.s': f32Rm3('f32_mulSub'),
  'fnmsub.s': f32Rm3('f32_negMulSub'),
  'fnmadd.s': f32Rm3('f32_negMulAdd'),
  'fmin.s': f32Op2('f32_min'),
  'fmax.s': f32Op2('f32_max'),
  'fsgnj.s': f32Op2('f32_sgnj'),
  'fsgnjn.s': f32Op2('f32_sgnjn'),
  'fsgnjx.s': f32Op2('f32_sgnjx'),
  'feq.s': f32Cmp('f32_eq'),
  'flt.s': f32Cmp('f32_lt'),
  'fle.s': f32Cmp('f32_le'),
  'fclass.s': (x, v) => BigInt(Number(x.f32_classify(u32(v.a))) >>> 0),
  'fcvt.w.s': f32ToX('f32_to_i32'),
  'fcvt.wu.s': f32ToX('f32_to_u32'),
  'fcvt.l.s': f32ToX('f32_to_i64'),
  'fcvt.lu.s': f32ToX('f32_to_u64'),
  'fcvt.s.w': fromW('i32_to_f32', f32Res),
  'fcvt.s.wu': fromWU('u32_to_f32', f32Res),
  'fcvt.s.l': fromL('i64_to_f32', f32Res),
  'fcvt.s.lu': fromLU('u64_to_f32', f32Res),
  'fcvt.d.s': (x, v) => u64Res(x.f32_to_f64(u32(v.a))),
  'fcvt.s.d': (x, v) => f32Res(x.f64_to_f32(v.a, v.rm)),
  'fadd.d': f64Rm2('f64_add'),
  'fsub.d': f64Rm2('f64_sub'),
  'fmul.d': f64Rm2('f64_mul'),
  'fdiv.d': f64Rm2('f64_div'),
  'fsqrt.d': f64Rm1('f64_sqrt'),
  'fmadd.d': f64Rm3('f64_mulAdd'),
  'fmsub.d': f64Rm3('f64_mulSub'),
  'fnmsub.d': f64Rm3('f64_negMulSub'),
  'fnmadd.d': f64Rm3('f64_negMulAdd'),
  'fmin.d': f64Op2('f64_min'),
  'fmax.d': f64Op2('f64_max'),
  'fsgnj.d': f64Op2('f64_sgnj'),
  'fsgnjn.d': f64Op2('f64_sgnjn'),
  'fsgnjx.d': f64Op2('f64_sgnjx'),
  'feq.d': f64Cmp('f64_eq'),
  'flt.d': f64Cmp('f64_lt'),
  'fle.d': f64Cmp('f64_le'),
  'fclass.d': (x, v) => BigInt(Number(x.f64_classify(v.a)) >>> 0),
  'fcvt.w.d': f64ToX('f64_to_i32'),
  'fcvt.wu.d': f64ToX('f64_to_u32'),
  'fcvt.l.d': f64ToX('f64_to_i64'),
  'fcvt.lu.d': f64ToX('f64_to_u64'),
  'fcvt.d.w': fromW('i32_to_f64', u64Res),
  'fcvt.d.wu': fromWU('u32_to_f64', u64Res),
  'fcvt.d.l': fromL('i64_to_f64', u64Res),
  'fcvt.d.lu': fromLU('u64_to_f64', u64Res),
  // Raw 64-bit registers in and out: the hart's unbox -> operate -> box sequence.
  'box.fadd.s': (x, v) => u64Res(x.boxF32(x.f32_add(x.unboxF32(v.a), x.unboxF32(v.b), v.rm))),
  'box.fsgnj.s': (x, v) => {
    const a = x.unboxF32(v.a);
    return u64Res(x.boxF32(x.f32_sgnj(a, x.unboxF32(v.b))));
  },
};
