/* Interrupt arbitration: several interrupts pending at once are taken in the spec's priority
   order (MEI, MSI, MTI, SEI, SSI, STI), delegation by mideleg, mstatus.MIE/SIE gating, and
   mip bits written from M (SSIP/STIP/SEIP) versus those wired to devices (MSIP/MTIP). */
#include "common/test.h"
TEST_BEGIN
  /* all sources pending, nothing enabled globally yet */
  li t1, CLINT_BASE; li t0, 1; sw t0, 0(t1)            /* MSIP */
  li t1, CLINT_MTIMECMP; sd zero, 0(t1)                 /* MTIP: mtime >= 0 */
  li t1, (1 << 1) | (1 << 5) | (1 << 9); csrs mip, t1   /* SSIP, STIP, SEIP by software */
1: csrr t0, mip; andi t0, t0, 0x88; li t1, 0x88; bne t0, t1, 1b
  SIGCSR(mip)
  /* mip.MSIP/MTIP are read-only: writes from M change nothing */
  li t1, 0x88; csrc mip, t1; SIGCSR(mip)
  /* enable all six in mie, then open M: taken one at a time, highest priority first; the
     handler silences MSIP/MTIP at the device and clears S bits in mip/mie */
  li t1, 0x2aa; csrw mie, t1
  csrsi mstatus, 8
  nop; nop; nop; nop
2: csrr t0, mie; csrr t1, mip; and t0, t0, t1; bnez t0, 2b
  csrci mstatus, 8
  SIGCSR(mip)
  /* delegated S interrupts are not taken in M, and not in S while sstatus.SIE = 0 */
  li t1, (1 << 1) | (1 << 5); csrs mip, t1
  li t1, (1 << 1) | (1 << 5); csrw mideleg, t1; csrs mie, t1
  la t1, s_handler; csrw stvec, t1
  csrsi mstatus, 8
  nop; nop
  TO_S
  nop; nop
  SIGCSR(sip)
  csrsi sstatus, 2                                      /* now SSIP then STIP in S */
3: csrr t0, sie; bnez t0, 3b
  csrci sstatus, 2
  TO_M
  csrci mstatus, 8
  csrw mideleg, zero
  /* an M interrupt preempts S-mode execution even with mstatus.MIE = 0 (lower privilege) */
  li t1, (1 << 3); csrw mie, t1
  TO_S
  li t1, CLINT_BASE; li t0, 1; sw t0, 0(t1)
4: li t1, CLINT_BASE; lw t0, 0(t1); bnez t0, 4b   /* the M handler clears msip */
  TO_M
  csrw mie, zero
  li t1, CLINT_MTIMECMP; li t0, -1; sd t0, 0(t1)
TEST_END

  .text
  .align 4
s_handler:
  csrr t1, scause; SIG(t1)
  slli t1, t1, 1; srli t1, t1, 1
  li t2, 1; sll t2, t2, t1
  csrc sip, t2
  csrc sie, t2
  sret
