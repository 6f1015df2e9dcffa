/* isa-test: harts=4 quantum=7 */
/* Harts polling memory written by other harts while hot (translated) code runs: barriers over
   rounds of work (each hart spins on a counter the others increment: the scheduler's spin-wait
   detection yields), then harts 1..3 poll a flag hart 0 raises after a long computation, with
   ld, lr.d and a compressed lw/c.beqz loop. Hart 0 records the results. */
#include "common/test.h"
#define ROUNDS 6
#define WORK 300
TEST_BEGIN
  csrr s0, mhartid
  la s5, shared
  li s1, 0                    /* round */
1: /* work: slot[hart] += (hart + 1) * (round + 1), WORK times, through memory */
  slli t0, s0, 3
  add t0, t0, s5
  addi t1, s0, 1
  addi t2, s1, 1
  mul t1, t1, t2
  li t2, WORK
  .globl spin_work
spin_work:               /* debug.test.ts sets breakpoints here (every hart runs it) */
2: ld t3, 0(t0)
  add t3, t3, t1
  sd t3, 0(t0)
  addi t2, t2, -1
  bnez t2, 2b
  /* barrier: arrive, then wait for all four */
  li t0, 1
  addi t1, s5, 64
  amoadd.d zero, t0, (t1)
  addi t2, s1, 1
  slli t2, t2, 2              /* 4 * (round + 1) */
3: ld t0, 64(s5)
  blt t0, t2, 3b
  addi s1, s1, 1
  li t0, ROUNDS
  blt s1, t0, 1b

  bnez s0, poller
  /* hart 0: a long computation, then the flag */
  li t0, 20000
  li a0, 1
4: slli t1, a0, 1
  xor a0, a0, t1
  addi a0, a0, 3
  addi t0, t0, -1
  bnez t0, 4b
  sd a0, 80(s5)
  fence
  li t0, 1
  sd t0, 72(s5)
  /* wait for the pollers' answers */
  li t2, 3
5: ld t0, 88(s5)
  bne t0, t2, 5b
  ld t0, 0(s5); SIG(t0)
  ld t0, 8(s5); SIG(t0)
  ld t0, 16(s5); SIG(t0)
  ld t0, 24(s5); SIG(t0)
  ld t0, 64(s5); SIG(t0)
  ld t0, 80(s5); SIG(t0)
  ld t0, 96(s5); SIG(t0)
  j 9f

poller:
  addi t6, s5, 72
  li t0, 1
  beq s0, t0, 6f
  li t0, 2
  beq s0, t0, 7f
  /* hart 3: compressed lw / c.beqz */
  mv a1, t6
8: c.lw a0, 0(a1)
  c.beqz a0, 8b
  j 10f
6: /* hart 1: lr.d */
  lr.d t0, (t6)
  beqz t0, 6b
  j 10f
7: /* hart 2: ld */
  ld t0, 0(t6)
  beqz t0, 7b
10: ld t1, 80(s5)
  add t1, t1, s0
  addi t2, s5, 96
  amoadd.d zero, t1, (t2)
  li t0, 1
  addi t2, s5, 88
  amoadd.d zero, t0, (t2)
11: wfi
  j 11b
9:
TEST_END
  .data
  .align 6
shared: .skip 128
