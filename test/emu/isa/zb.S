/* Zba / Zbb / Zbs. */
#include "common/test.h"
#define R(insn) insn t0, s0, s1; SIG(t0); insn t0, s1, s2; SIG(t0)
#define U(insn) insn t0, s0; SIG(t0); insn t0, s1; SIG(t0); insn t0, s2; SIG(t0); insn t0, zero; SIG(t0)
TEST_BEGIN
  li s0, 0x0123456789abcdef
  li s1, 0xfedcba9876543210
  li s2, 0x0000000080000017
  R(sh1add); R(sh2add); R(sh3add); R(add.uw); R(sh1add.uw); R(sh2add.uw); R(sh3add.uw)
  slli.uw t0, s1, 5; SIG(t0)
  R(andn); R(orn); R(xnor); R(max); R(maxu); R(min); R(minu); R(rol); R(ror); R(rolw); R(rorw)
  U(clz); U(clzw); U(ctz); U(ctzw); U(cpop); U(cpopw); U(sext.b); U(sext.h); U(zext.h); U(orc.b); U(rev8)
  rori t0, s0, 13; SIG(t0)
  roriw t0, s1, 7; SIG(t0)
  R(bclr); R(bext); R(binv); R(bset)
  bclri t0, s1, 63; SIG(t0)
  bexti t0, s0, 5; SIG(t0)
  binvi t0, s0, 32; SIG(t0)
  bseti t0, s2, 40; SIG(t0)
TEST_END
