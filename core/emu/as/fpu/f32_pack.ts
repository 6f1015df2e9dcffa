// binary32 field access, NaN tests and the single rounding step every f32 operation ends in.
// Significands are carried in u64 (24 bits + 39 guard/sticky bits), so products and quotients
// of binary32 significands need no 128-bit arithmetic.
import { raise, FLAG_NX, FLAG_OF, FLAG_UF, RM_RDN, RM_RMM, RM_RNE, RM_RUP } from './flags';
import { shiftRightJam64 } from './wide';

export const F32_SIGN: u32 = 0x80000000;
export const F32_FRAC: u32 = 0x007fffff;
export const F32_HIDDEN: u32 = 0x00800000;
export const F32_INF: u32 = 0x7f800000;

const ROUND_MASK: u64 = 0x7fffffffff; // the 39 bits below the 24-bit significand
const HALF: u64 = 0x4000000000;

// @ts-ignore: decorator
@inline
export function f32Exp(a: u32): i32 {
  return <i32>((a >> 23) & 0xff);
}

// @ts-ignore: decorator
@inline
export function f32IsNaN(a: u32): bool {
  return (a & ~F32_SIGN) > F32_INF;
}

// @ts-ignore: decorator
@inline
export function f32IsSNaN(a: u32): bool {
  return f32IsNaN(a) && (a & 0x00400000) == 0;
}

/** Left shift that moves a subnormal's leading one (frac != 0) to the hidden-bit position. */
// @ts-ignore: decorator
@inline
export function f32NormShift(frac: u32): i32 {
  return <i32>clz<u32>(frac) - 8;
}

/**
 * Rounds and packs. The value is sig * 2^(exp - 188), where sig < 2^63 has its leading one at
 * bit 62 for a normal result (39 guard/sticky bits below the 24-bit significand), so exp is the
 * biased exponent minus one. exp < 0 means a subnormal or underflowing result. Tininess is
 * detected after rounding, as RISC-V requires.
 */
export function roundPackF32(sign: bool, exp: i32, sig: u64, rm: u32): u32 {
  const signBit: u32 = sign ? F32_SIGN : 0;
  let inc: u64 = HALF;
  if (rm != RM_RNE && rm != RM_RMM) inc = rm == (sign ? RM_RDN : RM_RUP) ? ROUND_MASK : 0;
  let roundBits = sig & ROUND_MASK;
  if (<u32>exp >= 0xfd) {
    if (exp < 0) {
      const isTiny = exp < -1 || sig + inc < 0x8000000000000000;
      sig = shiftRightJam64(sig, <u32>-exp);
      exp = 0;
      roundBits = sig & ROUND_MASK;
      if (isTiny && roundBits != 0) raise(FLAG_UF);
    } else if (exp > 0xfd || sig + inc >= 0x8000000000000000) {
      raise(FLAG_OF | FLAG_NX);
      return signBit | (inc == 0 ? 0x7f7fffff : F32_INF);
    }
  }
  if (roundBits != 0) raise(FLAG_NX);
  let s = <u32>((sig + inc) >> 39);
  if (roundBits == HALF && rm == RM_RNE) s &= ~1;
  if (s == 0) exp = 0;
  return signBit | ((<u32>exp << 23) + s);
}

/** Like roundPackF32 for any non-zero sig (< 2^64): first moves its leading one to bit 62. */
export function normRoundPackF32(sign: bool, exp: i32, sig: u64, rm: u32): u32 {
  const shift = <i32>clz<u64>(sig) - 1;
  if (shift < 0) return roundPackF32(sign, exp + 1, shiftRightJam64(sig, 1), rm);
  return roundPackF32(sign, exp - shift, sig << <u64>shift, rm);
}
