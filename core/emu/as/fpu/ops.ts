// The public arithmetic entry points (named after the instructions they implement).
// Each currently runs the integer ("soft") algorithm; fast paths live in fast.ts.
import { f32AddSoft, f32DivSoft, f32MulSoft, f32SqrtSoft } from './f32_arith';
import { f64AddSoft, f64DivSoft, f64MulSoft, f64SqrtSoft } from './f64_arith';
import { f32MulAddSoft } from './f32_fma';
import { f64MulAddSoft } from './f64_fma';

export function f32_add(a: u32, b: u32, rm: u32): u32 {
  return f32AddSoft(a, b, rm, false);
}
export function f32_sub(a: u32, b: u32, rm: u32): u32 {
  return f32AddSoft(a, b, rm, true);
}
export function f32_mul(a: u32, b: u32, rm: u32): u32 {
  return f32MulSoft(a, b, rm);
}
export function f32_div(a: u32, b: u32, rm: u32): u32 {
  return f32DivSoft(a, b, rm);
}
export function f32_sqrt(a: u32, rm: u32): u32 {
  return f32SqrtSoft(a, rm);
}
export function f32_mulAdd(a: u32, b: u32, c: u32, rm: u32): u32 {
  return f32MulAddSoft(a, b, c, rm, false, false);
}
export function f32_mulSub(a: u32, b: u32, c: u32, rm: u32): u32 {
  return f32MulAddSoft(a, b, c, rm, false, true);
}
export function f32_negMulSub(a: u32, b: u32, c: u32, rm: u32): u32 {
  return f32MulAddSoft(a, b, c, rm, true, false);
}
export function f32_negMulAdd(a: u32, b: u32, c: u32, rm: u32): u32 {
  return f32MulAddSoft(a, b, c, rm, true, true);
}

export function f64_add(a: u64, b: u64, rm: u32): u64 {
  return f64AddSoft(a, b, rm, false);
}
export function f64_sub(a: u64, b: u64, rm: u32): u64 {
  return f64AddSoft(a, b, rm, true);
}
export function f64_mul(a: u64, b: u64, rm: u32): u64 {
  return f64MulSoft(a, b, rm);
}
export function f64_div(a: u64, b: u64, rm: u32): u64 {
  return f64DivSoft(a, b, rm);
}
export function f64_sqrt(a: u64, rm: u32): u64 {
  return f64SqrtSoft(a, rm);
}
export function f64_mulAdd(a: u64, b: u64, c: u64, rm: u32): u64 {
  return f64MulAddSoft(a, b, c, rm, false, false);
}
export function f64_mulSub(a: u64, b: u64, c: u64, rm: u32): u64 {
  return f64MulAddSoft(a, b, c, rm, false, true);
}
export function f64_negMulSub(a: u64, b: u64, c: u64, rm: u32): u64 {
  return f64MulAddSoft(a, b, c, rm, true, false);
}
export function f64_negMulAdd(a: u64, b: u64, c: u64, rm: u32): u64 {
  return f64MulAddSoft(a, b, c, rm, true, true);
}
