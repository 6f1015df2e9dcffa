/* Control flow in and out of translated blocks: loops closed by a branch or a JAL to the
   block's first instruction, backward branches to before it, branches into the middle of
   another block, indirect calls through a table, jalr with rd == rs1, compressed jumps
   (c.j, c.jr, c.jalr, c.beqz/c.bnez), returns across pages, and writes to x0. */
#include "common/test.h"
#define N 50
TEST_BEGIN
  /* 1. a loop closed by a JAL to its first instruction */
  li s2, N; li a0, 0
1: addi a0, a0, 3
  addi s2, s2, -1
  beqz s2, 2f
  j 1b
2: SIG(a0)
  /* 2. a backward branch to before the block's first instruction (the loop head is a
     separate block entered by falling through) */
  li s2, N; li a0, 0
3: addi a0, a0, 1
4: addi a0, a0, 2
  addi s2, s2, -1
  andi t0, s2, 1
  bnez t0, 4b          /* into the middle: a block starting at 4 */
  bnez s2, 3b
  SIG(a0)
  /* 3. indirect calls through a table, jalr with rd == rs1 */
  li s2, N; li a0, 0
  la s3, table
5: andi t0, s2, 3
  slli t0, t0, 3
  add t0, t0, s3
  ld ra, 0(t0)
  jalr ra, 0(ra)
  addi s2, s2, -1
  bnez s2, 5b
  SIG(a0)
  /* 4. compressed jumps */
  li a2, N; li a0, 0
  la s4, c_fn
6: c.jalr s4
  c.addi a2, -1
  c.bnez a2, 6b
  SIG(a0)
  /* 5. a call to a function on the next page and back, many times */
  li s2, N; li a0, 0
7: jal ra, far_fn
  addi s2, s2, -1
  bnez s2, 7b
  SIG(a0)
  /* 5b. ...and one whose second instruction straddles the page boundary */
  li s2, N; li a0, 0
71: jal ra, straddle_fn
  addi s2, s2, -1
  bnez s2, 71b
  SIG(a0)
  /* 6. writes to x0 (dropped) and loads into x0 (still performed: one faults) */
  li s2, N; li a0, 0
  la s5, table
8: addi zero, a0, 5
  add zero, a0, s2
  ld zero, 0(s5)
  lui zero, 0x12345
  addi a0, a0, 1
  addi s2, s2, -1
  bnez s2, 8b
  mv t0, zero; SIG(t0)
  SIG(a0)
  li s2, 3
9: ld zero, 0(zero)     /* access fault, recorded */
  addi s2, s2, -1
  bnez s2, 9b
  /* 7. a loop whose block is exactly one branch */
  li t1, 1000
10: addi t1, t1, -1
  bnez t1, 10b
  SIG(t1)
  j 99f

f0: addi a0, a0, 1; ret
f1: addi a0, a0, 10; ret
f2: addi a0, a0, 100; ret
f3: addi a0, a0, 1000; ret
c_fn:
  c.addi a0, 7
  c.beqz a0, 1f
  c.jr ra
1: c.j 1b

  .balign 4096
  .skip 4096 - 6
far_fn:                 /* starts 6 bytes before the end of a page */
  c.addi a0, 1
  addi a0, a0, 2        /* crosses the page boundary */
  addi a0, a0, 4
  ret

  .balign 4096
  .skip 4096 - 4
straddle_fn:            /* starts 4 bytes before the end of a page */
  c.addi a0, 1
  addi a0, a0, 16       /* bytes 2..5: half on each page */
  addi a0, a0, 32
  ret
99:
TEST_END
  .data
  .align 3
table: .dword f0, f1, f2, f3
