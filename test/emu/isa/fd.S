/* F and D: arithmetic with each rounding mode, fused multiply-add, conversions, compares,
   min/max with NaNs, classification, sign injection, moves, NaN boxing, fflags. */
#include "common/test.h"
#define FLAGS csrrw t5, fflags, zero; SIG(t5)
#define D2(insn, a, b) li t1, a; fmv.d.x f1, t1; li t2, b; fmv.d.x f2, t2; insn f3, f1, f2; fmv.x.d t0, f3; SIG(t0); FLAGS
#define S2(insn, a, b) li t1, a; fmv.w.x f1, t1; li t2, b; fmv.w.x f2, t2; insn f3, f1, f2; fmv.x.d t0, f3; SIG(t0); FLAGS
#define ONE_D 0x3ff0000000000000
#define THREE_D 0x4008000000000000
#define TENTH_D 0x3fb999999999999a
#define QNAN_D 0x7ff8000000000000
#define SNAN_D 0x7ff0000000000001
#define INF_D 0x7ff0000000000000
#define NZERO_D 0x8000000000000000
#define ONE_S 0x3f800000
#define THREE_S 0x40400000
#define SNAN_S 0x7f800001
TEST_BEGIN
  /* rounding-mode variants via the rm field (macros append nothing: use explicit forms) */
  D2(fadd.d, ONE_D, TENTH_D)
  D2(fsub.d, ONE_D, THREE_D)
  D2(fmul.d, THREE_D, TENTH_D)
  D2(fdiv.d, ONE_D, THREE_D)
  li t1, ONE_D; fmv.d.x f1, t1; li t2, THREE_D; fmv.d.x f2, t2
  fdiv.d f3, f1, f2, rtz; fmv.x.d t0, f3; SIG(t0); FLAGS
  fdiv.d f3, f1, f2, rdn; fmv.x.d t0, f3; SIG(t0); FLAGS
  fdiv.d f3, f1, f2, rup; fmv.x.d t0, f3; SIG(t0); FLAGS
  fdiv.d f3, f1, f2, rmm; fmv.x.d t0, f3; SIG(t0); FLAGS
  /* dynamic rounding through frm */
  csrwi frm, 3; fdiv.d f3, f1, f2; fmv.x.d t0, f3; SIG(t0); csrwi frm, 0; FLAGS
  D2(fdiv.d, ONE_D, 0)
  D2(fdiv.d, 0, 0)
  D2(fadd.d, INF_D, 0xfff0000000000000)
  D2(fadd.d, SNAN_D, ONE_D)
  D2(fmin.d, QNAN_D, ONE_D)
  D2(fmax.d, SNAN_D, ONE_D)
  D2(fmin.d, NZERO_D, 0)
  D2(fmax.d, NZERO_D, 0)
  D2(fsgnj.d, ONE_D, NZERO_D)
  D2(fsgnjn.d, ONE_D, NZERO_D)
  D2(fsgnjx.d, NZERO_D, NZERO_D)
  li t1, 0x4000000000000000; fmv.d.x f1, t1; fsqrt.d f3, f1; fmv.x.d t0, f3; SIG(t0); FLAGS
  li t1, 0xbff0000000000000; fmv.d.x f1, t1; fsqrt.d f3, f1; fmv.x.d t0, f3; SIG(t0); FLAGS
  /* fused multiply-add: one rounding */
  li t1, TENTH_D; fmv.d.x f1, t1; li t2, THREE_D; fmv.d.x f2, t2; li t3, 0xbfd3333333333334; fmv.d.x f4, t3
  fmadd.d f3, f1, f2, f4; fmv.x.d t0, f3; SIG(t0); FLAGS
  fmsub.d f3, f1, f2, f4; fmv.x.d t0, f3; SIG(t0); FLAGS
  fnmadd.d f3, f1, f2, f4; fmv.x.d t0, f3; SIG(t0); FLAGS
  fnmsub.d f3, f1, f2, f4; fmv.x.d t0, f3; SIG(t0); FLAGS
  /* single precision, results NaN-boxed in the 64-bit register */
  S2(fadd.s, ONE_S, THREE_S)
  S2(fdiv.s, ONE_S, THREE_S)
  S2(fmul.s, 0x7f000000, 0x7f000000)
  S2(fmul.s, 0x00800000, 0x00800000)
  S2(fadd.s, SNAN_S, ONE_S)
  S2(fmin.s, SNAN_S, THREE_S)
  /* an improperly boxed single reads as the canonical NaN */
  li t1, 0x000000003f800000; fmv.d.x f1, t1; li t2, ONE_S; fmv.w.x f2, t2
  fadd.s f3, f1, f2; fmv.x.d t0, f3; SIG(t0); FLAGS
  fmv.x.w t0, f1; SIG(t0)
  /* compares (signalling on NaN for flt/fle, quiet for feq) */
  li t1, QNAN_D; fmv.d.x f1, t1; li t2, ONE_D; fmv.d.x f2, t2
  feq.d t0, f1, f2; SIG(t0); FLAGS
  flt.d t0, f1, f2; SIG(t0); FLAGS
  fle.d t0, f2, f2; SIG(t0); FLAGS
  /* classification */
  li t1, NZERO_D; fmv.d.x f1, t1; fclass.d t0, f1; SIG(t0)
  li t1, SNAN_D; fmv.d.x f1, t1; fclass.d t0, f1; SIG(t0)
  li t1, 0x000fffffffffffff; fmv.d.x f1, t1; fclass.d t0, f1; SIG(t0)
  li t1, 0xfff0000000000000; fmv.d.x f1, t1; fclass.d t0, f1; SIG(t0)
  li t1, SNAN_S; fmv.w.x f1, t1; fclass.s t0, f1; SIG(t0)
  /* conversions */
  li t1, 0xc00c000000000000; fmv.d.x f1, t1 /* -3.5 */
  fcvt.l.d t0, f1; SIG(t0); FLAGS
  fcvt.l.d t0, f1, rtz; SIG(t0); FLAGS
  fcvt.l.d t0, f1, rdn; SIG(t0); FLAGS
  fcvt.l.d t0, f1, rup; SIG(t0); FLAGS
  fcvt.l.d t0, f1, rmm; SIG(t0); FLAGS
  fcvt.lu.d t0, f1, rtz; SIG(t0); FLAGS
  fcvt.w.d t0, f1; SIG(t0); FLAGS
  li t1, 0x43e0000000000000; fmv.d.x f1, t1 /* 2^63 */
  fcvt.l.d t0, f1; SIG(t0); FLAGS
  fcvt.w.d t0, f1; SIG(t0); FLAGS
  fcvt.wu.d t0, f1; SIG(t0); FLAGS
  li t1, QNAN_D; fmv.d.x f1, t1
  fcvt.l.d t0, f1; SIG(t0); FLAGS
  fcvt.wu.d t0, f1; SIG(t0); FLAGS
  li t1, -7; fcvt.d.l f3, t1; fmv.x.d t0, f3; SIG(t0); FLAGS
  li t1, -1; fcvt.d.lu f3, t1; fmv.x.d t0, f3; SIG(t0); FLAGS
  li t1, -1; fcvt.s.lu f3, t1; fmv.x.d t0, f3; SIG(t0); FLAGS
  li t1, 0x7fffffff; fcvt.s.w f3, t1; fmv.x.d t0, f3; SIG(t0); FLAGS
  li t1, TENTH_D; fmv.d.x f1, t1; fcvt.s.d f3, f1; fmv.x.d t0, f3; SIG(t0); FLAGS
  fcvt.d.s f4, f3; fmv.x.d t0, f4; SIG(t0); FLAGS
  li t1, SNAN_S; fmv.w.x f1, t1; fcvt.d.s f3, f1; fmv.x.d t0, f3; SIG(t0); FLAGS
  /* loads and stores */
  la s0, buf
  li t1, 0x400921fb54442d18; sd t1, 0(s0)
  fld f5, 0(s0); fsd f5, 8(s0); ld t0, 8(s0); SIG(t0)
  flw f6, 4(s0); fmv.x.d t0, f6; SIG(t0)
  fsw f6, 16(s0); lwu t0, 16(s0); SIG(t0)
  /* fcsr composition */
  li t1, 0xff; csrw fcsr, t1; SIGCSR(fcsr); SIGCSR(frm); SIGCSR(fflags)
  csrwi fflags, 0x1f; SIGCSR(fcsr)
  csrwi fcsr, 0
  /* mstatus.FS = off makes FP instructions illegal */
  li t1, (3 << 13); csrc mstatus, t1
  fadd.d f1, f1, f1
  csrr t1, fcsr
  li t1, (1 << 13); csrs mstatus, t1
  SIGCSR(mstatus)
TEST_END
  .data
  .align 4
buf: .skip 64
