// Conversions: binary32 <-> binary64 and float <-> 32/64-bit signed/unsigned integers, with
// RISC-V's saturating results for NaN and out-of-range inputs (NV only, no NX).
import {
  raise,
  F32_CANONICAL_NAN,
  F64_CANONICAL_NAN,
  FLAG_NV,
  FLAG_NX,
  RM_RDN,
  RM_RMM,
  RM_RNE,
  RM_RUP,
} from './flags';
import {
  f32Exp,
  f32IsSNaN,
  f32NormShift,
  normRoundPackF32,
  F32_FRAC,
  F32_HIDDEN,
  F32_SIGN,
} from './f32_pack';
import {
  f64Exp,
  f64IsSNaN,
  f64NormShift,
  normRoundPackF64,
  F64_FRAC,
  F64_HIDDEN,
  F64_SIGN,
} from './f64_pack';
import { shiftRightJam64 } from './wide';

/** fcvt.d.s: exact, except that NaNs become the canonical NaN (NV if signaling). */
export function f32_to_f64(a: u32): u64 {
  const sign: u64 = (<u64>(a & F32_SIGN)) << 32;
  const exp = f32Exp(a);
  let frac = a & F32_FRAC;
  if (exp == 0xff) {
    if (frac != 0) {
      if (f32IsSNaN(a)) raise(FLAG_NV);
      return F64_CANONICAL_NAN;
    }
    return sign | 0x7ff0000000000000;
  }
  if (exp == 0) {
    if (frac == 0) return sign;
    const s = f32NormShift(frac);
    return sign | ((<u64>(1 - s + 896)) << 52) | (((<u64>(frac << s)) & F32_FRAC) << 29);
  }
  return sign | ((<u64>(exp + 896)) << 52) | ((<u64>frac) << 29);
}

/** fcvt.s.d: one rounding, with overflow/underflow as for arithmetic. */
export function f64_to_f32(a: u64, rm: u32): u32 {
  const sign = (a & F64_SIGN) != 0;
  let exp = f64Exp(a);
  let sig = a & F64_FRAC;
  if (exp == 0x7ff) {
    if (sig != 0) {
      if (f64IsSNaN(a)) raise(FLAG_NV);
      return F32_CANONICAL_NAN;
    }
    return sign ? 0xff800000 : 0x7f800000;
  }
  if (exp == 0) {
    if (sig == 0) return sign ? F32_SIGN : 0;
    const s = f64NormShift(sig);
    sig <<= <u64>s;
    exp = 1 - s;
  } else sig |= F64_HIDDEN;
  // sig * 2^(exp - 1075) = (sig << 10) * 2^((exp - 897) - 188)
  return normRoundPackF32(sign, exp - 897, sig << 10, rm);
}

// ---- float -> integer ----

/** Set by roundToMag: the magnitude did not fit in 64 bits (exponent >= 64). */
let cvtTooBig: bool = false;
/** Set by roundToMag: rounding discarded non-zero bits. */
let cvtInexact: bool = false;

/**
 * Rounds |value| = sigX * 2^(unbiasedExp - 63) (sigX's leading one at bit 63) to an integer
 * magnitude in rounding mode rm for a number of the given sign.
 */
function roundToMag(sign: bool, unbiasedExp: i32, sigX: u64, rm: u32): u64 {
  cvtTooBig = false;
  cvtInexact = false;
  if (unbiasedExp >= 64) {
    cvtTooBig = true;
    return 0;
  }
  let whole: u64;
  let frac: u64; // fraction bits as a 64-bit fixed-point number: 2^63 is one half
  if (unbiasedExp >= 0) {
    const e = <u64>unbiasedExp;
    whole = sigX >> (63 - e);
    frac = e == 63 ? 0 : sigX << (e + 1);
  } else {
    whole = 0;
    frac = shiftRightJam64(sigX, <u32>(-unbiasedExp - 1));
  }
  if (frac == 0) return whole;
  cvtInexact = true;
  let up = false;
  if (rm == RM_RNE)
    up = frac > 0x8000000000000000 || (frac == 0x8000000000000000 && (whole & 1) != 0);
  else if (rm == RM_RMM) up = frac >= 0x8000000000000000;
  else if (rm == RM_RDN) up = sign;
  else if (rm == RM_RUP) up = !sign;
  return up ? whole + 1 : whole; // whole < 2^52 here, so no wrap-around
}

// Integer kinds: the saturation limits differ; results are rd values on RV64 (W forms
// sign-extended from 32 bits, WU included, as the spec requires).
const KIND_I32: u32 = 0;
const KIND_U32: u32 = 1;
const KIND_I64: u32 = 2;
const KIND_U64: u32 = 3;

/** Applies range checks and saturation to a rounded magnitude; isNaN picks the NaN result. */
function finishToInt(kind: u32, sign: bool, isNaN: bool, mag: u64): u64 {
  let ok = !isNaN && !cvtTooBig;
  if (ok) {
    if (kind == KIND_I32) ok = sign ? mag <= 0x80000000 : mag <= 0x7fffffff;
    else if (kind == KIND_U32) ok = sign ? mag == 0 : mag <= 0xffffffff;
    else if (kind == KIND_I64) ok = sign ? mag <= 0x8000000000000000 : mag <= 0x7fffffffffffffff;
    else ok = sign ? mag == 0 : true;
  }
  if (!ok) {
    raise(FLAG_NV);
    const high = isNaN || !sign; // NaN saturates like +inf
    if (kind == KIND_I32) return high ? 0x7fffffff : 0xffffffff80000000;
    if (kind == KIND_U32) return high ? 0xffffffffffffffff : 0;
    if (kind == KIND_I64) return high ? 0x7fffffffffffffff : 0x8000000000000000;
    return high ? 0xffffffffffffffff : 0;
  }
  if (cvtInexact) raise(FLAG_NX);
  const v = sign ? 0 - mag : mag;
  if (kind == KIND_I32 || kind == KIND_U32) return <u64>(<i64>(<i32>(<u32>v)));
  return v;
}

function f32ToInt(a: u32, rm: u32, kind: u32): u64 {
  const sign = (a & F32_SIGN) != 0;
  const exp = f32Exp(a);
  const frac = a & F32_FRAC;
  cvtTooBig = false;
  cvtInexact = false;
  if (exp == 0xff) {
    cvtTooBig = true; // infinities saturate; NaN is handled by isNaN
    return finishToInt(kind, sign, frac != 0, 0);
  }
  if (exp == 0 && frac == 0) return 0;
  // Subnormals are below 2^-126: any exponent that small rounds the same way.
  const sigX = (<u64>(exp == 0 ? frac : frac | F32_HIDDEN)) << 40;
  const mag = roundToMag(sign, (exp == 0 ? 1 : exp) - 127, sigX, rm);
  return finishToInt(kind, sign, false, mag);
}

function f64ToInt(a: u64, rm: u32, kind: u32): u64 {
  const sign = (a & F64_SIGN) != 0;
  const exp = f64Exp(a);
  const frac = a & F64_FRAC;
  cvtTooBig = false;
  cvtInexact = false;
  if (exp == 0x7ff) {
    cvtTooBig = true;
    return finishToInt(kind, sign, frac != 0, 0);
  }
  if (exp == 0 && frac == 0) return 0;
  const sigX = (exp == 0 ? frac : frac | F64_HIDDEN) << 11;
  const mag = roundToMag(sign, (exp == 0 ? 1 : exp) - 1023, sigX, rm);
  return finishToInt(kind, sign, false, mag);
}

export function f32_to_i32(a: u32, rm: u32): u64 {
  return f32ToInt(a, rm, KIND_I32);
}
export function f32_to_u32(a: u32, rm: u32): u64 {
  return f32ToInt(a, rm, KIND_U32);
}
export function f32_to_i64(a: u32, rm: u32): u64 {
  return f32ToInt(a, rm, KIND_I64);
}
export function f32_to_u64(a: u32, rm: u32): u64 {
  return f32ToInt(a, rm, KIND_U64);
}
export function f64_to_i32(a: u64, rm: u32): u64 {
  return f64ToInt(a, rm, KIND_I32);
}
export function f64_to_u32(a: u64, rm: u32): u64 {
  return f64ToInt(a, rm, KIND_U32);
}
export function f64_to_i64(a: u64, rm: u32): u64 {
  return f64ToInt(a, rm, KIND_I64);
}
export function f64_to_u64(a: u64, rm: u32): u64 {
  return f64ToInt(a, rm, KIND_U64);
}

// ---- integer -> float ----
// A magnitude m is m * 2^0 = sig * 2^(exp - 188) (f32) or sig * 2^(exp - 1084) (f64).

function magToF32(sign: bool, mag: u64, rm: u32): u32 {
  if (mag == 0) return 0;
  return normRoundPackF32(sign, 188, mag, rm);
}

function magToF64(sign: bool, mag: u64, rm: u32): u64 {
  if (mag == 0) return 0;
  return normRoundPackF64(sign, 1084, mag, rm);
}

export function i32_to_f32(a: i32, rm: u32): u32 {
  return magToF32(a < 0, a < 0 ? <u64>(0 - <i64>a) : <u64>a, rm);
}
export function u32_to_f32(a: u32, rm: u32): u32 {
  return magToF32(false, <u64>a, rm);
}
export function i64_to_f32(a: i64, rm: u32): u32 {
  return magToF32(a < 0, a < 0 ? 0 - <u64>a : <u64>a, rm);
}
export function u64_to_f32(a: u64, rm: u32): u32 {
  return magToF32(false, a, rm);
}
export function i32_to_f64(a: i32, rm: u32): u64 {
  return magToF64(a < 0, a < 0 ? <u64>(0 - <i64>a) : <u64>a, rm);
}
export function u32_to_f64(a: u32, rm: u32): u64 {
  return magToF64(false, <u64>a, rm);
}
export function i64_to_f64(a: i64, rm: u32): u64 {
  return magToF64(a < 0, a < 0 ? 0 - <u64>a : <u64>a, rm);
}
export function u64_to_f64(a: u64, rm: u32): u64 {
  return magToF64(false, a, rm);
}
