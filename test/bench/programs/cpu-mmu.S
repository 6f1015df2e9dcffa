/* CPU-bound benchmark with the MMU on: S-mode under Sv39 (gigapage identity map), a loop of
   loads, stores, ALU, multiply, calls and branches over a 16 KiB buffer. The checksum is
   printed as the signature so our result can be checked against QEMU's. */
#include "common/test.h"
#ifndef ITERATIONS
#define ITERATIONS 12000000
#endif
TEST_BEGIN
  la t1, root
  li t2, ((0x80000000 >> 12) << 10) | 0xcf   /* V R W X A D: RAM gigapage */
  sd t2, 16(t1)
  li t2, 0xc7                                /* V R W A D: devices gigapage at 0 */
  sd t2, 0(t1)
  srli t1, t1, 12
  li t2, 8 << 60
  or t1, t1, t2
  csrw satp, t1
  sfence.vma
  TO_S
  li s0, ITERATIONS
  la s1, buf
  li a0, 0x9e3779b97f4a7c15
  li a1, 0
1: slli t0, s0, 50
  srli t0, t0, 53
  slli t0, t0, 3
  add t1, s1, t0
  ld t2, 0(t1)
  add t2, t2, s0
  xor a0, a0, t2
  slli t3, a0, 7
  srli t4, a0, 57
  or a0, t3, t4
  sd a0, 0(t1)
  mul a2, a0, s0
  add a1, a1, a2
  jal mix
  andi a3, a0, 1
  beqz a3, 2f
  addi a1, a1, 3
2: addi s0, s0, -1
  bnez s0, 1b
  SIG(a0)
  SIG(a1)
  TO_M
TEST_END

  .text
mix:
  srli a4, a1, 13
  xor a1, a1, a4
  addw a5, a1, a0
  add a1, a1, a5
  ret

  .data
  .align 12
root: .skip 4096
buf: .skip 16384
