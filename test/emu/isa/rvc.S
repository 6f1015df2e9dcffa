/* C extension: every RV64C instruction class, written explicitly. */
#include "common/test.h"
TEST_BEGIN
  .option push
  .option rvc
  la s0, buf
  li s1, 0x0123456789abcdef
  sd s1, 0(s0)
  li a0, 5; li a1, -3
  c.li a2, -17; SIG(a2)
  c.lui a3, 0x1f; SIG(a3)
  c.lui a3, 0xfffe1; SIG(a3)
  c.addi a2, 9; SIG(a2)
  c.addiw a2, -1; SIG(a2)
  mv a4, s1
  c.addiw a4, 0; SIG(a4)
  c.slli a4, 13; SIG(a4)
  c.srli a4, 3; SIG(a4)
  c.srai a4, 7; SIG(a4)
  c.andi a4, -6; SIG(a4)
  mv a5, a0
  c.add a5, a1; SIG(a5)
  c.sub a5, a0; SIG(a5)
  c.xor a5, a1; SIG(a5)
  c.or a5, a0; SIG(a5)
  c.and a5, a1; SIG(a5)
  mv a5, s1
  c.addw a5, s1; SIG(a5)
  c.subw a5, a0; SIG(a5)
  c.mv a2, a5; SIG(a2)
  c.ld a2, 0(s0); SIG(a2)
  c.lw a2, 4(s0); SIG(a2)
  c.sd a1, 8(s0)
  c.sw a0, 16(s0)
  ld a2, 8(s0); SIG(a2)
  ld a2, 16(s0); SIG(a2)
  /* stack-pointer relative forms */
  mv t3, sp
  mv sp, s0
  c.addi16sp sp, 32
  c.addi4spn a2, sp, 8
  sub a3, a2, s0; SIG(a3)
  c.ldsp a3, 8(sp)
  c.lwsp a4, 4(sp)
  c.sdsp a3, 24(sp)
  c.swsp a3, 16(sp)
  mv sp, t3
  SIG(a3); SIG(a4)
  ld a2, 56(s0); SIG(a2)
  ld a2, 48(s0); SIG(a2)
  /* control flow */
  li a2, 0
  c.beqz a2, 1f
  c.li a2, 1
1: c.bnez a2, 2f
  c.addi a2, 2
2: SIG(a2)
  c.j 3f
  c.li a2, 9
3: SIG(a2)
  la t0, 4f
  c.jr t0
  c.li a2, 7
4: SIG(a2)
  la t0, 5f
  c.jalr t0
5: la t1, 5b
  sub t0, ra, t1; SIG(t0)
  c.nop
  c.ebreak
  /* compressed FP loads and stores */
  li t0, 0x400921fb54442d18; sd t0, 64(s0)
  mv a2, s0
  c.fld fa0, 64(a2)
  c.fsd fa0, 72(a2)
  ld a3, 72(s0); SIG(a3)
  mv t3, sp
  mv sp, s0
  c.fldsp fa1, 64(sp)
  c.fsdsp fa1, 80(sp)
  mv sp, t3
  ld a3, 80(s0); SIG(a3)
  /* reserved encodings: c.lui with 0, c.addi16sp with 0, c.lwsp into x0 — illegal */
  .half 0x6181   /* c.lui x3, 0 */
  .half 0x6101   /* c.addi16sp 0 */
  .half 0x4002   /* c.lwsp x0, 0(sp) */
  .option pop
TEST_END
  .data
  .align 4
buf: .skip 128
