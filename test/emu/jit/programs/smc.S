/* isa-test: harts=2 quantum=5 */
/* Self-modifying code once the code is hot (translated by the JIT): a loop run enough times to
   be compiled is rewritten with sw, sh, sb and an AMO, by another hart, through a virtual alias,
   where the loop's block starts on one page and continues on the next, and where data is stored
   on the code's own page; after FENCE.I the new code must run (compared with QEMU 7.2). */
#include "common/test.h"
#define ADDI_A0(n) (0x00050513 | ((n) << 20))   /* addi a0, a0, n */
#define ADDI_T2(n) (0x00038393 | ((n) << 20))   /* addi t2, t2, n */
#define CALLS 20
/* call fn CALLS times; SIG the last result */
#define HOT(fn) li s2, CALLS; 91: jal ra, fn; addi s2, s2, -1; bnez s2, 91b; SIG(a0)

TEST_BEGIN
  csrr s0, mhartid
  bnez s0, secondary

  /* 1. plain: 10 x 1 */
  HOT(hot_add)
  /* 2. a word store: addi a0, a0, 3 */
  la s1, patch1
  li t0, ADDI_A0(3); sw t0, 0(s1); fence.i
  HOT(hot_add)
  /* 3. a halfword store: the upper half holds imm[11:0] << 4 | rs1 >> 1 */
  li t0, (5 << 4) | 5; sh t0, 2(s1); fence.i
  HOT(hot_add)
  /* 4. a byte store: bits 23:16 = imm[3:0] << 4 | rs1 >> 1 */
  li t0, (7 << 4) | 5; sb t0, 2(s1); fence.i
  HOT(hot_add)
  /* 5. an AMO: imm 7 ^ 8 = 15 */
  li t0, 8 << 20; amoxor.w t1, t0, (s1); fence.i
  SIG(t1)
  HOT(hot_add)
  /* 6. another hart rewrites it (addi a0, a0, 2) while this one keeps calling it */
  la t2, flags
  li t0, 1; sd t0, 0(t2)
2: jal ra, hot_add
  ld t0, 8(t2); beqz t0, 2b
  fence.i
  /* QEMU 7.2 (MTTCG) may run this hart's stale translation for a while after another hart's
     store, FENCE.I or not; storing the same word here makes it drop it at once (for the JIT the
     other hart's store must already have; the lockstep comparison checks that) */
  la t3, patch1; lw t4, 0(t3); sw t4, 0(t3); fence.i
  HOT(hot_add)
  /* 7. a loop whose block starts at the end of one page and continues on the next: rewrite the
     instruction on the second page */
  HOT(cross_fn)
  la s1, patch2
  li t0, ADDI_A0(200); sw t0, 0(s1); fence.i
  HOT(cross_fn)
  /* ...and the one on the first page */
  la s1, patch3
  li t0, ADDI_A0(3); sw t0, 0(s1); fence.i
  HOT(cross_fn)
  /* 8. code and data on one page: the loop stores into its own page on every pass */
  HOT(same_page)
  la t0, sp_counter; ld t0, 0(t0); SIG(t0)
  la s1, patch4
  li t0, ADDI_T2(9); sw t0, 0(s1); fence.i
  HOT(same_page)
  la t0, sp_counter; ld t0, 0(t0); SIG(t0)
  /* 9. a store to the next instruction of the running loop, then FENCE.I inside the loop */
  HOT(self_patch)
  /* 10. S mode runs hot_add through an alias (VA 0x0 -> PA 0x80000000) and rewrites it through
     the identity mapping */
  la t1, root
  li t2, ((0x80000000 >> 12) << 10) | 0xcf
  sd t2, 0(t1)          /* VA 0x00000000 gigapage -> 0x80000000 */
  sd t2, 16(t1)         /* VA 0x80000000 identity */
  srli t1, t1, 12; li t2, 8 << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
  TO_S
  la s3, hot_add; li t0, 0x80000000; sub s3, s3, t0     /* the alias */
  li s2, CALLS
3: jalr ra, s3; addi s2, s2, -1; bnez s2, 3b
  SIG(a0)
  la s1, patch1
  li t0, ADDI_A0(4); sw t0, 0(s1); fence.i
  li s2, CALLS
4: jalr ra, s3; addi s2, s2, -1; bnez s2, 4b
  SIG(a0)
  TO_M
  csrw satp, zero; sfence.vma
  j 9f

secondary:
  /* hart 1: wait for flag 0 (polling: a spin-wait), rewrite hot_add, raise flag 1 */
  la t2, flags
1: ld t0, 0(t2); beqz t0, 1b
  la s1, patch1
  li t0, ADDI_A0(2); sw t0, 0(s1)
  fence
  li t0, 1; sd t0, 8(t2)
5: wfi
  j 5b

  .option push
  .option norvc
  .align 6
hot_add:
  li a0, 0
  li t0, 10
1:
patch1:
  addi a0, a0, 1
  addi t0, t0, -1
  bnez t0, 1b
  ret

  .balign 4096
  .skip 4096 - 12
cross_fn:
  li a0, 0
  li t0, 10
1:
patch3:
  addi a0, a0, 1          /* the last word of a page */
patch2:
  addi a0, a0, 100        /* the first word of the next */
  addi t0, t0, -1
  bnez t0, 1b
  ret

  .balign 4096
same_page:
  la t1, sp_counter
  li t0, 10
1: ld t2, 0(t1)
patch4:
  addi t2, t2, 1
  sd t2, 0(t1)
  addi t0, t0, -1
  bnez t0, 1b
  mv a0, t2
  ret
  .align 3
sp_counter: .dword 0

  .align 6
self_patch:
  /* each pass rewrites the addi at 2f with its pass number as immediate, then runs it */
  li a0, 0
  li t0, 8
  la t1, 2f
1: li t2, ADDI_A0(0)
  slli t3, t0, 20
  or t2, t2, t3
  sw t2, 0(t1)
  fence.i
2: addi a0, a0, 0
  addi t0, t0, -1
  bnez t0, 1b
  ret
  .option pop
9:
TEST_END
  .data
  .align 3
flags: .dword 0, 0
  .align 12
root: .skip 4096
