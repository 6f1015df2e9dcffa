/* Traps and slow paths inside hot loops (translated by the JIT): misaligned loads and stores
   (also across a page), MMIO loads and stores (PLIC, UART), access faults, page faults and
   illegal instructions in S and U mode through Sv39, ecalls and misaligned AMOs. Every trap is
   recorded by the frame's handler (cause, epc, tval); the loops' results are recorded too. */
#include "common/test.h"
#define N 12
TEST_BEGIN
  /* 1. misaligned loads and stores, one crossing a page boundary */
  la s1, buf
  li s2, N
  li s3, 0
1: addi t0, s2, 0x123
  sw t0, 1(s1)
  sd t0, 13(s1)
  lw t1, 1(s1)
  ld t2, 13(s1)
  lhu t3, 3(s1)
  add s3, s3, t1
  add s3, s3, t2
  add s3, s3, t3
  li t4, 4093
  add t4, t4, s1          /* buf + 4093: crosses into the next page */
  sd s3, 0(t4)
  ld t5, 0(t4)
  add s3, s3, t5
  addi s2, s2, -1
  bnez s2, 1b
  SIG(s3)

  /* 2. MMIO in a hot loop: PLIC priorities written and read back, the UART's LSR */
  li s1, 0x0c000004
  li s2, N
  li s3, 0
2: andi t0, s2, 7
  slli t1, s2, 2
  add t1, t1, s1
  sw t0, 0(t1)
  lw t2, 0(t1)
  add s3, s3, t2
  li t3, UART_BASE
  lbu t4, 5(t3)
  andi t4, t4, 0x60
  add s3, s3, t4
  addi s2, s2, -1
  bnez s2, 2b
  SIG(s3)

  /* 3. an access fault every pass (nothing at physical address 0x0) */
  li s2, 4
  li s3, 0
3: addi s3, s3, 1
  ld t0, 0(zero)
  addi s3, s3, 2
  addi s2, s2, -1
  bnez s2, 3b
  SIG(s3)

  /* 4. misaligned AMOs (address-misaligned exceptions) and an illegal instruction */
  li s2, 3
  la s1, buf
  addi s1, s1, 2
4: amoadd.w t0, s2, (s1)
  csrr t1, 0x7c7          /* no such CSR */
  addi s2, s2, -1
  bnez s2, 4b

  /* 5. S and U mode through Sv39: a 4 KiB page table for VA 0x40000000.. : page 0 RW (the
     data), page 1 read-only, page 2 unmapped; code runs from the gigapage identity map */
  la t1, root
  la t2, l1
  srli t2, t2, 12; slli t2, t2, 10; ori t2, t2, 1
  sd t2, 8(t1)                   /* root[1]: VA 0x40000000 -> l1 */
  li t2, ((0x80000000 >> 12) << 10) | 0xcf
  sd t2, 16(t1)                  /* root[2]: VA 0x80000000 identity, RWX (U for U mode below) */
  la t1, l1
  la t2, l0
  srli t2, t2, 12; slli t2, t2, 10; ori t2, t2, 1
  sd t2, 0(t1)
  la t1, l0
  la t2, buf
  srli t2, t2, 12; slli t2, t2, 10
  ori t3, t2, 0xd7; sd t3, 0(t1)   /* page 0: D A U W R V */
  ori t3, t2, 0x53; sd t3, 8(t1)   /* page 1 (same frame): A U R V, read-only */
  la t1, root
  srli t1, t1, 12; li t2, 8 << 60; or t1, t1, t2; csrw satp, t1; sfence.vma
  li t0, (1 << 18); csrs mstatus, t0   /* SUM: S may touch the U pages */
  TO_S
  jal ra, paged_loop
  SIG(s3)
  TO_M
  la t1, root
  li t2, ((0x80000000 >> 12) << 10) | 0xdf
  sd t2, 16(t1)
  sfence.vma
  TO_U
  jal ra, paged_loop
  SIG(s3)
  /* U mode: an illegal CSR access and an ecall (not a mode switch request) in a hot loop */
  li s2, 3
5: csrr t0, sstatus
  li a7, 0
  ecall
  addi s2, s2, -1
  bnez s2, 5b
  TO_M
  csrw satp, zero; sfence.vma
  j 9f

paged_loop:
  li s1, 0x40000000
  li s4, 0x40001000
  li s5, 0x40002000
  li s2, 4
  li s3, 0
6: ld t0, 8(s1)               /* page 0: fine */
  add s3, s3, t0
  sd s2, 16(s1)
  ld t1, 8(s4)               /* page 1: fine (read-only) */
  add s3, s3, t1
  sd s2, 16(s4)              /* page 1: store page fault */
  ld t2, 0(s5)               /* page 2: load page fault */
  addi s3, s3, 1
  addi s2, s2, -1
  bnez s2, 6b
  ret
9:
TEST_END
  .data
  .align 12
buf: .skip 4096
buf2: .skip 4096
root: .skip 4096
l1: .skip 4096
l0: .skip 4096
