/* isa-test: harts=2 quantum=40 */
/* Chained translations: a ring of tiny blocks joined by jumps on one page, and on two pages in
   turn (chains within and across pages), run round many times so chains meet every budget
   limit; a block that rewrites the next block of its chain before jumping to it; and a polling
   loop made of two chained blocks (hart 1 spins on it until hart 0 raises a flag: the spin-wait
   detection must see the same thing). Hart 0 records the results. */
#include "common/test.h"
#define ADDI_A0(n) (0x00050513 | ((n) << 20))   /* addi a0, a0, n */
TEST_BEGIN
  csrr s0, mhartid
  bnez s0, spinner
  /* 1. a ring of blocks on one page */
  li a0, 0
  li s2, 300
  jal ra, ring1
  SIG(a0)
  /* 2. a ring of blocks on two pages, alternating */
  li a0, 0
  li s2, 300
  jal ra, ring2
  SIG(a0)
  /* 3. each pass rewrites the next block's addi, then jumps to it */
  li a0, 0
  li s2, 200
  jal ra, rewrite_next
  SIG(a0)
  /* 4. release hart 1, wait for its answer */
  la t0, flag
  li t1, 1
  sd t1, 0(t0)
1: ld t1, 8(t0)
  beqz t1, 1b
  SIG(t1)
  j 9f

spinner: /* hart 1: poll the flag through two chained blocks, then answer */
  la t0, flag
2: ld t1, 0(t0)
  j 3f
3: beqz t1, 2b
  li t2, 0x5a
  sd t2, 8(t0)
4: wfi
  j 4b

  .balign 4096
ring1:                      /* r1a -> r1b -> r1c -> r1a ... s2 times round */
r1a: addi a0, a0, 1
  j r1b
r1c: addi a0, a0, 3
  addi s2, s2, -1
  bnez s2, r1a
  ret
r1b: addi a0, a0, 2
  xori a0, a0, 5
  j r1c

  .balign 4096
ring2:                      /* r2a (page 1) -> r2b (page 2) -> r2c (page 1) -> r2a ... */
r2a: addi a0, a0, 1
  j r2b
r2c: slli t0, a0, 1
  add a0, a0, t0
  srli a0, a0, 1
  addi s2, s2, -1
  bnez s2, r2a
  ret

  .option push
  .option norvc
  .balign 4096
rewrite_next:               /* rn_a stores into rn_b's addi, then jumps to it */
  la t1, rn_b
  li t4, ADDI_A0(0)
rn_a: andi t2, s2, 15
  slli t2, t2, 20
  or t2, t2, t4
  sw t2, 0(t1)
  fence.i
  j rn_b
rn_b: addi a0, a0, 0
  addi s2, s2, -1
  bnez s2, rn_a
  ret
  .option pop

  .balign 4096
r2b: addi a0, a0, 7
  j r2c
9:
TEST_END
  .data
  .align 3
flag: .dword 0, 0
