/*
 * Zicbom / Zicboz (cbo.clean, cbo.flush, cbo.inval, cbo.zero; 64-byte blocks): what cbo.zero
 * writes, and which privilege levels may execute each operation under menvcfg / senvcfg /
 * henvcfg (CBIE 5:4, CBCFE 6, CBZE 7) in M, S, U, VS and VU. Each step starts with a marker
 * 0x100+n; a trap appends (cause, epc, tval) after it.
 */
#include "common/test.h"
  .option arch, +h
#define CBO_CLEAN(r) .insn i 0x0f, 2, x0, r, 1
#define CBO_FLUSH(r) .insn i 0x0f, 2, x0, r, 2
#define CBO_INVAL(r) .insn i 0x0f, 2, x0, r, 0
#define CBO_ZERO(r) .insn i 0x0f, 2, x0, r, 4
#define STEP(n) SIGI(0x100 + (n))
/* the four operations on the block at s0, each its own step */
#define ALL4(n) STEP(n); CBO_CLEAN(s0); STEP(n + 1); CBO_FLUSH(s0); STEP(n + 2); CBO_INVAL(s0); STEP(n + 3); CBO_ZERO(s0)
#define ENVCFG_ALL 0xf0                  /* CBZE | CBCFE | CBIE = 11 */

TEST_BEGIN
  /* fill three blocks with a pattern, zero the middle one through an unaligned address */
  la s0, buf
  li t1, 0xa5a5a5a5a5a5a5a5
  li t2, 24
1: sd t1, 0(s0); addi s0, s0, 8; addi t2, t2, -1; bnez t2, 1b
  la s0, buf + 64 + 13
  STEP(0); CBO_ZERO(s0)
  la s1, buf
  ld t1, 56(s1); SIG(t1)
  ld t1, 64(s1); SIG(t1)
  ld t1, 120(s1); SIG(t1)
  ld t1, 128(s1); SIG(t1)
  /* management operations leave the data alone */
  la s0, buf
  STEP(1); CBO_CLEAN(s0); STEP(2); CBO_FLUSH(s0); STEP(3); CBO_INVAL(s0)
  ld t1, 0(s1); SIG(t1)
  STEP(4); CBO_ZERO(s0)
  ld t1, 0(s1); SIG(t1)
  /* S and U with all envcfg enables clear */
  TO_S
  ALL4(10)
  TO_U
  ALL4(14)
  TO_M
  /* menvcfg enables S (and U as far as M is concerned); senvcfg still clear for U */
  li t1, ENVCFG_ALL; csrw menvcfg, t1
  TO_S
  ALL4(20)
  TO_U
  ALL4(24)
  TO_M
  li t1, ENVCFG_ALL; csrw senvcfg, t1
  TO_U
  ALL4(28)
  TO_M
  /* CBIE = 01: cbo.inval performs a flush, still allowed */
  li t1, 0x10; csrw senvcfg, t1; li t1, 0xd0; csrw menvcfg, t1
  TO_S
  STEP(32); CBO_INVAL(s0)
  TO_M
  li t1, ENVCFG_ALL; csrw menvcfg, t1; csrw senvcfg, zero
  /* VS with henvcfg clear: virtual instruction; then enabled */
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 11) | (1 << 39); csrs mstatus, t0
  la t0, 2f; csrw mepc, t0
  mret
2:
  ALL4(40)
  TO_M
  li t1, ENVCFG_ALL; csrw henvcfg, t1
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 11) | (1 << 39); csrs mstatus, t0
  la t0, 3f; csrw mepc, t0
  mret
3:
  ALL4(44)
  TO_M
  /* VU: senvcfg clear → virtual instruction; then enabled */
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 39); csrs mstatus, t0
  la t0, 4f; csrw mepc, t0
  mret
4:
  ALL4(50)
  TO_M
  li t1, ENVCFG_ALL; csrw senvcfg, t1
  li t0, (3 << 11); csrc mstatus, t0
  li t0, (1 << 39); csrs mstatus, t0
  la t0, 5f; csrw mepc, t0
  mret
5:
  ALL4(54)
  TO_M
  STEP(63)
TEST_END
  .data
  .align 6
buf: .skip 192
