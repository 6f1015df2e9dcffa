/* Machine timer interrupts arriving while hot loops run (translated by the JIT): in M mode
   (mstatus.MIE), in U mode through Sv39, and around WFI. The handler re-arms mtimecmp a few ticks
   ahead each time, so interrupts land all over the loops. The loops' results do not depend on
   where interrupts land (compared with QEMU); where they land is compared with the JIT off. */
#include "common/test.h"
#define N 3000
TEST_BEGIN
  la t0, timer_handler; csrw mtvec, t0
  li t0, (1 << 7); csrs mie, t0
  jal ra, arm
  csrsi mstatus, 8
  /* 1. M mode */
  jal ra, work
  SIG(a0)
  csrci mstatus, 8
  /* 2. U mode through an Sv39 gigapage (M interrupts are always taken from U) */
  la t1, root
  li t2, ((0x80000000 >> 12) << 10) | 0xdf
  sd t2, 16(t1)
  srli t1, t1, 12; li t2, 8 << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
  TO_U
  jal ra, work
  SIG(a0)
  TO_M
  csrw satp, zero; sfence.vma
  /* 3. WFI in a loop: each wakes for the next interrupt */
  la t0, tcount; ld s4, 0(t0)
  csrsi mstatus, 8
  li s2, 20
3: wfi
  addi s2, s2, -1
  bnez s2, 3b
  csrci mstatus, 8
  la t0, tcount; ld t0, 0(t0); sub t0, t0, s4
  sltiu t0, t0, 20; SIG(t0)            /* at least 20 interrupts: 0 */
  li t0, (1 << 7); csrc mie, t0
  la t0, trap_handler; csrw mtvec, t0
  la t0, tcount; ld t0, 0(t0)
  sltu t0, zero, t0; SIG(t0)           /* interrupts arrived: 1 */
  j 9f

/* a0 = a checksum of N passes of loads, stores and arithmetic on buf (RAM only, no MMIO) */
work:
  la t0, buf
  li t1, N
  li a0, 0
1: andi t2, t1, 63
  slli t2, t2, 3
  add t2, t2, t0
  ld t3, 0(t2)
  add t3, t3, t1
  xor t3, t3, a0
  sd t3, 0(t2)
  sw t1, 516(t0)
  add a0, a0, t3
  slli t4, a0, 7
  srli a0, a0, 3
  xor a0, a0, t4
  addi t1, t1, -1
  bnez t1, 1b
  ret

arm: /* mtimecmp = mtime + 2..9 ticks (by the interrupt count) */
  la s11, tcount; ld s10, 0(s11)
  andi s10, s10, 7; addi s10, s10, 2
  li s11, CLINT_MTIME; ld s11, 0(s11); add s10, s10, s11
  li s11, CLINT_MTIMECMP; sd s10, 0(s11)
  ret

  .align 4
timer_handler: /* interrupts: count and re-arm; exceptions: the frame's handler (uses s10, s11) */
  csrr s10, mcause
  bgez s10, 1f
  la s11, tcount; ld s10, 0(s11); addi s10, s10, 1; sd s10, 0(s11)
  andi s10, s10, 7; addi s10, s10, 2
  li s11, CLINT_MTIME; ld s11, 0(s11); add s10, s10, s11
  li s11, CLINT_MTIMECMP; sd s10, 0(s11)
  mret
1: j trap_handler
9:
TEST_END
  .data
  .align 3
tcount: .dword 0
  .align 12
buf: .skip 4096
root: .skip 4096
