/* mstatus.MPRV: M-mode loads and stores translated and checked as MPP's mode (how OpenSBI reads
   and writes S-mode memory when it emulates misaligned accesses), with SUM and MXR; fetches
   are not affected; MRET to a lower mode clears MPRV (priv 1.12). */
#include "common/test.h"
#define V 0x01
#define R 0x02
#define W 0x04
#define X 0x08
#define U 0x10
#define A 0x40
#define D 0x80
#define VA 0x40000000
#define PTE_PA(table, idx, sym, flags) la t1, sym; srli t1, t1, 12; slli t1, t1, 10; li t2, flags; or t1, t1, t2; la t2, table; sd t1, (idx) * 8(t2)
#define MPP_S li t3, (3 << 11); csrc mstatus, t3; li t3, (1 << 11); csrs mstatus, t3
#define MPP_U li t3, (3 << 11); csrc mstatus, t3
#define MPRV_ON li t3, (1 << 17); csrs mstatus, t3
#define MPRV_OFF li t3, (1 << 17); csrc mstatus, t3
TEST_BEGIN
  la t1, pages; li t0, 0xb0; sd t0, 0(t1)
  li t0, 0xb1; li t2, 4096; add t2, t2, t1; sd t0, 0(t2)
  li t0, 0xb2; li t2, 8192; add t2, t2, t1; sd t0, 0(t2)
  li t1, ((0x80000000 >> 12) << 10) | V | R | W | X | A | D; la t2, root; sd t1, 16(t2)
  PTE_PA(root, 1, l1, V)
  PTE_PA(l1, 0, l0, V)
  PTE_PA(l0, 0, pages, V | R | W | A | D)
  PTE_PA(l0, 1, pages + 0x1000, V | R | W | U | A | D)
  PTE_PA(l0, 2, pages + 0x2000, V | X | A)
  la t1, root; srli t1, t1, 12; li t2, 8 << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
  /* Each access sets MPP and MPRV right before it and clears MPRV right after: a trap's MRET
     leaves MPP = U behind, and the signature stores must stay physical. */
#define MLOAD(mpp, addr) li t1, addr; li t0, 0; mpp; MPRV_ON; ld t0, 0(t1); MPRV_OFF; SIG(t0)
#define MSTORE(mpp, addr, v) li t1, addr; li t0, v; mpp; MPRV_ON; sd t0, 0(t1); MPRV_OFF
#define MPP_M li t3, (3 << 11); csrs mstatus, t3
  MLOAD(MPP_S, VA)                          /* translated as S */
  MSTORE(MPP_S, VA + 8, 0x5b)
  MLOAD(MPP_S, VA + 0x1000)                 /* U page from S without SUM: 13 */
  li t1, (1 << 18); csrs mstatus, t1
  MLOAD(MPP_S, VA + 0x1000)                 /* with SUM */
  li t1, (1 << 18); csrc mstatus, t1
  MLOAD(MPP_S, VA + 0x2000)                 /* execute-only: 13 */
  li t1, (1 << 19); csrs mstatus, t1
  MLOAD(MPP_S, VA + 0x2000)                 /* MXR */
  li t1, (1 << 19); csrc mstatus, t1
  MLOAD(MPP_U, VA)                          /* S page as U: 13 */
  MLOAD(MPP_U, VA + 0x1000)                 /* U page as U */
  MSTORE(MPP_U, VA + 0x2000, 1)             /* no W: 15 */
  la t1, pages; ld t0, 8(t1); SIG(t0)       /* the 0x5b stored through the mapping */
  /* fetches ignore MPRV: this code keeps running with MPP = S and MPRV on */
  MPP_S; MPRV_ON
  nop
  MPRV_OFF
  SIGI(0x600d)
  /* MRET to M keeps MPRV; MRET to S clears it (priv 1.12). The bit is read, then MPRV is
     cleared before the signature store (which MPRV would otherwise translate). */
  MPRV_ON
  MPP_M
  la t1, 1f; csrw mepc, t1
  mret
1: csrr t0, mstatus; MPRV_OFF; srli t0, t0, 17; andi t0, t0, 1; SIG(t0)
  MPP_S
  MPRV_ON
  la t1, 2f; csrw mepc, t1
  mret
2: nop
  TO_M
  csrr t0, mstatus; MPRV_OFF; srli t0, t0, 17; andi t0, t0, 1; SIG(t0)
  csrw satp, zero; sfence.vma
TEST_END
  .data
  .align 12
root: .skip 4096
l1: .skip 4096
l0: .skip 4096
pages: .skip 4096 * 3
