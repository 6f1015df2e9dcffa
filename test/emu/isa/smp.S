/* isa-test: harts=4 quantum=3 */
/* Several harts: AMO and LR/SC increments of shared counters from every hart (reservations
   must be broken by other harts' stores), and inter-processor interrupts through the CLINT's
   msip registers. Hart 0 records the results; the others never trap. */
#include "common/test.h"
#define HARTS 4
#define ROUNDS 2000
TEST_BEGIN
  csrr s0, mhartid
  /* per-hart stack below the shared one; only hart 0 uses the frame's */
  la sp, stacks_top
  slli t0, s0, 10
  sub sp, sp, t0
  /* everyone: ROUNDS amoadd and ROUNDS lr/sc increments */
  la s1, counters
  li s2, ROUNDS
1: li t0, 1
  amoadd.d zero, t0, (s1)
  addi s4, s1, 8
2: lr.d t1, (s4)
  addi t1, t1, 1
  sc.d t2, t1, (s4)
  bnez t2, 2b
  addi s2, s2, -1
  bnez s2, 1b
  li t0, 1
  addi t1, s1, 16
  amoadd.d zero, t0, (t1)     /* arrived */
  bnez s0, secondary
  /* hart 0: wait for all, record the counters */
3: ld t0, 16(s1)
  li t1, HARTS
  bne t0, t1, 3b
  ld t0, 0(s1); SIG(t0)
  ld t0, 8(s1); SIG(t0)
  /* IPIs: wake each other hart through its msip; each answers with hartid + 1 */
  li s3, 1
4: li t0, CLINT_BASE
  slli t1, s3, 2
  add t0, t0, t1
  li t1, 1
  sw t1, 0(t0)
  la t0, answers
  slli t1, s3, 3
  add t0, t0, t1
5: ld t2, 0(t0)
  beqz t2, 5b
  SIG(t2)
  addi s3, s3, 1
  li t1, HARTS
  bne s3, t1, 4b
  j 9f

secondary:
  li t0, (1 << 3)
  csrw mie, t0            /* MSIE: wfi wakes on it; mstatus.MIE stays 0, no trap taken */
6: wfi
  csrr t0, mip
  andi t0, t0, 8
  beqz t0, 6b
  li t0, CLINT_BASE
  slli t1, s0, 2
  add t0, t0, t1
  sw zero, 0(t0)          /* clear our msip */
  csrr t0, mip; andi t0, t0, 8
  bnez t0, 8f             /* still pending after the clear: report 0xbad */
  la t0, answers
  slli t1, s0, 3
  add t0, t0, t1
  addi t2, s0, 1
  sd t2, 0(t0)
7: wfi
  j 7b
8: la t0, answers
  slli t1, s0, 3
  add t0, t0, t1
  li t2, 0xbad
  sd t2, 0(t0)
  j 7b
9:
TEST_END
  .data
  .align 6
counters: .dword 0, 0, 0
  .align 6
answers: .dword 0, 0, 0, 0
  .bss
  .align 4
stacks: .skip 1024 * HARTS
stacks_top:
