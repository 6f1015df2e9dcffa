/* A extension: every AMO in .w and .d, LR/SC success and failure, misaligned AMO traps. */
#include "common/test.h"
#define AMO(insn, init, val) \
  li t1, init; sd t1, 0(s4); li t2, val; insn t0, t2, (s4); SIG(t0); ld t0, 0(s4); SIG(t0)
TEST_BEGIN
  la s4, buf
  AMO(amoswap.d, 0x1111222233334444, 0x5555666677778888)
  AMO(amoadd.d, 0x7fffffffffffffff, 1)
  AMO(amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amomin.d, -5, 3)
  AMO(amomax.d, -5, 3)
  AMO(amominu.d, -5, 3)
  AMO(amomaxu.d, -5, 3)
  AMO(amoswap.w, 0x1111222233334444, 0x55556666f7778888)
  AMO(amoadd.w, 0x123456787fffffff, 1)
  AMO(amoxor.w, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amoand.w, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amoor.w, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0)
  AMO(amomin.w, 0xfffffffb, 3)
  AMO(amomax.w, 0xfffffffb, 3)
  AMO(amominu.w, 0xfffffffb, 3)
  AMO(amomaxu.w, 0xfffffffb, 3)
  AMO(amoadd.d.aqrl, 40, 2)
  /* LR/SC: a paired SC succeeds (0) and stores */
  li t1, 10; sd t1, 0(s4)
  lr.d t0, (s4); SIG(t0)
  li t2, 20; sc.d t0, t2, (s4); SIG(t0)
  ld t0, 0(s4); SIG(t0)
  /* a second SC without a new LR fails (non-zero) and does not store */
  li t2, 30; sc.d t0, t2, (s4); snez t0, t0; SIG(t0)
  ld t0, 0(s4); SIG(t0)
  /* word forms sign-extend */
  li t1, 0x80000000; sw t1, 8(s4)
  addi t3, s4, 8
  lr.w t0, (t3); SIG(t0)
  li t2, 0x7fffffff; sc.w t0, t2, (t3); SIG(t0)
  lw t0, 8(s4); SIG(t0)
  /* SC to another address than the LR's fails */
  lr.d t0, (s4)
  addi t1, s4, 16
  sc.d t0, t2, (t1); snez t0, t0; SIG(t0)
  /* misaligned AMO / LR raise address-misaligned (store/AMO 6, load 4) */
  addi t1, s4, 4
  amoadd.d t0, t2, (t1)
  addi t1, s4, 2
  lr.w t0, (t1)
  addi t1, s4, 1
  sc.w t0, t2, (t1)
TEST_END
  .data
  .align 4
buf: .skip 64
