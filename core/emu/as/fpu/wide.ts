// Integer helpers for the softfloat paths: sticky shifts and a 64x64->128 product.

/**
 * Shifts `a` right by `dist`, OR-ing every bit shifted out into bit 0 ("jamming"), so that
 * rounding still sees that the discarded part was non-zero. Any `dist` >= 0 is allowed.
 */
// @ts-ignore: decorator
@inline
export function shiftRightJam64(a: u64, dist: u32): u64 {
  if (dist == 0) return a;
  if (dist < 64) return (a >> <u64>dist) | <u64>((a << <u64>(64 - dist)) != 0);
  return <u64>(a != 0);
}

/** High half of the last `mul64To128` product (module state: wasm functions return one value). */
export let wideHi: u64 = 0;

/** Full 128-bit product of a and b from 32-bit halves: returns the low half, sets `wideHi`. */
export function mul64To128(a: u64, b: u64): u64 {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  wideHi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return (mid << 32) | (p00 & 0xffffffff);
}

/** Low half of the last `shiftRightJam128` result; its high half is returned. */
export let wideLo: u64 = 0;

/** 128-bit (hi:lo) shift right with jamming; returns the high half and sets `wideLo`. */
export function shiftRightJam128(hi: u64, lo: u64, dist: u32): u64 {
  if (dist == 0) {
    wideLo = lo;
    return hi;
  }
  if (dist < 64) {
    const d = <u64>dist;
    wideLo = (lo >> d) | (hi << (64 - d)) | <u64>((lo << (64 - d)) != 0);
    return hi >> d;
  }
  if (dist == 64) {
    wideLo = hi | <u64>(lo != 0);
    return 0;
  }
  if (dist < 128) {
    const d = <u64>(dist - 64);
    wideLo = (hi >> d) | <u64>(((hi << (64 - d)) | lo) != 0);
    return 0;
  }
  wideLo = <u64>((hi | lo) != 0);
  return 0;
}
