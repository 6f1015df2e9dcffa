/* isa-test: march=rv64gc_zbc */
/* Zbc (carry-less multiply, advertised in QEMU's riscv,isa) and Zihintpause's PAUSE. */
#include "common/test.h"
#define R(insn) insn t0, s0, s1; SIG(t0); insn t0, s1, s2; SIG(t0); insn t0, s2, s2; SIG(t0)
TEST_BEGIN
  li s0, 0x0123456789abcdef
  li s1, 0xfedcba9876543210
  li s2, 0x8000000000000001
  R(clmul); R(clmulh); R(clmulr)
  .word 0x0100000f   /* pause: a FENCE hint, no effect */
  SIGI(1)
TEST_END
