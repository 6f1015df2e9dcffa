// The public arithmetic entry points (named after the instructions they implement): RNE first
// tries a native fast path (fast.ts), everything else and every fast-path miss runs the
// integer ("soft") algorithm.
import { F32_SIGN } from './f32_pack';
import { F64_SIGN } from './f64_pack';
import { RM_RNE } from './flags';
import {
  f32AddFast,
  f32DivFast,
  f32MulAddFast,
  f32MulFast,
  f32SqrtFast,
  f64AddFast,
  f64DivFast,
  f64MulAddFast,
  f64MulFast,
  f64SqrtFast,
  FAST_MISS_32,
  FAST_MISS_64,
} from './fast';
import { f32AddSoft, f32DivSoft, f32MulSoft, f32SqrtSoft } from './f32_arith';
import { f64AddSoft, f64DivSoft, f64MulSoft, f64SqrtSoft } from './f64_arith';
import { f32MulAddSoft } from './f32_fma';
import { f64MulAddSoft } from './f64_fma';

export function f32_add(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32AddFast(a, b);
    if (r != FAST_MISS_32) return r;
  }
  return f32AddSoft(a, b, rm, false);
}
export function f32_sub(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32AddFast(a, b ^ F32_SIGN);
    if (r != FAST_MISS_32) return r;
  }
  return f32AddSoft(a, b, rm, true);
}
export function f32_mul(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32MulFast(a, b);
    if (r != FAST_MISS_32) return r;
  }
  return f32MulSoft(a, b, rm);
}
export function f32_div(a: u32, b: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32DivFast(a, b);
    if (r != FAST_MISS_32) return r;
  }
  return f32DivSoft(a, b, rm);
}
export function f32_sqrt(a: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32SqrtFast(a);
    if (r != FAST_MISS_32) return r;
  }
  return f32SqrtSoft(a, rm);
}
export function f32_mulAdd(a: u32, b: u32, c: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32MulAddFast(a, b, c);
    if (r != FAST_MISS_32) return r;
  }
  return f32MulAddSoft(a, b, c, rm, false, false);
}
export function f32_mulSub(a: u32, b: u32, c: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32MulAddFast(a, b, c ^ F32_SIGN);
    if (r != FAST_MISS_32) return r;
  }
  return f32MulAddSoft(a, b, c, rm, false, true);
}
export function f32_negMulSub(a: u32, b: u32, c: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32MulAddFast(a ^ F32_SIGN, b, c);
    if (r != FAST_MISS_32) return r;
  }
  return f32MulAddSoft(a, b, c, rm, true, false);
}
export function f32_negMulAdd(a: u32, b: u32, c: u32, rm: u32): u32 {
  if (rm == RM_RNE) {
    const r = f32MulAddFast(a ^ F32_SIGN, b, c ^ F32_SIGN);
    if (r != FAST_MISS_32) return r;
  }
  return f32MulAddSoft(a, b, c, rm, true, true);
}

export function f64_add(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64AddFast(a, b);
    if (r != FAST_MISS_64) return r;
  }
  return f64AddSoft(a, b, rm, false);
}
export function f64_sub(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64AddFast(a, b ^ F64_SIGN);
    if (r != FAST_MISS_64) return r;
  }
  return f64AddSoft(a, b, rm, true);
}
export function f64_mul(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64MulFast(a, b);
    if (r != FAST_MISS_64) return r;
  }
  return f64MulSoft(a, b, rm);
}
export function f64_div(a: u64, b: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64DivFast(a, b);
    if (r != FAST_MISS_64) return r;
  }
  return f64DivSoft(a, b, rm);
}
export function f64_sqrt(a: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64SqrtFast(a);
    if (r != FAST_MISS_64) return r;
  }
  return f64SqrtSoft(a, rm);
}
export function f64_mulAdd(a: u64, b: u64, c: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64MulAddFast(a, b, c);
    if (r != FAST_MISS_64) return r;
  }
  return f64MulAddSoft(a, b, c, rm, false, false);
}
export function f64_mulSub(a: u64, b: u64, c: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64MulAddFast(a, b, c ^ F64_SIGN);
    if (r != FAST_MISS_64) return r;
  }
  return f64MulAddSoft(a, b, c, rm, false, true);
}
export function f64_negMulSub(a: u64, b: u64, c: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64MulAddFast(a ^ F64_SIGN, b, c);
    if (r != FAST_MISS_64) return r;
  }
  return f64MulAddSoft(a, b, c, rm, true, false);
}
export function f64_negMulAdd(a: u64, b: u64, c: u64, rm: u32): u64 {
  if (rm == RM_RNE) {
    const r = f64MulAddFast(a ^ F64_SIGN, b, c ^ F64_SIGN);
    if (r != FAST_MISS_64) return r;
  }
  return f64MulAddSoft(a, b, c, rm, true, true);
}
