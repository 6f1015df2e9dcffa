/* Sv39 and Sv48: page walks at every level, hardware A/D updates, permission faults (R/W/X,
   U with and without SUM, MXR), invalid and reserved PTEs, misaligned superpages,
   non-canonical addresses, and SFENCE.VMA after a PTE change. */
#include "common/test.h"
/* PTE flag bits */
#define V 0x01
#define R 0x02
#define W 0x04
#define X 0x08
#define U 0x10
#define G 0x20
#define A 0x40
#define D 0x80
#define VA_PAGES 0x40000000
#define VA_MEGA  0x40200000
#define VA_BADMEGA 0x40400000
#define PA_MEGA  0x80400000
/* pte(table, index, physical address in reg t1, flags) */
#define PTE_REG(table, idx, flags) srli t1, t1, 12; slli t1, t1, 10; ori t1, t1, flags; la t2, table; sd t1, (idx) * 8(t2)
#define PTE(table, idx, sym, flags) la t1, sym; PTE_REG(table, idx, flags)
#define PTE_ABS(table, idx, pa, flags) li t1, pa; PTE_REG(table, idx, flags)
#define SATP(mode, root) la t1, root; srli t1, t1, 12; li t2, (mode) << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
#define LOADV(off) li t1, VA_PAGES + (off); ld t0, 0(t1); SIG(t0)
#define STOREV(off) li t1, VA_PAGES + (off); li t0, 0x5a5a0000 + (off); sd t0, 0(t1)

TEST_BEGIN
  /* distinct contents in each test page */
  la t1, pages; li t2, 0; li t3, 8
1: li t0, 0x1000; add t0, t0, t2; sd t0, 0(t1); li t4, 0x00008067; sw t4, 8(t1) /* 8: ret */
  li t4, 4096; add t1, t1, t4; addi t2, t2, 1; bne t2, t3, 1b
  li t1, PA_MEGA; li t0, 0x3e9a; sd t0, 0(t1)

  jal build_tables
  SATP(8, l2)
  TO_S; jal s_tests; TO_M
  jal record_ptes

  jal build_tables
  PTE(l3, 0, l2, V)              /* Sv48 root: entry 0 → the Sv39 root as a level-2 table */
  PTE_ABS(l3, 1, 0, V | R | W | A | D)   /* a 512 GiB terapage at VA 0x80_0000_0000 → PA 0 */
  SATP(9, l3)
  TO_S
  jal s_tests
  li t1, 0x8000000000 + PA_MEGA; ld t0, 0(t1); SIG(t0)   /* through the terapage */
  li t1, 0x0000800000000000; ld t0, 0(t1)                /* non-canonical in Sv48 */
  TO_M
  jal record_ptes
  csrw satp, zero
  sfence.vma
TEST_END

  .text
/* Builds the Sv39 tables (root l2, l1 for VA 1 GiB..2 GiB, l0 for the 4 KiB pages). */
build_tables:
  la t1, l2; li t2, 4096 * 4; add t2, t2, t1
2: sd zero, 0(t1); addi t1, t1, 8; bltu t1, t2, 2b
  PTE_ABS(l2, 2, 0x80000000, V | R | W | X | A | D)   /* code and data: 1 GiB identity gigapage */
  PTE(l2, 1, l1, V)
  PTE(l1, 0, l0, V)
  PTE_ABS(l1, 1, PA_MEGA, V | R | W | A | D)          /* 2 MiB megapage */
  PTE_ABS(l1, 2, PA_MEGA + 0x1000, V | R | W | A | D) /* misaligned megapage: page fault */
  PTE(l0, 0, pages + 0x0000, V | R | W)               /* A and D clear: hardware sets them */
  PTE(l0, 1, pages + 0x1000, V | R | A)               /* read-only */
  PTE(l0, 2, pages + 0x2000, V | R | W | U | A | D)   /* user page */
  PTE(l0, 3, pages + 0x3000, V | X | A)               /* execute-only */
  PTE(l0, 4, pages + 0x4000, R | W | A | D)           /* not valid */
  PTE(l0, 5, pages + 0x5000, V | W | A | D)           /* W without R: reserved */
  PTE(l0, 6, pages + 0x6000, V | R | X | A)           /* read + execute */
  PTE(l0, 7, l0, V)                                   /* pointer at the last level: fault */
  sfence.vma
  ret

/* Runs in S-mode; every access is recorded, faults by the M handler. */
s_tests:
  mv s6, ra
  LOADV(0x0000)
  STOREV(0x0000)
  LOADV(0x0000)
  LOADV(0x1000)
  STOREV(0x1000)          /* store page fault (15) */
  LOADV(0x2000)           /* user page from S without SUM: load page fault (13) */
  li t1, (1 << 18); csrs sstatus, t1
  LOADV(0x2000)           /* with SUM */
  STOREV(0x2000)
  ON_FAULT(3f); li t1, VA_PAGES + 0x2008; jalr t1   /* S never executes U pages (12) */
3: csrc sstatus, t1
  LOADV(0x3000)           /* execute-only: load page fault */
  li t1, (1 << 19); csrs sstatus, t1
  LOADV(0x3000)           /* MXR makes it readable */
  csrc sstatus, t1
  li t1, VA_PAGES + 0x3008; jalr t1                 /* executes the ret there */
  SIGI(0x600d)
  LOADV(0x4000)           /* invalid */
  LOADV(0x5000)           /* reserved W-only */
  LOADV(0x6000)
  STOREV(0x6000)
  LOADV(0x7000)           /* non-leaf at level 0 */
  ON_FAULT(4f); li t1, VA_PAGES + 0x1008; jalr t1   /* no X: instruction page fault (12) */
4: li t1, VA_MEGA; ld t0, 0(t1); SIG(t0)
  li t1, VA_MEGA + 0x1ff000; li t0, 0x77; sd t0, 0(t1)
  li t1, VA_BADMEGA; ld t0, 0(t1); SIG(t0)
  li t1, 0x0000008000000000; ld t0, 0(t1)           /* non-canonical in Sv39, valid in Sv48 */
  /* misaligned accesses across a page boundary: both pages checked, tval as QEMU reports it */
  li t1, VA_PAGES + 0x0ffc; ld t0, 0(t1); SIG(t0)    /* page 0 -> read-only page 1: fine */
  li t1, VA_PAGES + 0x0ffc; li t0, -1; sd t0, 0(t1)  /* store into read-only page 1: fault */
  li t1, VA_PAGES + 0x0ff8; ld t0, 0(t1); SIG(t0)    /* the first half was not written */
  li t1, VA_PAGES + 0x6ffe; lw t0, 0(t1)             /* page 6 -> page 7 (bad PTE): fault */
  /* change a PTE, fence, and see the new mapping (page 0 now maps page 6's frame) */
  TO_M
  PTE(l0, 0, pages + 0x6000, V | R | W | A | D)
  TO_S
  sfence.vma
  LOADV(0x0000)
  mv ra, s6
  ret

/* Records the PTEs' A/D bits (and the megapage store) from M-mode. */
record_ptes:
  la t1, l0; li t2, 0
5: ld t0, 0(t1); andi t0, t0, 0xff; SIG(t0); addi t1, t1, 8; addi t2, t2, 1; li t3, 8; bne t2, t3, 5b
  li t1, PA_MEGA + 0x1ff000; ld t0, 0(t1); SIG(t0)
  ret

  .data
  .align 12
l2: .skip 4096
l1: .skip 4096
l0: .skip 4096
l3: .skip 4096
pages: .skip 4096 * 8
