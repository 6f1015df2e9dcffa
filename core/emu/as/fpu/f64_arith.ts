// binary64 add, sub, mul, div and sqrt: softfloat-style integer algorithms, one rounding each.
import { raise, F64_CANONICAL_NAN, FLAG_DZ, FLAG_NV, FLAG_NX, RM_RDN, RM_RTZ, RM_RUP } from './flags';
import {
  f64Exp,
  f64IsNaN,
  f64IsSNaN,
  f64NormShift,
  normRoundPackF64,
  roundPackF64,
  F64_FRAC,
  F64_HIDDEN,
  F64_INF,
  F64_SIGN,
} from './f64_pack';
import { mul64To128, shiftRightJam64, wideHi } from './wide';

/** Canonical NaN for an operation with NaN operands; NV when any of them is signaling. */
// @ts-ignore: decorator
@inline
export function f64NaNResult(a: u64, b: u64): u64 {
  if (f64IsSNaN(a) || f64IsSNaN(b)) raise(FLAG_NV);
  return F64_CANONICAL_NAN;
}

/** a + b, or a - b when `negB`: exact sum/difference with 9 guard bits, then one rounding. */
export function f64AddSoft(a: u64, b: u64, rm: u32, negB: bool): u64 {
  if (negB) b ^= F64_SIGN;
  let expA = f64Exp(a);
  let expB = f64Exp(b);
  if (expA == 0x7ff || expB == 0x7ff) {
    if (f64IsNaN(a) || f64IsNaN(b)) return f64NaNResult(a, b);
    if (expA == 0x7ff) {
      if (expB == 0x7ff && (a ^ b) & F64_SIGN) {
        raise(FLAG_NV); // inf - inf
        return F64_CANONICAL_NAN;
      }
      return a;
    }
    return b;
  }
  const signA = (a & F64_SIGN) != 0;
  const signB = (b & F64_SIGN) != 0;
  // Subnormals are frac * 2^(1 - 1075): same scale as exponent 1 without the hidden bit.
  let sigA = a & F64_FRAC;
  let sigB = b & F64_FRAC;
  if (expA != 0) sigA |= F64_HIDDEN;
  else expA = 1;
  if (expB != 0) sigB |= F64_HIDDEN;
  else expB = 1;
  // Leading one at bit 61: room for a carry at bit 62 and 9 guard bits. Alignment only loses
  // (jams) bits when the exponents differ by more than 9, where cancellation is at most one bit.
  sigA <<= 9;
  sigB <<= 9;
  let exp = expA;
  if (expA > expB) sigB = shiftRightJam64(sigB, <u32>(expA - expB));
  else if (expB > expA) {
    sigA = shiftRightJam64(sigA, <u32>(expB - expA));
    exp = expB;
  }
  if (signA == signB) {
    const sum = sigA + sigB;
    if (sum == 0) return a; // (+0) + (+0) or (-0) + (-0)
    return normRoundPackF64(signA, exp, sum, rm);
  }
  let sign = signA;
  let diff: u64;
  if (sigA >= sigB) diff = sigA - sigB;
  else {
    diff = sigB - sigA;
    sign = signB;
  }
  // An exact zero difference is +0, or -0 when rounding down (IEEE 754 6.3).
  if (diff == 0) return rm == RM_RDN ? F64_SIGN : 0;
  return normRoundPackF64(sign, exp, diff, rm);
}

/** a * b: 53x53-bit product in 128 bits, folded into 64 bits with a sticky bit. */
export function f64MulSoft(a: u64, b: u64, rm: u32): u64 {
  let expA = f64Exp(a);
  let expB = f64Exp(b);
  const sign = ((a ^ b) & F64_SIGN) != 0;
  const signBit: u64 = sign ? F64_SIGN : 0;
  let sigA = a & F64_FRAC;
  let sigB = b & F64_FRAC;
  if (expA == 0x7ff || expB == 0x7ff) {
    if (f64IsNaN(a) || f64IsNaN(b)) return f64NaNResult(a, b);
    // inf * 0 is invalid; otherwise inf * x = inf.
    if ((expA == 0 && sigA == 0) || (expB == 0 && sigB == 0)) {
      raise(FLAG_NV);
      return F64_CANONICAL_NAN;
    }
    return signBit | F64_INF;
  }
  if (expA == 0) {
    if (sigA == 0) return signBit;
    const s = f64NormShift(sigA);
    sigA <<= <u64>s;
    expA = 1 - s;
  } else sigA |= F64_HIDDEN;
  if (expB == 0) {
    if (sigB == 0) return signBit;
    const s = f64NormShift(sigB);
    sigB <<= <u64>s;
    expB = 1 - s;
  } else sigB |= F64_HIDDEN;
  // (sigA << 10) * (sigB << 11): the high half is in [2^61, 2^63).
  const lo = mul64To128(sigA << 10, sigB << 11);
  let sig = wideHi | <u64>(lo != 0);
  let exp = expA + expB - 0x3ff;
  if (sig < 0x4000000000000000) {
    sig <<= 1;
    exp -= 1;
  }
  return roundPackF64(sign, exp, sig, rm);
}

/** a / b: 62 quotient bits by long division in 11-bit steps, the remainder as sticky bit. */
export function f64DivSoft(a: u64, b: u64, rm: u32): u64 {
  let expA = f64Exp(a);
  let expB = f64Exp(b);
  const sign = ((a ^ b) & F64_SIGN) != 0;
  const signBit: u64 = sign ? F64_SIGN : 0;
  let sigA = a & F64_FRAC;
  let sigB = b & F64_FRAC;
  if (expA == 0x7ff) {
    if (f64IsNaN(a) || f64IsNaN(b)) return f64NaNResult(a, b);
    if (expB == 0x7ff) {
      raise(FLAG_NV); // inf / inf
      return F64_CANONICAL_NAN;
    }
    return signBit | F64_INF;
  }
  if (expB == 0x7ff) {
    if (sigB != 0) return f64NaNResult(a, b);
    return signBit; // x / inf
  }
  if (expB == 0) {
    if (sigB == 0) {
      if (expA == 0 && sigA == 0) {
        raise(FLAG_NV); // 0 / 0
        return F64_CANONICAL_NAN;
      }
      raise(FLAG_DZ);
      return signBit | F64_INF;
    }
    const s = f64NormShift(sigB);
    sigB <<= <u64>s;
    expB = 1 - s;
  } else sigB |= F64_HIDDEN;
  if (expA == 0) {
    if (sigA == 0) return signBit;
    const s = f64NormShift(sigA);
    sigA <<= <u64>s;
    expA = 1 - s;
  } else sigA |= F64_HIDDEN;
  let exp = expA - expB + 0x3fe;
  if (sigA < sigB) {
    sigA <<= 1;
    exp -= 1;
  }
  // sigA / sigB is in [1, 2): the first quotient bit is 1.
  let q: u64 = 1;
  let r = sigA - sigB;
  let bits = 0;
  while (bits < 62) {
    const step = 62 - bits < 11 ? 62 - bits : 11;
    r <<= <u64>step;
    q = (q << <u64>step) | r / sigB;
    r = r % sigB;
    bits += step;
  }
  return roundPackF64(sign, exp, q | <u64>(r != 0), rm);
}

/**
 * sqrt(a). wasm's f64.sqrt is correctly rounded to nearest-even; the exact sign of r*r - a
 * (128-bit integer arithmetic) then tells whether that was exact and, if not, on which side
 * of r the true root lies, which is all the directed modes need. A square root is never
 * exactly halfway between two binary64 numbers, so RMM rounds like RNE.
 */
export function f64SqrtSoft(a: u64, rm: u32): u64 {
  let expA = f64Exp(a);
  let sigA = a & F64_FRAC;
  if (expA == 0x7ff) {
    if (sigA != 0) return f64NaNResult(a, a);
    if (a & F64_SIGN) {
      raise(FLAG_NV);
      return F64_CANONICAL_NAN;
    }
    return a;
  }
  if (expA == 0) {
    if (sigA == 0) return a; // sqrt(-0) = -0
    const s = f64NormShift(sigA);
    sigA <<= <u64>s;
    expA = 1 - s;
  } else sigA |= F64_HIDDEN;
  if (a & F64_SIGN) {
    raise(FLAG_NV);
    return F64_CANONICAL_NAN;
  }
  const r = reinterpret<u64>(Math.sqrt(reinterpret<f64>(a))); // normal: a >= 2^-1074
  const sigR = (r & F64_FRAC) | F64_HIDDEN;
  // r^2 = sigR^2 * 2^(2*expR - 2150) against a = sigA * 2^(expA - 1075): compare sigR^2 with
  // sigA * 2^k. As r is within an ulp of sqrt(a), k is 51..54.
  const k = <u64>(expA - 2 * f64Exp(r) + 1075);
  const lo = mul64To128(sigR, sigR);
  const hi = wideHi;
  const aHi = sigA >> (64 - k);
  const aLo = sigA << k;
  if (hi == aHi && lo == aLo) return r;
  raise(FLAG_NX);
  const rootBelowR = hi > aHi || (hi == aHi && lo > aLo); // r^2 > a
  if (rootBelowR && (rm == RM_RTZ || rm == RM_RDN)) return r - 1;
  if (!rootBelowR && rm == RM_RUP) return r + 1;
  return r;
}
