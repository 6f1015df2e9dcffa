/* A hot loop touching memory every way a watchpoint can catch: a load, a store, an AMO, an FP
   store, LR/SC and a word store partly covered by a watchpoint (debug.test.ts sets them while
   the loop is translated). It also runs as a plain program (compared with QEMU). */
#include "common/test.h"
#define N 4000
TEST_BEGIN
  la s1, data
  li s2, N
  .option push
  .option norvc             /* fixed offsets: debug.test.ts patches watch_loop + 4 */
  .globl watch_loop
watch_loop:
  ld t0, 0(s1)            /* data + 0: load */
  addi t0, t0, 1
  sd t0, 8(s1)            /* data + 8: store */
  li t1, 2
  addi t2, s1, 16
  amoadd.d t3, t1, (t2)   /* data + 16: AMO */
  fcvt.d.l ft0, s2
  fsd ft0, 24(s1)         /* data + 24: FP store */
  addi t2, s1, 32
  lr.d t4, (t2)           /* data + 32: LR/SC */
  addi t4, t4, 3
  sc.d t5, t4, (t2)
  sw s2, 40(s1)           /* data + 40: word store (a watchpoint covers bytes 42..43) */
  add s3, s3, t3
  addi s2, s2, -1
  .globl watch_branch
watch_branch:
  bnez s2, watch_loop
  j watch_done            /* ends the loop's translation (a block runs on past a branch) */
  .globl watch_done
watch_done:
  .option pop
  ld t0, 8(s1); SIG(t0)
  ld t0, 16(s1); SIG(t0)
  ld t0, 24(s1); SIG(t0)
  ld t0, 32(s1); SIG(t0)
  ld t0, 40(s1); SIG(t0)
  SIG(s3)
TEST_END
  .data
  .align 6
  .globl data
data: .skip 64
