/* isa-test: cpu=rv64,svpbmt=on */
/* More translation: satp ASID width, SFENCE.VMA by ASID and by address, Svpbmt memory types
   gated by menvcfg.PBMTE, reserved PTE bits (60:54, PBMT = 3, N without Svnapot). */
#include "common/test.h"
#define V 0x01
#define R 0x02
#define W 0x04
#define X 0x08
#define A 0x40
#define D 0x80
#define VA 0x40000000
#define PTE_PA(table, idx, sym, flags) la t1, sym; srli t1, t1, 12; slli t1, t1, 10; li t2, flags; or t1, t1, t2; la t2, table; sd t1, (idx) * 8(t2)
#define LOADV(off) li t1, VA + (off); ld t0, 0(t1); SIG(t0)
TEST_BEGIN
  la t1, pages; li t2, 0; li t3, 4
1: li t0, 0xa000; add t0, t0, t2; sd t0, 0(t1); li t4, 4096; add t1, t1, t4; addi t2, t2, 1; bne t2, t3, 1b
  /* root: RAM gigapage (global), VA 1 GiB -> l1 -> l0 */
  li t1, ((0x80000000 >> 12) << 10) | V | R | W | X | A | D | 0x20; la t2, root; sd t1, 16(t2)
  PTE_PA(root, 1, l1, V)
  PTE_PA(l1, 0, l0, V)
  PTE_PA(l0, 0, pages, V | R | W | A | D)
  /* ASID field width: write all ones, read back */
  la t1, root; srli t1, t1, 12; li t2, (8 << 60) | (0xffff << 44); or t1, t1, t2; csrw satp, t1
  SIGCSR(satp)
  /* run under ASID 1 */
  la t1, root; srli t1, t1, 12; li t2, (8 << 60) | (1 << 44); or t1, t1, t2; csrw satp, t1
  sfence.vma
  TO_S
  LOADV(0)
  TO_M
  PTE_PA(l0, 0, pages + 0x1000, V | R | W | A | D)
  TO_S
  li t1, 1; sfence.vma zero, t1          /* flush ASID 1 */
  LOADV(0)
  TO_M
  PTE_PA(l0, 0, pages + 0x2000, V | R | W | A | D)
  TO_S
  li t1, VA; sfence.vma t1, zero         /* flush one address, all ASIDs */
  LOADV(0)
  TO_M
  /* Svpbmt: NC and IO types work only with menvcfg.PBMTE; type 3 is reserved. Load page
     faults go to s_fault, which leaves the cause in t0: one signature line per access. */
  li t1, (1 << 13); csrs medeleg, t1
  la t1, s_fault; csrw stvec, t1
  li t1, (1 << 62); csrc menvcfg, t1
  PTE_PA(l0, 1, pages + 0x3000, V | R | W | A | D | (1 << 61))
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* PBMTE = 0: reserved bits, load page fault */
  TO_M
  li t1, (1 << 62); csrs menvcfg, t1
  SIGCSR(menvcfg)
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* NC */
  TO_M
  PTE_PA(l0, 1, pages + 0x3000, V | R | W | A | D | (2 << 61))
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* IO */
  TO_M
  PTE_PA(l0, 1, pages + 0x3000, V | R | W | A | D | (3 << 61))
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* reserved type */
  TO_M
  PTE_PA(l0, 1, pages + 0x3000, V | R | W | A | D | (1 << 54))
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* reserved bit 54 */
  TO_M
  PTE_PA(l0, 1, pages + 0x3000, V | R | W | A | D | (1 << 63))
  sfence.vma
  TO_S
  LOADV(0x1000)                          /* N (Svnapot) on a plain 4 KiB PTE */
  TO_M
  csrw medeleg, zero
  csrw satp, zero
  sfence.vma
TEST_END

  .text
  .align 4
s_fault:
  csrr t0, scause
  csrr t2, sepc; addi t2, t2, 4; csrw sepc, t2
  sret
  .data
  .align 12
root: .skip 4096
l1: .skip 4096
l0: .skip 4096
pages: .skip 4096 * 4
