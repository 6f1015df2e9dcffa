// fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber as RISC-V F 2.2 defines them), feq/flt/fle,
// fclass and sign injection, for binary32 and binary64.
import { raise, F32_CANONICAL_NAN, F64_CANONICAL_NAN, FLAG_NV } from './flags';
import { f32IsNaN, f32IsSNaN, F32_INF, F32_SIGN } from './f32_pack';
import { f64IsNaN, f64IsSNaN, F64_INF, F64_SIGN } from './f64_pack';

/** Strict a < b on non-NaN sign-magnitude patterns, with -0 < +0 (what fmin/fmax want). */
// @ts-ignore: decorator
@inline
function f32LessTotal(a: u32, b: u32): bool {
  const signA = (a & F32_SIGN) != 0;
  if (signA != ((b & F32_SIGN) != 0)) return signA;
  return signA ? a > b : a < b;
}

// @ts-ignore: decorator
@inline
function f64LessTotal(a: u64, b: u64): bool {
  const signA = (a & F64_SIGN) != 0;
  if (signA != ((b & F64_SIGN) != 0)) return signA;
  return signA ? a > b : a < b;
}

export function f32_min(a: u32, b: u32): u32 {
  const nanA = f32IsNaN(a);
  const nanB = f32IsNaN(b);
  if (nanA || nanB) {
    if (f32IsSNaN(a) || f32IsSNaN(b)) raise(FLAG_NV);
    if (nanA && nanB) return F32_CANONICAL_NAN;
    return nanA ? b : a;
  }
  return f32LessTotal(b, a) ? b : a;
}

export function f32_max(a: u32, b: u32): u32 {
  const nanA = f32IsNaN(a);
  const nanB = f32IsNaN(b);
  if (nanA || nanB) {
    if (f32IsSNaN(a) || f32IsSNaN(b)) raise(FLAG_NV);
    if (nanA && nanB) return F32_CANONICAL_NAN;
    return nanA ? b : a;
  }
  return f32LessTotal(a, b) ? b : a;
}

export function f64_min(a: u64, b: u64): u64 {
  const nanA = f64IsNaN(a);
  const nanB = f64IsNaN(b);
  if (nanA || nanB) {
    if (f64IsSNaN(a) || f64IsSNaN(b)) raise(FLAG_NV);
    if (nanA && nanB) return F64_CANONICAL_NAN;
    return nanA ? b : a;
  }
  return f64LessTotal(b, a) ? b : a;
}

export function f64_max(a: u64, b: u64): u64 {
  const nanA = f64IsNaN(a);
  const nanB = f64IsNaN(b);
  if (nanA || nanB) {
    if (f64IsSNaN(a) || f64IsSNaN(b)) raise(FLAG_NV);
    if (nanA && nanB) return F64_CANONICAL_NAN;
    return nanA ? b : a;
  }
  return f64LessTotal(a, b) ? b : a;
}

/** feq.s: quiet comparison, NV only for a signaling NaN. */
export function f32_eq(a: u32, b: u32): u32 {
  if (f32IsNaN(a) || f32IsNaN(b)) {
    if (f32IsSNaN(a) || f32IsSNaN(b)) raise(FLAG_NV);
    return 0;
  }
  return <u32>(a == b || ((a | b) & ~F32_SIGN) == 0);
}

/** flt.s: signaling comparison, NV for any NaN. */
export function f32_lt(a: u32, b: u32): u32 {
  if (f32IsNaN(a) || f32IsNaN(b)) {
    raise(FLAG_NV);
    return 0;
  }
  if (((a | b) & ~F32_SIGN) == 0) return 0; // -0 < +0 is false
  return <u32>f32LessTotal(a, b);
}

/** fle.s: signaling comparison, NV for any NaN. */
export function f32_le(a: u32, b: u32): u32 {
  if (f32IsNaN(a) || f32IsNaN(b)) {
    raise(FLAG_NV);
    return 0;
  }
  if (((a | b) & ~F32_SIGN) == 0) return 1;
  return <u32>(a == b || f32LessTotal(a, b));
}

export function f64_eq(a: u64, b: u64): u32 {
  if (f64IsNaN(a) || f64IsNaN(b)) {
    if (f64IsSNaN(a) || f64IsSNaN(b)) raise(FLAG_NV);
    return 0;
  }
  return <u32>(a == b || ((a | b) & ~F64_SIGN) == 0);
}

export function f64_lt(a: u64, b: u64): u32 {
  if (f64IsNaN(a) || f64IsNaN(b)) {
    raise(FLAG_NV);
    return 0;
  }
  if (((a | b) & ~F64_SIGN) == 0) return 0;
  return <u32>f64LessTotal(a, b);
}

export function f64_le(a: u64, b: u64): u32 {
  if (f64IsNaN(a) || f64IsNaN(b)) {
    raise(FLAG_NV);
    return 0;
  }
  if (((a | b) & ~F64_SIGN) == 0) return 1;
  return <u32>(a == b || f64LessTotal(a, b));
}

/**
 * fclass mask: bit 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal,
 * 7 +inf, 8 signaling NaN, 9 quiet NaN.
 */
export function f32_classify(a: u32): u32 {
  const sign = (a & F32_SIGN) != 0;
  const mag = a & ~F32_SIGN;
  if (mag > F32_INF) return (a & 0x00400000) != 0 ? 1 << 9 : 1 << 8;
  if (mag == F32_INF) return sign ? 1 : 1 << 7;
  if (mag == 0) return sign ? 1 << 3 : 1 << 4;
  if (mag < 0x00800000) return sign ? 1 << 2 : 1 << 5;
  return sign ? 1 << 1 : 1 << 6;
}

export function f64_classify(a: u64): u32 {
  const sign = (a & F64_SIGN) != 0;
  const mag = a & ~F64_SIGN;
  if (mag > F64_INF) return (a & 0x0008000000000000) != 0 ? 1 << 9 : 1 << 8;
  if (mag == F64_INF) return sign ? 1 : 1 << 7;
  if (mag == 0) return sign ? 1 << 3 : 1 << 4;
  if (mag < 0x0010000000000000) return sign ? 1 << 2 : 1 << 5;
  return sign ? 1 << 1 : 1 << 6;
}

export function f32_sgnj(a: u32, b: u32): u32 {
  return (a & ~F32_SIGN) | (b & F32_SIGN);
}

export function f32_sgnjn(a: u32, b: u32): u32 {
  return (a & ~F32_SIGN) | (~b & F32_SIGN);
}

export function f32_sgnjx(a: u32, b: u32): u32 {
  return a ^ (b & F32_SIGN);
}

export function f64_sgnj(a: u64, b: u64): u64 {
  return (a & ~F64_SIGN) | (b & F64_SIGN);
}

export function f64_sgnjn(a: u64, b: u64): u64 {
  return (a & ~F64_SIGN) | (~b & F64_SIGN);
}

export function f64_sgnjx(a: u64, b: u64): u64 {
  return a ^ (b & F64_SIGN);
}
