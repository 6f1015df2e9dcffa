/* RV64I: arithmetic, logic, shifts, compares, W-forms, loads/stores of every width, branches, jumps. */
#include "common/test.h"
TEST_BEGIN
  li s0, 0x0123456789abcdef
  li s1, 0xfedcba9876543210
  li s2, -7
  li s3, 13
  add t0, s0, s1; SIG(t0)
  sub t0, s0, s1; SIG(t0)
  and t0, s0, s1; SIG(t0)
  or t0, s0, s2; SIG(t0)
  xor t0, s0, s1; SIG(t0)
  sll t0, s0, s3; SIG(t0)
  srl t0, s1, s3; SIG(t0)
  sra t0, s1, s3; SIG(t0)
  li t1, 127; sll t0, s0, t1; SIG(t0) /* shift amount uses the low 6 bits */
  slt t0, s2, s3; SIG(t0)
  sltu t0, s2, s3; SIG(t0)
  slti t0, s2, -8; SIG(t0)
  sltiu t0, s3, -1; SIG(t0)
  addi t0, s0, -2048; SIG(t0)
  andi t0, s1, -16; SIG(t0)
  ori t0, s2, 0x7ff; SIG(t0)
  xori t0, s0, -1; SIG(t0)
  slli t0, s0, 63; SIG(t0)
  srli t0, s1, 1; SIG(t0)
  srai t0, s1, 63; SIG(t0)
  /* W forms sign-extend 32-bit results */
  addw t0, s0, s1; SIG(t0)
  subw t0, s2, s0; SIG(t0)
  sllw t0, s0, s3; SIG(t0)
  srlw t0, s1, s3; SIG(t0)
  sraw t0, s1, s3; SIG(t0)
  addiw t0, s0, 1; SIG(t0)
  slliw t0, s0, 31; SIG(t0)
  srliw t0, s1, 31; SIG(t0)
  sraiw t0, s1, 7; SIG(t0)
  li t1, 0x7fffffff; addiw t0, t1, 1; SIG(t0)
  lui t0, 0x80000; SIG(t0)
  lui t0, 0x7ffff; SIG(t0)
  /* auipc: distance between two labels is position independent */
1: auipc t0, 0
2: auipc t1, 1
  sub t0, t1, t0; SIG(t0)
  /* loads and stores */
  la s4, buf
  sd s0, 0(s4)
  sd s1, 8(s4)
  lb t0, 7(s4); SIG(t0)
  lbu t0, 8(s4); SIG(t0)
  lh t0, 14(s4); SIG(t0)
  lhu t0, 14(s4); SIG(t0)
  lw t0, 12(s4); SIG(t0)
  lwu t0, 12(s4); SIG(t0)
  ld t0, 8(s4); SIG(t0)
  sb s2, 1(s4); sh s2, 4(s4); sw s3, 8(s4)
  ld t0, 0(s4); SIG(t0)
  ld t0, 8(s4); SIG(t0)
  /* x0 ignores writes */
  addi zero, zero, 5; SIG(zero)
  /* branches: record which were taken */
  li t0, 0
  beq s0, s0, 3f; ori t0, t0, 1
3: bne s0, s0, 4f; ori t0, t0, 2
4: blt s2, s3, 5f; ori t0, t0, 4
5: bge s2, s3, 6f; ori t0, t0, 8
6: bltu s2, s3, 7f; ori t0, t0, 16
7: bgeu s2, s3, 8f; ori t0, t0, 32
8: SIG(t0)
  /* jal / jalr link values relative to the call site */
  la t2, 9f
  jal t1, 9f
9: sub t0, t1, t2; SIG(t0)
  la t2, 10f
  addi t2, t2, 1 /* jalr clears bit 0 of the target */
  jalr t1, t2, 0
10: la t2, 10b
  sub t0, t1, t2; SIG(t0)
  fence
  fence.i
TEST_END
  .data
  .align 3
buf: .skip 64
