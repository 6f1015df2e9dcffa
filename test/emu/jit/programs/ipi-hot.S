/* isa-test: harts=4 quantum=11 */
/* Software interrupts (CLINT msip) sent by harts 1..3 to hart 0 while hart 0 runs a hot loop of
   RAM loads and stores with mstatus.MIE set; hart 0's handler counts and clears them. The
   senders pace themselves on hart 0's count. Results that do not depend on when an interrupt
   lands are recorded (compared with QEMU); when they land is compared with the JIT off. */
#include "common/test.h"
#define N 4000
#define IPIS 5
TEST_BEGIN
  csrr s0, mhartid
  la s5, shared
  bnez s0, sender
  la t0, ipi_handler; csrw mtvec, t0
  li t0, (1 << 3); csrs mie, t0
  csrsi mstatus, 8
  li t0, 1; sd t0, 24(s5)         /* hart 1 sends first */
  sd t0, 0(s5)                    /* go */
  /* hot loop */
  la t0, buf
  li t1, N
  li a0, 0
1: andi t2, t1, 31
  slli t2, t2, 3
  add t2, t2, t0
  ld t3, 0(t2)
  add t3, t3, t1
  sd t3, 0(t2)
  add a0, a0, t3
  addi t1, t1, -1
  bnez t1, 1b
  /* then wait for every IPI */
  li t4, 3 * IPIS
2: ld t5, 8(s5)
  blt t5, t4, 2b
  csrci mstatus, 8
  SIG(a0)
  ld t5, 8(s5); SIG(t5)
  la t0, trap_handler; csrw mtvec, t0
  j 9f

sender:
1: ld t0, 0(s5)
  beqz t0, 1b
  li s1, IPIS
2: /* wait for this hart's turn (1, 2, 3, 1, ...) */
  ld t0, 24(s5)
  bne t0, s0, 2b
  ld s2, 8(s5)                    /* hart 0's count before */
  li t1, CLINT_BASE; li t2, 1; sw t2, 0(t1)
3: ld t0, 8(s5)                   /* until hart 0 counted it */
  beq t0, s2, 3b
  addi t0, s0, 1
  li t1, 4
  bne t0, t1, 4f
  li t0, 1
4: sd t0, 24(s5)                  /* the next sender's turn */
  addi s1, s1, -1
  bnez s1, 2b
5: wfi
  j 5b

  .align 4
ipi_handler: /* software interrupts: clear msip, count; exceptions: the frame's handler */
  csrr s10, mcause
  bgez s10, 1f
  li s11, CLINT_BASE; sw zero, 0(s11)
  la s11, shared; ld s10, 8(s11); addi s10, s10, 1; sd s10, 8(s11)
  mret
1: j trap_handler
9:
TEST_END
  .data
  .align 6
shared: .dword 0, 0, 0, 0
  .align 12
buf: .skip 4096
