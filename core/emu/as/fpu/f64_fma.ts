// binary64 fused multiply-add: the exact 106-bit product plus the addend, rounded once.
import { raise, F64_CANONICAL_NAN, FLAG_NV, RM_RDN } from './flags';
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
import { f64MulSoft } from './f64_arith';
import { mul64To128, shiftRightJam128, wideHi, wideLo } from './wide';

/**
 * (±a×b) ± c with one rounding. `negProd` negates the product and `negC` the addend, as
 * fnmsub/fnmadd/fmsub do (the sign flips are applied before the NaN and zero rules, so an
 * exact zero result gets the sign IEEE gives the negated operands).
 */
export function f64MulAddSoft(a: u64, b: u64, c: u64, rm: u32, negProd: bool, negC: bool): u64 {
  let expA = f64Exp(a);
  let expB = f64Exp(b);
  let expC = f64Exp(c);
  let sigA = a & F64_FRAC;
  let sigB = b & F64_FRAC;
  let sigC = c & F64_FRAC;
  const signProd = (((a ^ b) & F64_SIGN) != 0) != negProd;
  const signC = ((c & F64_SIGN) != 0) != negC;
  const zeroA = expA == 0 && sigA == 0;
  const zeroB = expB == 0 && sigB == 0;
  const infA = expA == 0x7ff && sigA == 0;
  const infB = expB == 0x7ff && sigB == 0;
  if (f64IsNaN(a) || f64IsNaN(b) || f64IsNaN(c)) {
    if (f64IsSNaN(a) || f64IsSNaN(b) || f64IsSNaN(c)) raise(FLAG_NV);
    // RISC-V (like Spike and QEMU) signals inf * 0 even when the addend is a quiet NaN.
    if ((infA && zeroB) || (zeroA && infB)) raise(FLAG_NV);
    return F64_CANONICAL_NAN;
  }
  if (infA || infB) {
    if (zeroA || zeroB || (expC == 0x7ff && signC != signProd)) {
      raise(FLAG_NV); // inf * 0, or inf - inf
      return F64_CANONICAL_NAN;
    }
    return signProd ? F64_SIGN | F64_INF : F64_INF;
  }
  if (expC == 0x7ff) return signC ? F64_SIGN | F64_INF : F64_INF;
  const zeroC = expC == 0 && sigC == 0;
  if (zeroA || zeroB) {
    // The product is an exact zero: the sum is c itself, or a signed zero.
    if (!zeroC) return signC ? c | F64_SIGN : c & ~F64_SIGN;
    if (signProd == signC) return signProd ? F64_SIGN : 0;
    return rm == RM_RDN ? F64_SIGN : 0;
  }
  // A zero addend leaves the product, rounded once, whatever zero it is.
  if (zeroC) return f64MulSoft(signProd ? a | F64_SIGN : a & ~F64_SIGN, b & ~F64_SIGN, rm);
  if (expA == 0) {
    const s = f64NormShift(sigA);
    sigA <<= <u64>s;
    expA = 1 - s;
  } else sigA |= F64_HIDDEN;
  if (expB == 0) {
    const s = f64NormShift(sigB);
    sigB <<= <u64>s;
    expB = 1 - s;
  } else sigB |= F64_HIDDEN;
  if (expC == 0) {
    const s = f64NormShift(sigC);
    sigC <<= <u64>s;
    expC = 1 - s;
  } else sigC |= F64_HIDDEN;
  // Product sigA*sigB in [2^104, 2^106), shifted left 20: X = xHi:xLo with its leading one at
  // bit 124 or 125 and value X * 2^(expA + expB - 2170). Addend Y = sigC << 72, leading one at
  // bit 124, value Y * 2^(expC - 1147). The sum stays below 2^127. Aligning only jams bits
  // when the smaller operand is at least 2^19 times smaller, so cancellation then is at most
  // one bit and the sticky bit stays far below the rounding position.
  let xLo = mul64To128(sigA, sigB);
  let xHi = (wideHi << 20) | (xLo >> 44);
  xLo <<= 20;
  let yHi = sigC << 8;
  let yLo: u64 = 0;
  const expX = expA + expB - 2170;
  const expY = expC - 1147;
  let exp = expX;
  if (expX > expY) {
    yHi = shiftRightJam128(yHi, yLo, <u32>(expX - expY));
    yLo = wideLo;
  } else if (expY > expX) {
    xHi = shiftRightJam128(xHi, xLo, <u32>(expY - expX));
    xLo = wideLo;
    exp = expY;
  }
  let sign = signProd;
  let sHi: u64;
  let sLo: u64;
  if (signProd == signC) {
    sLo = xLo + yLo;
    sHi = xHi + yHi + <u64>(sLo < xLo);
  } else if (xHi > yHi || (xHi == yHi && xLo >= yLo)) {
    sLo = xLo - yLo;
    sHi = xHi - yHi - <u64>(xLo < yLo);
  } else {
    sLo = yLo - xLo;
    sHi = yHi - xHi - <u64>(yLo < xLo);
    sign = signC;
  }
  if (sHi == 0 && sLo == 0) return rm == RM_RDN ? F64_SIGN : 0;
  // Fold the 128-bit sum into 64 bits with its leading one at bit 62, the rest sticky.
  if (sHi == 0) return normRoundPackF64(sign, exp + 1084, sLo, rm);
  const shift = <u64>clz<u64>(sHi) - 1; // sum < 2^127, so clz >= 1
  let hi = sHi;
  let lo = sLo;
  if (shift != 0) {
    hi = (sHi << shift) | (sLo >> (64 - shift));
    lo = sLo << shift;
  }
  return roundPackF64(sign, exp - <i32>shift + 1148, hi | (<u64>(lo != 0)), rm);
}
