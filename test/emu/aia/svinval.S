/*
 * Svinval (run in QEMU 7.2 -cpu rv64,svinval=on and in ours with svinval on; and with it off,
 * where every instruction here is illegal): sinval.vma, sfence.w.inval, sfence.inval.ir,
 * hinval.vvma and hinval.gvma from M, HS (with and without mstatus.TVM), U, VS (with and without
 * hstatus.VTVM) and VU. The frame records every trap (cause, epc, tval).
 */
#include "common/test.h"
#define SINVAL_VMA .insn r 0x73, 0, 0x0b, x0, x0, x0
#define HINVAL_VVMA .insn r 0x73, 0, 0x13, x0, x0, x0
#define HINVAL_GVMA .insn r 0x73, 0, 0x33, x0, x0, x0
#define SFENCE_W_INVAL .word 0x18000073
#define SFENCE_INVAL_IR .word 0x18100073
#define ALL SINVAL_VMA; SFENCE_W_INVAL; SFENCE_INVAL_IR; HINVAL_VVMA; HINVAL_GVMA; SIGI(0x5e9)
/* U and VU: the sfence.*.inval pair comes last in the program (QEMU 7.2 does not trap them) */
#define ALL_USER SINVAL_VMA; HINVAL_VVMA; HINVAL_GVMA; SIGI(0x5e9)
#define FENCES_USER SFENCE_W_INVAL; SFENCE_INVAL_IR; SIGI(0x5e9)
#define TVM (1 << 20)
#define VTVM (1 << 20)

TEST_BEGIN
  ALL                                   /* M */
  TO_S
  ALL                                   /* HS */
  TO_M
  li t0, TVM; csrs mstatus, t0
  TO_S
  ALL                                   /* HS with TVM */
  TO_M
  li t0, TVM; csrc mstatus, t0
  TO_U
  ALL_USER                              /* U */
  TO_M
  /* VS: MPP = S, MPV = 1 */
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 11) | (1 << 39); csrs mstatus, t0
  la t0, 1f; csrw mepc, t0
  mret
1:
  ALL                                   /* VS */
  TO_M
  .option arch, +h
  li t0, VTVM; csrs hstatus, t0
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 11) | (1 << 39); csrs mstatus, t0
  la t0, 2f; csrw mepc, t0
  mret
2:
  ALL                                   /* VS with VTVM */
  TO_M
  li t0, VTVM; csrc hstatus, t0
  /* VU: MPP = U, MPV = 1 */
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 39); csrs mstatus, t0
  la t0, 3f; csrw mepc, t0
  mret
3:
  ALL_USER                              /* VU */
  TO_M
  TO_U
  FENCES_USER                           /* U: illegal (spec) */
  TO_M
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 39); csrs mstatus, t0
  la t0, 4f; csrw mepc, t0
  mret
4:
  FENCES_USER                           /* VU: virtual instruction (spec) */
  TO_M
TEST_END
