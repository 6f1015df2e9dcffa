/* Traps: ecall from each mode, ebreak, illegal instructions, misaligned accesses, xRET state
   transitions, delegation to S-mode, and interrupts through the CLINT (timer and software). */
#include "common/test.h"
TEST_BEGIN
  /* ecall from M, S and U (recorded: a7 = 0 is no mode-switch request) */
  li a7, 0; ecall
  TO_S; li a7, 0; ecall
  TO_U; li a7, 0; ecall
  TO_M
  /* ebreak and c.ebreak */
  ebreak
  c.ebreak
  /* illegal: all-zero, all-ones, an unknown opcode, mret from S, wfi from U when TW=0 */
  .word 0
  .word 0xffffffff
  .word 0x0000007f
  TO_S
  mret
  TO_M
  SIGCSR(mstatus)
  /* mstatus.TW=1: wfi in S traps; TSR: sret in S traps; TVM: satp in S traps */
  li t1, (1 << 21) | (1 << 22) | (1 << 20); csrs mstatus, t1
  TO_S
  wfi
  csrr t0, satp
  la t1, 1f; csrw sepc, t1
  sret
1: TO_M
  li t1, (1 << 21) | (1 << 22) | (1 << 20); csrc mstatus, t1
  /* misaligned loads and stores (QEMU handles plain ones in hardware: no trap) */
  la s0, buf
  li t1, 0x1122334455667788; sd t1, 0(s0); sd t1, 8(s0)
  ld t0, 3(s0); SIG(t0)
  lw t0, 5(s0); SIG(t0)
  lh t0, 7(s0); SIG(t0)
  sd t1, 9(s0); ld t0, 8(s0); SIG(t0)
  /* misaligned jump target (with C: only bit 0 matters, jalr clears it) */
  la t1, 2f
  addi t1, t1, 2
  jr t1
2: nop
  nop
  /* delegate illegal instruction and ecall-from-U to S: the S handler records via scause */
  la t1, s_handler; csrw stvec, t1
  li t1, (1 << 2) | (1 << 8); csrw medeleg, t1
  TO_U
  .word 0              /* -> S handler */
  li a7, 0; ecall      /* -> S handler */
  TO_M                 /* a7 = SYS_TO_M: ecall from U delegated to S; S handler forwards */
  csrw medeleg, zero
  SIGCSR(mstatus)
  /* machine software interrupt through the CLINT msip: wait until pending with MIE off, then
     open the window (taking an interrupt between arming and wfi would make wfi sleep forever) */
  li t1, (1 << 3); csrs mie, t1
  li t1, CLINT_BASE; li t2, 1; sw t2, 0(t1)
1: csrr t0, mip; andi t0, t0, 8; beqz t0, 1b
  csrsi mstatus, 8
1: li t1, CLINT_BASE; lw t0, 0(t1); bnez t0, 1b   /* the handler clears msip */
  csrci mstatus, 8
  SIGCSR(mip)
  /* machine timer interrupt: mtimecmp = mtime + 1000, wfi until pending, then take it */
  li t1, (1 << 7); csrs mie, t1
  li t1, CLINT_MTIME; ld t2, 0(t1); addi t2, t2, 1000; li t1, CLINT_MTIMECMP; sd t2, 0(t1)
3: wfi
  csrr t0, mip; andi t0, t0, 0x80; beqz t0, 3b
  csrsi mstatus, 8
1: li t1, CLINT_MTIMECMP; ld t2, 0(t1); addi t2, t2, 1; bnez t2, 1b   /* handler sets mtimecmp = -1 */
  csrci mstatus, 8
  csrw mie, zero
  /* supervisor software interrupt delegated to S via mideleg, raised by writing mip.SSIP */
  li t1, (1 << 1); csrw mideleg, t1; csrs mie, t1
  TO_S
  csrsi sstatus, 2
  csrsi sie, 2
  csrsi sip, 2
  nop
  csrci sstatus, 2
  TO_M
  SIGCSR(mip)
  csrw mideleg, zero
  csrw mie, zero
  /* mret restores MIE from MPIE and sets MPIE; MPP becomes U (least privileged) */
  li t1, (1 << 7); csrs mstatus, t1
  la t1, 4f; csrw mepc, t1
  li t1, (3 << 11); csrs mstatus, t1
  mret
4: SIGCSR(mstatus)
  csrci mstatus, 8
  /* privileged instructions from U: all illegal */
  TO_U
  wfi
  sfence.vma
  sret
  mret
  csrr t0, sstatus
  csrw sscratch, t0
  TO_M
  /* from S: sfence.vma and sret are fine (TVM/TSR clear); hfence needs H: legal in HS */
  TO_S
  sfence.vma
  la t1, 5f; csrw sepc, t1
  li t1, (1 << 8); csrs sstatus, t1   /* SPP = S */
  sret
5: TO_M
TEST_END

  .text
  .align 4
s_handler:
  /* record scause/sepc/stval; forward the mode-switch ecalls to M (S cannot do them) */
  csrr t1, scause
  li t2, 8
  bne t1, t2, 5f
  li t2, SYS_TO_M
  bne a7, t2, 5f
  csrr t1, sepc; addi t1, t1, 4; csrw sepc, t1
  ecall                /* a7 still SYS_TO_M: from S to M, resuming here in M */
  csrr t1, sepc
  jr t1
5: csrr t1, scause; SIG(t1); bltz t1, 7f; csrr t1, sepc; SIG(t1); j 8f
7: SIG(zero)           /* an interrupt's epc depends on when it is taken */
8: csrr t1, stval; SIG(t1)
  csrr t1, scause
  bltz t1, 6f
  csrr t1, sepc; addi t1, t1, 4; csrw sepc, t1
  sret
6: csrci sip, 2        /* interrupt: acknowledge SSIP and resume where it hit */
  sret

  .data
  .align 4
buf: .skip 64
