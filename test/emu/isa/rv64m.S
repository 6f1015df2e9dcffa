/* M extension: products, quotients and remainders including division by zero and overflow. */
#include "common/test.h"
#define OP(insn, a, b) li t1, a; li t2, b; insn t0, t1, t2; SIG(t0)
#define ALL(a, b) \
  OP(mul, a, b); OP(mulh, a, b); OP(mulhsu, a, b); OP(mulhu, a, b); \
  OP(div, a, b); OP(divu, a, b); OP(rem, a, b); OP(remu, a, b); \
  OP(mulw, a, b); OP(divw, a, b); OP(divuw, a, b); OP(remw, a, b); OP(remuw, a, b)
TEST_BEGIN
  ALL(0x0123456789abcdef, 0xfedcba9876543210)
  ALL(-1, -1)
  ALL(0x8000000000000000, -1)
  ALL(0x8000000000000000, 0)
  ALL(12345, 0)
  ALL(-100, 7)
  ALL(100, -7)
  ALL(0xffffffff80000000, 0xffffffffffffffff)
  ALL(0x7fffffff, 0x12345678)
TEST_END
