// Round-to-nearest-even fast paths on wasm's native f32/f64 arithmetic (IEEE 754 RNE, no
// flush-to-zero). Each returns FAST_MISS when it cannot prove the result *and* the flags equal
// the soft path's, and the caller then runs the soft path. Only NX can arise on these paths:
// every case that could overflow, underflow (tininess) or involve NaN/inf/zero is sent away.
import { raise, FLAG_NX } from './flags';

/** A value no fast path returns: a signaling NaN pattern (fast results are never NaN). */
export const FAST_MISS_64: u64 = 0x7ff0000000000001;
export const FAST_MISS_32: u32 = 0x7f800001;

/** sigA*sigB (53-bit significands) is exact in 53 bits: judged on the odd parts' lengths. */
// @ts-ignore: decorator
@inline
function productFits53(sigA: u64, sigB: u64): bool {
  const oa = sigA >> ctz<u64>(sigA);
  const ob = sigB >> ctz<u64>(sigB);
  if (128 - clz<u64>(oa) - clz<u64>(ob) > 64) return false; // >= 63 bits: far too long
  return oa * ob < 0x20000000000000; // an odd product has no trailing zeros to drop
}

/**
 * a + b (or a - b: caller flips b's sign). With both |a|, |b| < 2^1022 no step overflows; the
 * sum of two binary64 numbers is exact whenever it is subnormal, so only NX can arise, and
 * Knuth's TwoSum error term (exact under RNE) tells whether it did.
 */
export function f64AddFast(a: u64, b: u64): u64 {
  if (((a >> 52) & 0x7ff) >= 0x7fd || ((b >> 52) & 0x7ff) >= 0x7fd) return FAST_MISS_64;
  const x = reinterpret<f64>(a);
  const y = reinterpret<f64>(b);
  const s = x + y;
  const bv = s - x;
  const err = x - (s - bv) + (y - bv);
  if (err != 0) raise(FLAG_NX);
  return reinterpret<u64>(s);
}

/** a * b for normal operands whose product is normal and finite even after rounding. */
export function f64MulFast(a: u64, b: u64): u64 {
  const ea = <i32>((a >> 52) & 0x7ff);
  const eb = <i32>((b >> 52) & 0x7ff);
  // Both normal; |a*b| in [2^e, 2^(e+2)) with e the unbiased exponent sum.
  if (<u32>(ea - 1) >= 0x7fe || <u32>(eb - 1) >= 0x7fe) return FAST_MISS_64;
  const e = ea + eb - 2046;
  if (e < -1022 || e > 1021) return FAST_MISS_64;
  const p = reinterpret<f64>(a) * reinterpret<f64>(b);
  if (!productFits53((a & 0xfffffffffffff) | 0x10000000000000, (b & 0xfffffffffffff) | 0x10000000000000))
    raise(FLAG_NX);
  return reinterpret<u64>(p);
}

/**
 * a / b for normal operands whose quotient is normal and finite. The quotient is exact iff the
 * odd part of b's significand divides the odd part of a's (the result then has <= 53 bits).
 */
export function f64DivFast(a: u64, b: u64): u64 {
  const ea = <i32>((a >> 52) & 0x7ff);
  const eb = <i32>((b >> 52) & 0x7ff);
  if (<u32>(ea - 1) >= 0x7fe || <u32>(eb - 1) >= 0x7fe) return FAST_MISS_64;
  const d = ea - eb; // |a/b| in (2^(d-1), 2^(d+1))
  if (d < -1021 || d > 1022) return FAST_MISS_64;
  const q = reinterpret<f64>(a) / reinterpret<f64>(b);
  const sa = (a & 0xfffffffffffff) | 0x10000000000000;
  const sb = (b & 0xfffffffffffff) | 0x10000000000000;
  if ((sa >> ctz<u64>(sa)) % (sb >> ctz<u64>(sb)) != 0) raise(FLAG_NX);
  return reinterpret<u64>(q);
}

/** sqrt(a) for positive normal a (the root is then normal): exact iff r*r == a exactly. */
export function f64SqrtFast(a: u64): u64 {
  if (a < 0x0010000000000000 || a >= 0x7ff0000000000000) return FAST_MISS_64; // sign set too
  const x = reinterpret<f64>(a);
  const r = Math.sqrt(x);
  const rb = reinterpret<u64>(r);
  const sr = (rb & 0xfffffffffffff) | 0x10000000000000;
  if (!productFits53(sr, sr) || r * r != x) raise(FLAG_NX);
  return rb;
}

// binary32: operands are exact in f64 and products of two are exact there too. Rounding an
// f64 result of +, -, *, / or sqrt once more to f32 gives the correctly rounded f32 result
// (53 >= 2*24 + 2: double rounding is innocuous for these operations).

/** True when r is a normal f32 above the smallest normal (no tininess, no overflow). */
// @ts-ignore: decorator
@inline
function f32SafeResult(r: u32): bool {
  const m = r & 0x7fffffff;
  return m > 0x00800000 && m < 0x7f800000;
}

export function f32AddFast(a: u32, b: u32): u32 {
  if ((a & 0x7f800000) == 0x7f800000 || (b & 0x7f800000) == 0x7f800000) return FAST_MISS_32;
  const x = <f64>reinterpret<f32>(a);
  const y = <f64>reinterpret<f32>(b);
  const s = x + y;
  const bv = s - x;
  const err = x - (s - bv) + (y - bv);
  const r = <f32>s;
  const rb = reinterpret<u32>(r);
  if (!f32SafeResult(rb)) return FAST_MISS_32;
  if (err != 0 || <f64>r != s) raise(FLAG_NX);
  return rb;
}

export function f32MulFast(a: u32, b: u32): u32 {
  if ((a & 0x7f800000) == 0x7f800000 || (b & 0x7f800000) == 0x7f800000) return FAST_MISS_32;
  const p = <f64>reinterpret<f32>(a) * <f64>reinterpret<f32>(b); // exact
  const r = <f32>p;
  const rb = reinterpret<u32>(r);
  if (!f32SafeResult(rb)) return FAST_MISS_32;
  if (<f64>r != p) raise(FLAG_NX);
  return rb;
}

export function f32DivFast(a: u32, b: u32): u32 {
  if ((a & 0x7f800000) == 0x7f800000 || (b & 0x7f800000) == 0x7f800000) return FAST_MISS_32;
  if ((b & 0x7fffffff) == 0) return FAST_MISS_32;
  const x = <f64>reinterpret<f32>(a);
  const y = <f64>reinterpret<f32>(b);
  const r = <f32>(x / y);
  const rb = reinterpret<u32>(r);
  if (!f32SafeResult(rb)) return FAST_MISS_32;
  if (<f64>r * y != x) raise(FLAG_NX); // r*y is exact in f64
  return rb;
}

export function f32SqrtFast(a: u32): u32 {
  if (a == 0 || a >= 0x7f800000) return FAST_MISS_32; // zero, negative, inf, NaN
  const x = <f64>reinterpret<f32>(a);
  const r = <f32>Math.sqrt(x);
  const rr = <f64>r;
  if (rr * rr != x) raise(FLAG_NX); // exact in f64
  return reinterpret<u32>(r);
}

/**
 * a*b + c (signs already applied): the product is exact in f64; the f64 sum s is then rounded
 * to f32. If the sum was exact (TwoSum error 0), that is a single rounding. If not, rounding
 * s instead of the exact sum can only differ when s lies exactly on an f32 midpoint (RN64 is
 * monotonic and f32 midpoints are f64 numbers), so that case goes to the soft path.
 */
export function f32MulAddFast(a: u32, b: u32, c: u32): u32 {
  if (
    (a & 0x7f800000) == 0x7f800000 ||
    (b & 0x7f800000) == 0x7f800000 ||
    (c & 0x7f800000) == 0x7f800000
  )
    return FAST_MISS_32;
  const p = <f64>reinterpret<f32>(a) * <f64>reinterpret<f32>(b);
  const z = <f64>reinterpret<f32>(c);
  const s = p + z;
  const bv = s - p;
  const err = p - (s - bv) + (z - bv);
  if (err != 0) {
    // Midpoint test: the 29 bits below f32 precision of a normal-range s are 1000...0.
    if ((reinterpret<u64>(s) & 0x1fffffff) == 0x10000000) return FAST_MISS_32;
  }
  const r = <f32>s;
  const rb = reinterpret<u32>(r);
  if (!f32SafeResult(rb)) return FAST_MISS_32;
  if (err != 0 || <f64>r != s) raise(FLAG_NX);
  return rb;
}

/**
 * a*b + c (signs already applied) without a native fma, after Boldo & Melquiond ("Emulation
 * of FMA and correctly rounded sums: proved algorithms using rounding to odd", IEEE TC 2008):
 * the exact product uh + ul (Dekker's TwoProduct with Veltkamp splitting), th + tl = c + uh
 * (TwoSum), v = tl + ul rounded to odd, result = RN(th + v): one correct rounding as long as
 * nothing overflows or underflows, which the exponent limits below guarantee (they also keep
 * Dekker's partial products exact). Massive cancellation (th far below uh) and results near
 * the subnormal range go to the soft path. The result is exact iff both the round-to-odd sum
 * and the last addition were (th dominates v, so an inexact v cannot be cancelled).
 */
export function f64MulAddFast(a: u64, b: u64, c: u64): u64 {
  const ea = <i32>((a >> 52) & 0x7ff) - 1023;
  const eb = <i32>((b >> 52) & 0x7ff) - 1023;
  const ec = <i32>((c >> 52) & 0x7ff) - 1023;
  // All normal: |a|, |b| in [2^-440, 2^491), product >= 2^-900, |c| in [2^-1000, 2^1001).
  if (ea < -440 || ea > 490 || eb < -440 || eb > 490 || ea + eb < -900) return FAST_MISS_64;
  if (ec < -1000 || ec > 1000) return FAST_MISS_64;
  const x = reinterpret<f64>(a);
  const y = reinterpret<f64>(b);
  const z = reinterpret<f64>(c);
  const uh = x * y;
  const tx = 134217729.0 * x; // 2^27 + 1
  const xh = tx - (tx - x);
  const xl = x - xh;
  const ty = 134217729.0 * y;
  const yh = ty - (ty - y);
  const yl = y - yh;
  const ul = xh * yh - uh + xh * yl + xl * yh + xl * yl;
  const th = z + uh;
  const b1 = th - z;
  const tl = z - (th - b1) + (uh - b1);
  const thBits = reinterpret<u64>(th);
  const eth = <i32>((thBits >> 52) & 0x7ff) - 1023;
  const euh = <i32>((reinterpret<u64>(uh) >> 52) & 0x7ff) - 1023;
  if (eth < -900 || eth < euh - 40) return FAST_MISS_64; // th is normal and dominates ul
  // v = RO(tl + ul): round to nearest, then step to the odd neighbour if that was inexact.
  const w = tl + ul;
  const b2 = w - tl;
  const ew = tl - (w - b2) + (ul - b2);
  let vBits = reinterpret<u64>(w);
  if (ew != 0 && (vBits & 1) == 0) vBits += (ew > 0) == (w > 0) ? 1 : -1;
  const v = reinterpret<f64>(vBits);
  const r = th + v;
  const b3 = r - th;
  const er = th - (r - b3) + (v - b3);
  const rBits = reinterpret<u64>(r);
  const rm = rBits & 0x7fffffffffffffff;
  if (rm <= 0x0010000000000000 || rm >= 0x7ff0000000000000) return FAST_MISS_64;
  if (ew != 0 || er != 0) raise(FLAG_NX);
  return rBits;
}
