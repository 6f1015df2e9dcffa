// binary32 fused multiply-add: the exact 48-bit product plus the addend in u64, rounded once.
import { raise, F32_CANONICAL_NAN, FLAG_NV, RM_RDN } from './flags';
import {
  f32Exp,
  f32IsNaN,
  f32IsSNaN,
  f32NormShift,
  normRoundPackF32,
  F32_FRAC,
  F32_HIDDEN,
  F32_INF,
  F32_SIGN,
} from './f32_pack';
import { f32MulSoft } from './f32_arith';
import { shiftRightJam64 } from './wide';

/** (±a×b) ± c with one rounding; `negProd`/`negC` as in f64MulAddSoft. */
export function f32MulAddSoft(a: u32, b: u32, c: u32, rm: u32, negProd: bool, negC: bool): u32 {
  let expA = f32Exp(a);
  let expB = f32Exp(b);
  let expC = f32Exp(c);
  let fa = a & F32_FRAC;
  let fb = b & F32_FRAC;
  let fc = c & F32_FRAC;
  const signProd = (((a ^ b) & F32_SIGN) != 0) != negProd;
  const signC = ((c & F32_SIGN) != 0) != negC;
  const zeroA = expA == 0 && fa == 0;
  const zeroB = expB == 0 && fb == 0;
  const infA = expA == 0xff && fa == 0;
  const infB = expB == 0xff && fb == 0;
  if (f32IsNaN(a) || f32IsNaN(b) || f32IsNaN(c)) {
    if (f32IsSNaN(a) || f32IsSNaN(b) || f32IsSNaN(c)) raise(FLAG_NV);
    if ((infA && zeroB) || (zeroA && infB)) raise(FLAG_NV);
    return F32_CANONICAL_NAN;
  }
  if (infA || infB) {
    if (zeroA || zeroB || (expC == 0xff && signC != signProd)) {
      raise(FLAG_NV);
      return F32_CANONICAL_NAN;
    }
    return signProd ? F32_SIGN | F32_INF : F32_INF;
  }
  if (expC == 0xff) return signC ? F32_SIGN | F32_INF : F32_INF;
  const zeroC = expC == 0 && fc == 0;
  if (zeroA || zeroB) {
    if (!zeroC) return signC ? c | F32_SIGN : c & ~F32_SIGN;
    if (signProd == signC) return signProd ? F32_SIGN : 0;
    return rm == RM_RDN ? F32_SIGN : 0;
  }
  if (zeroC) return f32MulSoft(signProd ? a | F32_SIGN : a & ~F32_SIGN, b & ~F32_SIGN, rm);
  if (expA == 0) {
    const s = f32NormShift(fa);
    fa <<= s;
    expA = 1 - s;
  } else fa |= F32_HIDDEN;
  if (expB == 0) {
    const s = f32NormShift(fb);
    fb <<= s;
    expB = 1 - s;
  } else fb |= F32_HIDDEN;
  if (expC == 0) {
    const s = f32NormShift(fc);
    fc <<= s;
    expC = 1 - s;
  } else fc |= F32_HIDDEN;
  // X = product << 14: leading one at bit 60 or 61, value X * 2^(expA + expB - 314).
  // Y = sigC << 37: leading one at bit 60, value Y * 2^(expC - 187). Sum < 2^63. As for f64,
  // jamming only happens when one operand is far smaller, so cancellation cannot expose it.
  let x = (<u64>fa * <u64>fb) << 14;
  let y = (<u64>fc) << 37;
  const expX = expA + expB - 314;
  const expY = expC - 187;
  let exp = expX;
  if (expX > expY) y = shiftRightJam64(y, <u32>(expX - expY));
  else if (expY > expX) {
    x = shiftRightJam64(x, <u32>(expY - expX));
    exp = expY;
  }
  let sign = signProd;
  let s: u64;
  if (signProd == signC) s = x + y;
  else if (x >= y) s = x - y;
  else {
    s = y - x;
    sign = signC;
  }
  if (s == 0) return rm == RM_RDN ? F32_SIGN : 0;
  return normRoundPackF32(sign, exp + 188, s, rm);
}
