/* Self-modifying code: instructions rewritten by stores are seen after FENCE.I (catches stale
   decode caches): a whole instruction, a 32-bit one replaced by two compressed ones, code just
   ahead of the executing one, and code reached through an S-mode virtual alias. */
#include "common/test.h"
#define LI_A0(n) (0x00000513 | ((n) << 20))   /* addi a0, zero, n */
TEST_BEGIN
  la s0, patch
  jalr s0; SIG(a0)                        /* 1 */
  li t0, LI_A0(2); sw t0, 0(s0); fence.i
  jalr s0; SIG(a0)                        /* 2 */
  li t0, LI_A0(3); sw t0, 0(s0); fence.i
  jalr s0; SIG(a0)                        /* 3 */
  /* c.li a0, 7 ; c.nop in place of the 32-bit addi */
  li t0, 0x0001451d; sw t0, 0(s0); fence.i
  jalr s0; SIG(a0)                        /* 7 */
  /* patch the instruction right after the fence.i that follows the store */
  la s1, ahead
  li t0, LI_A0(9); sw t0, 0(s1)
  fence.i
  .option push
  .option norvc
ahead:
  addi a0, zero, 8
  .option pop
  SIG(a0)                                 /* 9 */
  /* loop: rewrite the loop body on each pass */
  li s2, 0; li s3, 4
1: li t0, LI_A0(0x10); add t0, t0, s2; slli t1, s2, 20; add t0, t0, t1; sub t0, t0, s2
  sw t0, 0(s0); fence.i
  jalr s0; SIG(a0)                        /* 0x10 + pass */
  addi s2, s2, 1; bne s2, s3, 1b
  /* S-mode executes the page through Sv39 (gigapage); M rewrites it; sfence + fence.i */
  la t1, root; li t2, ((0x80000000 >> 12) << 10) | 0xcf; sd t2, 16(t1)
  srli t1, t1, 12; li t2, 8 << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
  TO_S
  jalr s0; SIG(a0)
  TO_M
  li t0, LI_A0(0x55); sw t0, 0(s0); fence.i
  TO_S
  fence.i
  jalr s0; SIG(a0)                        /* 0x55 */
  TO_M
  csrw satp, zero; sfence.vma
TEST_END
  .data
  .align 12
  .option push
  .option norvc
patch:
  addi a0, zero, 1
  jalr zero, 0(ra)
  .option pop
  .align 12
root: .skip 4096
