/* Sstc and S-mode interrupts: stimecmp gated by menvcfg.STCE, the S timer interrupt delegated
   through mideleg and taken in S, the time CSR gated by mcounteren.TM, and the supervisor
   external interrupt from PLIC context 1 (the UART's THR-empty interrupt) claimed from S. */
#include "common/test.h"
#define PLIC 0x0c000000
#define PLIC_ENABLE1 (PLIC + 0x2080)
#define PLIC_CTX1 (PLIC + 0x201000)
TEST_BEGIN
  la t1, s_handler; csrw stvec, t1
  /* without STCE, M still reaches stimecmp (only lower modes trap) */
  li t1, (1 << 63); csrc menvcfg, t1
  csrr t0, stimecmp
  TO_S
  csrr t0, stimecmp                  /* illegal from S */
  TO_M
  csrs menvcfg, t1
  /* S may read time only with mcounteren.TM */
  csrw mcounteren, zero
  TO_S
  csrr t0, time
  TO_M
  li t1, 2; csrw mcounteren, t1
  /* S timer: STIP follows time >= stimecmp; delegated, taken in S with SIE */
  li t1, -1; csrw stimecmp, t1
  SIGCSR(mip)
  li t1, (1 << 5); csrw mideleg, t1; csrs mie, t1
  TO_S
  csrr t1, time; addi t1, t1, 500; csrw stimecmp, t1
1: csrr t0, sip; andi t0, t0, 0x20; beqz t0, 1b
  csrsi sstatus, 2
2: la t1, done; ld t0, 0(t1); beqz t0, 2b
  csrci sstatus, 2
  TO_M
  SIGCSR(mip)
  /* M cannot clear STIP by writing mip while Sstc drives it */
  li t1, -1; csrw stimecmp, t1
  SIGCSR(mip)
  /* S external interrupt: UART THR empty → PLIC context 1 → SEIP, delegated */
  li t1, PLIC + 4 * 10; li t0, 1; sw t0, 0(t1)
  li t1, PLIC_ENABLE1; li t0, (1 << 10); sw t0, 0(t1)
  li t1, PLIC_CTX1; sw zero, 0(t1)
  li t1, (1 << 9); csrs mideleg, t1; csrs mie, t1
  la t1, done; sd zero, 0(t1)
  TO_S
  csrsi sstatus, 2
  li t1, UART_BASE; li t0, 2; sb t0, 1(t1)
3: la t1, done; ld t0, 0(t1); beqz t0, 3b
  csrci sstatus, 2
  TO_M
  SIGCSR(mip)
  csrw mideleg, zero
  csrw mie, zero
TEST_END

  .text
  .align 4
s_handler:
  csrr t1, scause; SIG(t1)
  li t2, (1 << 63) | 5; bne t1, t2, 4f
  li t1, -1; csrw stimecmp, t1       /* acknowledge the timer */
  j 5f
4: li t2, (1 << 63) | 9; bne t1, t2, 6f
  li t1, PLIC_CTX1 + 4; lwu t2, 0(t1); SIG(t2)   /* claim: 10 */
  li t3, UART_BASE; sb zero, 1(t3)               /* UART interrupt off */
  sw t2, 0(t1)                                   /* complete */
5: la t1, done; li t0, 1; sd t0, 0(t1)
  sret
6: csrr t1, sepc; addi t1, t1, 4; csrw sepc, t1
  sret

  .data
  .align 3
done: .dword 0
