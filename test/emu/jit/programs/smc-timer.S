/* Self-modifying code under timer interrupts: a hot loop rewrites an instruction of its own
   block on every pass (a store — or an AMO, or an FP store — that drops the translation it is
   running in) and stores data next to its code on the same page, while the timer is re-armed a
   few ticks ahead. Only the
   results that do not depend on where interrupts land are recorded (compared with QEMU). */
#include "common/test.h"
#define ADDI_A1(n) (0x00058593 | ((n) << 20))   /* addi a1, a1, n */
#define N 1500
TEST_BEGIN
  la t0, timer_handler; csrw mtvec, t0
  li t0, (1 << 7); csrs mie, t0
  li s11, CLINT_MTIMECMP; sd zero, 0(s11)
  csrsi mstatus, 8
  jal ra, patcher
  SIG(a0)
  SIG(a1)
  la t0, near_data; ld t0, 0(t0); SIG(t0)
  li t0, (1 << 13); csrs mstatus, t0      /* FP on (initial) */
  jal ra, patcher2
  SIG(a0)
  SIG(a1)
  csrci mstatus, 8
  li t0, (1 << 7); csrc mie, t0
  la t0, trap_handler; csrw mtvec, t0
  la t0, tcount; ld t0, 0(t0)
  sltu t0, zero, t0; SIG(t0)
  j 9f

  .align 4
timer_handler: /* interrupts: count and re-arm 1..4 ticks ahead; exceptions: the frame's */
  csrr s10, mcause
  bgez s10, 1f
  la s11, tcount; ld s10, 0(s11); addi s10, s10, 1; sd s10, 0(s11)
  andi s10, s10, 3; addi s10, s10, 1
  li s11, CLINT_MTIME; ld s11, 0(s11); add s10, s10, s11
  li s11, CLINT_MTIMECMP; sd s10, 0(s11)
  mret
1: j trap_handler

  .balign 4096
  .option push
  .option norvc
patcher:
  li a0, 0
  li a1, 0
  li t0, N
  la t1, 2f
  la t3, near_data
  li t4, ADDI_A1(0)
1: andi t2, t0, 7
  slli t2, t2, 20
  or t2, t2, t4
  sw t2, 0(t1)          /* rewrite the addi below (same block) */
  fence.i
2: addi a1, a1, 0
  ld t5, 0(t3)
  add t5, t5, t0
  sd t5, 0(t3)          /* data on the code's page, not code */
  add a0, a0, a1
  addi t0, t0, -1
  bnez t0, 1b
  ret
  .align 3
near_data: .dword 0

  .balign 4096
/* the same with the rewrite done by an AMO (amoswap.w) and by an FP store (fsw), in turn */
patcher2:
  li a0, 0
  li a1, 0
  li t0, N
  la t1, 2f
  li t4, ADDI_A1(0)
1: andi t2, t0, 7
  slli t2, t2, 20
  or t2, t2, t4
  andi t3, t0, 1
  beqz t3, 3f
  amoswap.w zero, t2, (t1)  /* rewrite the addi below (same block) */
  j 4f
3: fmv.w.x ft0, t2
  fsw ft0, 0(t1)
4: fence.i
2: addi a1, a1, 0
  add a0, a0, a1
  addi t0, t0, -1
  bnez t0, 1b
  ret
  .option pop
9:
TEST_END
  .data
  .align 3
tcount: .dword 0
