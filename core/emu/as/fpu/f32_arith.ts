// binary32 add, sub, mul, div and sqrt: softfloat-style integer algorithms, one rounding each.
import { raise, F32_CANONICAL_NAN, FLAG_DZ, FLAG_NV, FLAG_NX, RM_RDN, RM_RTZ, RM_RUP } from './flags';
import {
  f32Exp,
  f32IsNaN,
  f32IsSNaN,
  f32NormShift,
  normRoundPackF32,
  roundPackF32,
  F32_FRAC,
  F32_HIDDEN,
  F32_INF,
  F32_SIGN,
} from './f32_pack';
import { shiftRightJam64 } from './wide';

/** Canonical NaN for an operation with NaN operands; NV when any of them is signaling. */
// @ts-ignore: decorator
@inline
export function f32NaNResult(a: u32, b: u32): u32 {
  if (f32IsSNaN(a) || f32IsSNaN(b)) raise(FLAG_NV);
  return F32_CANONICAL_NAN;
}

/** a + b, or a - b when `negB`: exact sum/difference with 38 guard bits, then one rounding. */
export function f32AddSoft(a: u32, b: u32, rm: u32, negB: bool): u32 {
  if (negB) b ^= F32_SIGN;
  let expA = f32Exp(a);
  let expB = f32Exp(b);
  if (expA == 0xff || expB == 0xff) {
    if (f32IsNaN(a) || f32IsNaN(b)) return f32NaNResult(a, b);
    if (expA == 0xff) {
      if (expB == 0xff && (a ^ b) & F32_SIGN) {
        raise(FLAG_NV);
        return F32_CANONICAL_NAN;
      }
      return a;
    }
    return b;
  }
  const signA = (a & F32_SIGN) != 0;
  const signB = (b & F32_SIGN) != 0;
  let fa = a & F32_FRAC;
  let fb = b & F32_FRAC;
  if (expA != 0) fa |= F32_HIDDEN;
  else expA = 1;
  if (expB != 0) fb |= F32_HIDDEN;
  else expB = 1;
  // Leading one at bit 61 (value = sig * 2^(exp - 188)); see f64AddSoft for why jamming is safe.
  let sigA = <u64>fa << 38;
  let sigB = <u64>fb << 38;
  let exp = expA;
  if (expA > expB) sigB = shiftRightJam64(sigB, <u32>(expA - expB));
  else if (expB > expA) {
    sigA = shiftRightJam64(sigA, <u32>(expB - expA));
    exp = expB;
  }
  if (signA == signB) {
    const sum = sigA + sigB;
    if (sum == 0) return a;
    return normRoundPackF32(signA, exp, sum, rm);
  }
  let sign = signA;
  let diff: u64;
  if (sigA >= sigB) diff = sigA - sigB;
  else {
    diff = sigB - sigA;
    sign = signB;
  }
  if (diff == 0) return rm == RM_RDN ? F32_SIGN : 0;
  return normRoundPackF32(sign, exp, diff, rm);
}

/** a * b: the 48-bit product of the significands is exact in u64. */
export function f32MulSoft(a: u32, b: u32, rm: u32): u32 {
  let expA = f32Exp(a);
  let expB = f32Exp(b);
  const sign = ((a ^ b) & F32_SIGN) != 0;
  const signBit: u32 = sign ? F32_SIGN : 0;
  let fa = a & F32_FRAC;
  let fb = b & F32_FRAC;
  if (expA == 0xff || expB == 0xff) {
    if (f32IsNaN(a) || f32IsNaN(b)) return f32NaNResult(a, b);
    if ((expA == 0 && fa == 0) || (expB == 0 && fb == 0)) {
      raise(FLAG_NV); // inf * 0
      return F32_CANONICAL_NAN;
    }
    return signBit | F32_INF;
  }
  if (expA == 0) {
    if (fa == 0) return signBit;
    const s = f32NormShift(fa);
    fa <<= s;
    expA = 1 - s;
  } else fa |= F32_HIDDEN;
  if (expB == 0) {
    if (fb == 0) return signBit;
    const s = f32NormShift(fb);
    fb <<= s;
    expB = 1 - s;
  } else fb |= F32_HIDDEN;
  // Product in [2^46, 2^48); value = p * 2^(expA + expB - 300).
  const p = <u64>fa * <u64>fb;
  return normRoundPackF32(sign, expA + expB - 112, p, rm);
}

/** a / b: a 39-bit quotient from one u64 division, the remainder as sticky bit. */
export function f32DivSoft(a: u32, b: u32, rm: u32): u32 {
  let expA = f32Exp(a);
  let expB = f32Exp(b);
  const sign = ((a ^ b) & F32_SIGN) != 0;
  const signBit: u32 = sign ? F32_SIGN : 0;
  let fa = a & F32_FRAC;
  let fb = b & F32_FRAC;
  if (expA == 0xff) {
    if (f32IsNaN(a) || f32IsNaN(b)) return f32NaNResult(a, b);
    if (expB == 0xff) {
      raise(FLAG_NV);
      return F32_CANONICAL_NAN;
    }
    return signBit | F32_INF;
  }
  if (expB == 0xff) {
    if (fb != 0) return f32NaNResult(a, b);
    return signBit;
  }
  if (expB == 0) {
    if (fb == 0) {
      if (expA == 0 && fa == 0) {
        raise(FLAG_NV);
        return F32_CANONICAL_NAN;
      }
      raise(FLAG_DZ);
      return signBit | F32_INF;
    }
    const s = f32NormShift(fb);
    fb <<= s;
    expB = 1 - s;
  } else fb |= F32_HIDDEN;
  if (expA == 0) {
    if (fa == 0) return signBit;
    const s = f32NormShift(fa);
    fa <<= s;
    expA = 1 - s;
  } else fa |= F32_HIDDEN;
  let exp = expA - expB + 126;
  let sigA = <u64>fa;
  if (fa < fb) {
    sigA <<= 1;
    exp -= 1;
  }
  // (sigA << 38) / sigB is in [2^38, 2^39): moved to bit 62 with the remainder jammed in.
  const n = sigA << 38;
  const q = n / <u64>fb;
  const r = n % <u64>fb;
  return roundPackF32(sign, exp, (q << 24) | <u64>(r != 0), rm);
}

/**
 * sqrt(a): wasm's f64.sqrt rounded to f32 is the correctly rounded nearest-even root (double
 * rounding is innocuous for sqrt since 53 >= 2*24 + 2); r*r is exact in f64, so comparing it
 * with a says whether r is exact and on which side the true root lies. Roots are never
 * exactly halfway, so RMM rounds like RNE.
 */
export function f32SqrtSoft(a: u32, rm: u32): u32 {
  const expA = f32Exp(a);
  const fa = a & F32_FRAC;
  if (expA == 0xff) {
    if (fa != 0) return f32NaNResult(a, a);
    if (a & F32_SIGN) {
      raise(FLAG_NV);
      return F32_CANONICAL_NAN;
    }
    return a;
  }
  if (expA == 0 && fa == 0) return a; // sqrt(-0) = -0
  if (a & F32_SIGN) {
    raise(FLAG_NV);
    return F32_CANONICAL_NAN;
  }
  const x = <f64>reinterpret<f32>(a);
  const r = <f32>Math.sqrt(x);
  const rr = <f64>r * <f64>r;
  const bits = reinterpret<u32>(r); // normal: sqrt(2^-149) > 2^-126
  if (rr == x) return bits;
  raise(FLAG_NX);
  if (rr > x && (rm == RM_RTZ || rm == RM_RDN)) return bits - 1;
  if (rr < x && rm == RM_RUP) return bits + 1;
  return bits;
}
