/*
 * Hypervisor extension conformance (compared with QEMU 7.2, -cpu rv64): H/VS CSR WARL values,
 * VS-mode CSR aliasing, virtual-instruction exceptions, G-stage Sv39x4 and VS-stage Sv39
 * translation, guest-page faults with mtval2/GVA, HLV/HLVX/HSV, hedeleg to VS, and a VS
 * software interrupt injected through hvip and delivered to vstvec.
 * Uses the frame of test/emu/isa/common/test.h (M-mode handler records cause/epc/tval).
 */
#include "common/test.h"
  .option arch, +h
  .option norvc

#define GOTO_VS(label) \
  la t0, label; csrw mepc, t0; \
  li t1, (3 << 11); csrc mstatus, t1; \
  li t1, (1 << 11); csrs mstatus, t1; \
  li t1, 1; slli t1, t1, 39; csrs mstatus, t1; \
  mret

TEST_BEGIN
  /* QEMU 7.2's mret honours MPV even when MPP = M (it would return to "M with V=1"); the spec
   * ignores MPV then. Clear MPV before the frame's handler returns to M from VS. */
  la t0, hyp_trap; csrw mtvec, t0
  /* --- H and VS CSRs: write all ones, read back (WARL) --- */
  li t1, -1
  csrw hstatus, t1; SIGCSR(hstatus); csrw hstatus, zero
  csrw hedeleg, t1; SIGCSR(hedeleg); csrw hedeleg, zero
  csrw hideleg, t1; SIGCSR(hideleg); csrw hideleg, zero
  csrw hie, t1; SIGCSR(hie); csrw hie, zero
  csrw hvip, t1; SIGCSR(hvip); SIGCSR(hip); csrw hvip, zero; SIGCSR(hip)
  csrw htimedelta, t1; SIGCSR(htimedelta); csrw htimedelta, zero
  csrw henvcfg, t1; SIGCSR(henvcfg); csrw henvcfg, zero
  csrw vsstatus, t1; SIGCSR(vsstatus); csrw vsstatus, zero
  csrw vstvec, t1; SIGCSR(vstvec); csrw vstvec, zero
  csrw vsscratch, t1; SIGCSR(vsscratch); csrw vsscratch, zero
  csrw vsepc, t1; SIGCSR(vsepc); csrw vsepc, zero
  csrw vsatp, t1; SIGCSR(vsatp)
  li t1, (8 << 60) | 0x1234; csrw vsatp, t1; SIGCSR(vsatp); csrw vsatp, zero
  li t1, -1; csrw hgatp, t1; SIGCSR(hgatp)
  li t1, (8 << 60) | 0x1237; csrw hgatp, t1; SIGCSR(hgatp); csrw hgatp, zero
  SIGCSR(mideleg)
  li t1, 0x1234; csrw mtval2, t1; SIGCSR(mtval2); csrw mtinst, zero; SIGCSR(mtinst)

  /* --- VS-mode with the G-stage off: aliasing and virtual-instruction exceptions --- */
  GOTO_VS(vs1)
vs1:
  csrwi sscratch, 5
  csrr t0, sscratch; SIG(t0)
  ON_FAULT(1f); csrr t0, hstatus
1: ON_FAULT(1f); csrr t0, vsstatus
1: ON_FAULT(1f); hfence.gvma
1: ON_FAULT(1f); hlv.d t0, (sp)
1: TO_M
  SIGCSR(vsscratch)
  SIGCSR(sscratch)
  /* VTW / VTSR / VTVM (QEMU 7.2 does not trap satp accesses under VTVM: not tested) */
  li t1, (7 << 20); csrs hstatus, t1
  GOTO_VS(vs2)
vs2:
  ON_FAULT(1f); wfi
1: ON_FAULT(1f); sret
1: ON_FAULT(1f); sfence.vma
1: TO_M
  li t1, (7 << 20); csrc hstatus, t1

  /* --- G-stage Sv39x4: GPA 0x80000000 (1 GiB) identity, GPA 0 identity (devices) --- */
  la t0, groot
  li t1, (0x80000 << 10) | 0xdf; sd t1, 16(t0)
  li t1, 0xd7; sd t1, 0(t0)
  srli t1, t0, 12; li t2, 8; slli t2, t2, 60; or t1, t1, t2; csrw hgatp, t1
  hfence.gvma
  /* HLV/HSV from M as VS (SPVP = 1), VS-stage off */
  li t1, (1 << 8); csrs hstatus, t1
  la t0, data; hlv.d t1, (t0); SIG(t1)
  hlv.w t1, (t0); SIG(t1)
  addi t2, t0, 7; hlv.bu t1, (t2); SIG(t1)
  li t1, 0x55aa; addi t2, t0, 2; hsv.h t1, (t2); ld t1, 0(t0); SIG(t1)
  li t0, 0xc0000010; ON_FAULT(1f); hlv.d t1, (t0)
1: SIGCSR(mtval2); SIGCSR(mtinst); csrr t1, mstatus; srli t1, t1, 38; andi t1, t1, 3; SIG(t1)
  li t0, 0xc0000028; ON_FAULT(1f); hsv.d zero, (t0)
1: SIGCSR(mtval2)
  /* guest code under the G-stage */
  GOTO_VS(vs3)
vs3:
  la t0, data; ld t1, 0(t0); SIG(t1)
  li t0, 0xc0000040; ON_FAULT(1f); ld t1, 0(t0)
1: li t0, 0xc0000048; ON_FAULT(1f); sd t1, 0(t0)
1: li t0, 0xc0000000; ON_FAULT(1f); jalr t0
1: TO_M

  /* --- VS-stage Sv39 under the G-stage --- */
  la t0, vsroot
  li t1, (0x80000 << 10) | 0xcb; sd t1, 8(t0)   /* VA 0x40000000: read+execute (QEMU 7.2
                                                  gives access faults for HLV on X-only) */
  li t1, (0x80000 << 10) | 0xcf; sd t1, 16(t0)  /* VA 0x80000000: identity RWX */
  li t1, (0xc0000 << 10) | 0xc7; sd t1, 24(t0)  /* VA 0xc0000000: GPA not in the G-stage */
  srli t1, t0, 12; li t2, 8; slli t2, t2, 60; or t1, t1, t2; csrw vsatp, t1
  hfence.vvma
  la t0, vs3; li t1, 0x40000000; sub t0, t0, t1   /* vs3 seen through the X-only window */
  hlvx.hu t1, (t0); SIG(t1)
  hlvx.wu t1, (t0); SIG(t1)
  hlv.hu t1, (t0); SIG(t1)
  li t0, 0xc0000100; ON_FAULT(1f); hlv.d t1, (t0)
1: SIGCSR(mtval2)
  /* VS-stage root outside the G-stage: the implicit walk faults */
  csrr s5, vsatp
  li t1, (8 << 60) | 0xc0000; csrw vsatp, t1
  li t0, 0x80001000; ON_FAULT(1f); hlv.d t1, (t0)
1: SIGCSR(mtval2)
  csrw vsatp, s5
  GOTO_VS(vs4)
vs4:
  la t0, data; ld t1, 0(t0); SIG(t1)
  li t0, 0xc0000200; ON_FAULT(1f); ld t1, 0(t0)
1: li t0, 0x40001000; ON_FAULT(1f); ld t1, 0(t0)
1: TO_M
  csrw vsatp, zero

  /* --- hedeleg: illegal instructions from VS go to vstvec; VSSIP through hvip --- */
  la t0, vs_handler; csrw vstvec, t0
  li t1, (1 << 2); csrw hedeleg, t1
  li t1, (1 << 2); csrw hideleg, t1
  csrs hie, t1
  csrs hvip, t1
  GOTO_VS(vs5)
vs5:
  .word 0
  csrsi sie, 2
  csrsi sstatus, 2
  nop
  csrr t0, sip; SIG(t0)
  TO_M
  SIGCSR(hvip)
  SIGCSR(vscause)
  csrw hedeleg, zero; csrw hideleg, zero; csrw hie, zero; csrw hgatp, zero
TEST_END

  .text
  .align 4
hyp_trap:
  csrw mscratch, t0
  csrr t0, mcause; addi t0, t0, -10; bnez t0, 1f
  li t0, SYS_TO_M; bne a7, t0, 1f
  li t0, 1; slli t0, t0, 39; csrc mstatus, t0
1: csrr t0, mscratch
  j trap_handler

  .align 4
vs_handler:
  csrr t5, scause; SIG(t5)
  csrr t5, stval; SIG(t5)
  csrr t5, scause; bltz t5, 1f
  csrr t5, sepc; addi t5, t5, 4; csrw sepc, t5; sret
1: csrci sip, 2
  sret

  .data
  .align 3
data: .dword 0x1122334455667788

  .bss
  .align 14
groot: .skip 16384
vsroot: .skip 4096
