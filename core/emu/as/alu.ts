// Integer helpers of the M and B extensions (pure functions, inlined into the interpreter).

export function mulhu(a: u64, b: u64): u64 {
  let a0 = a & 0xffffffff, a1 = a >>> 32, b0 = b & 0xffffffff, b1 = b >>> 32;
  let p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  let mid = (p00 >>> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  return p11 + (p01 >>> 32) + (p10 >>> 32) + (mid >>> 32);
}
export function mulh(a: u64, b: u64): u64 {
  let r = mulhu(a, b);
  if (<i64>a < 0) r -= b;
  if (<i64>b < 0) r -= a;
  return r;
}
export function mulhsu(a: u64, b: u64): u64 {
  let r = mulhu(a, b);
  if (<i64>a < 0) r -= b;
  return r;
}
export function div(a: u64, b: u64): u64 {
  if (b == 0) return 0xffffffffffffffff;
  if (a == 0x8000000000000000 && b == 0xffffffffffffffff) return a;
  return <u64>(<i64>a / <i64>b);
}
export function divu(a: u64, b: u64): u64 {
  return b == 0 ? 0xffffffffffffffff : a / b;
}
export function rem(a: u64, b: u64): u64 {
  if (b == 0) return a;
  if (a == 0x8000000000000000 && b == 0xffffffffffffffff) return 0;
  return <u64>(<i64>a % <i64>b);
}
export function remu(a: u64, b: u64): u64 {
  return b == 0 ? a : a % b;
}
@inline export function sx32(v: u64): u64 {
  return <u64><i64><i32>v;
}
export function divw(a: u64, b: u64): u64 {
  let x = <i32>a, y = <i32>b;
  if (y == 0) return 0xffffffffffffffff;
  if (x == -2147483648 && y == -1) return sx32(<u64>x);
  return sx32(<u64>(x / y));
}
export function divuw(a: u64, b: u64): u64 {
  let x = <u32>a, y = <u32>b;
  if (y == 0) return 0xffffffffffffffff;
  return sx32(<u64>(x / y));
}
export function remw(a: u64, b: u64): u64 {
  let x = <i32>a, y = <i32>b;
  if (y == 0) return sx32(<u64>x);
  if (x == -2147483648 && y == -1) return 0;
  return sx32(<u64>(x % y));
}
export function remuw(a: u64, b: u64): u64 {
  let x = <u32>a, y = <u32>b;
  if (y == 0) return sx32(<u64>x);
  return sx32(<u64>(x % y));
}
export function clmul(a: u64, b: u64): u64 {
  let r: u64 = 0;
  for (let i: u64 = 0; i < 64; i++) if (((b >>> i) & 1) != 0) r ^= a << i;
  return r;
}
export function clmulh(a: u64, b: u64): u64 {
  let r: u64 = 0;
  for (let i: u64 = 1; i < 64; i++) if (((b >>> i) & 1) != 0) r ^= a >>> (64 - i);
  return r;
}
export function clmulr(a: u64, b: u64): u64 {
  let r: u64 = 0;
  for (let i: u64 = 0; i < 64; i++) if (((b >>> i) & 1) != 0) r ^= a >>> (63 - i);
  return r;
}
export function orcb(a: u64): u64 {
  let r: u64 = 0;
  for (let i: u64 = 0; i < 64; i += 8) if (((a >>> i) & 0xff) != 0) r |= (<u64>0xff) << i;
  return r;
}
