// binary64 field access, NaN tests and the single rounding step every f64 operation ends in.
import { raise, FLAG_NX, FLAG_OF, FLAG_UF, RM_RDN, RM_RMM, RM_RNE, RM_RUP } from './flags';
import { shiftRightJam64 } from './wide';

export const F64_SIGN: u64 = 0x8000000000000000;
export const F64_FRAC: u64 = 0x000fffffffffffff;
export const F64_HIDDEN: u64 = 0x0010000000000000;
export const F64_INF: u64 = 0x7ff0000000000000;

// @ts-ignore: decorator
@inline
export function f64Exp(a: u64): i32 {
  return <i32>((a >> 52) & 0x7ff);
}

// @ts-ignore: decorator
@inline
export function f64IsNaN(a: u64): bool {
  return (a & ~F64_SIGN) > F64_INF;
}

// @ts-ignore: decorator
@inline
export function f64IsSNaN(a: u64): bool {
  return f64IsNaN(a) && (a & 0x0008000000000000) == 0;
}

/**
 * Normalization of a subnormal's fraction (non-zero): `f64NormExp` gets the exponent the
 * value would have with its leading one moved to the hidden-bit position (<= 0), and
 * `f64NormSig` that significand. Callers with a normal operand use exp and frac|HIDDEN.
 */
// @ts-ignore: decorator
@inline
export function f64NormShift(frac: u64): i32 {
  return <i32>clz<u64>(frac) - 11;
}

/**
 * Rounds and packs. The value is sig * 2^(exp - 1084), where sig < 2^63 has its leading one at
 * bit 62 for a normal result (the low 10 bits are guard/sticky bits), so exp is the biased
 * exponent minus one: the leading one itself adds the missing 1 when packed. exp < 0 means a
 * subnormal or underflowing result. Tininess is detected after rounding, as RISC-V requires.
 */
export function roundPackF64(sign: bool, exp: i32, sig: u64, rm: u32): u64 {
  const signBit: u64 = sign ? F64_SIGN : 0;
  let inc: u64 = 0x200;
  if (rm != RM_RNE && rm != RM_RMM) inc = rm == (sign ? RM_RDN : RM_RUP) ? 0x3ff : 0;
  let roundBits = sig & 0x3ff;
  if (<u32>exp >= 0x7fd) {
    if (exp < 0) {
      // Tiny unless rounding at full precision with an unbounded exponent reaches 2^-1022.
      const isTiny = exp < -1 || sig + inc < 0x8000000000000000;
      sig = shiftRightJam64(sig, <u32>-exp);
      exp = 0;
      roundBits = sig & 0x3ff;
      if (isTiny && roundBits != 0) raise(FLAG_UF);
    } else if (exp > 0x7fd || sig + inc >= 0x8000000000000000) {
      raise(FLAG_OF | FLAG_NX);
      // Directed modes rounding towards zero give the largest finite number, not infinity.
      return signBit | (inc == 0 ? 0x7fefffffffffffff : F64_INF);
    }
  }
  if (roundBits != 0) raise(FLAG_NX);
  sig = (sig + inc) >> 10;
  if (roundBits == 0x200 && rm == RM_RNE) sig &= ~(<u64>1);
  if (sig == 0) exp = 0;
  return signBit | ((<u64>exp << 52) + sig);
}

/** Like roundPackF64 for any non-zero sig (< 2^64): first moves its leading one to bit 62. */
export function normRoundPackF64(sign: bool, exp: i32, sig: u64, rm: u32): u64 {
  const shift = <i32>clz<u64>(sig) - 1;
  if (shift < 0) return roundPackF64(sign, exp + 1, shiftRightJam64(sig, 1), rm);
  return roundPackF64(sign, exp - shift, sig << <u64>shift, rm);
}
