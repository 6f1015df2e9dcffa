/* Zicsr and the machine CSRs: read/write/set/clear forms, WARL fields, read-only and
   missing CSRs, counters and counter enables. */
#include "common/test.h"
/* write all ones, read back, restore */
#define WARL(csr) csrr s5, csr; li t1, -1; csrw csr, t1; csrr t0, csr; SIG(t0); csrw csr, zero; csrr t0, csr; SIG(t0); csrw csr, s5
TEST_BEGIN
  SIGCSR(misa)
  SIGCSR(mvendorid)
  /* marchid/mimpid encode QEMU's exact release (7.2.x): not compared */
  SIGCSR(mhartid)
  /* csrrw/csrrs/csrrc and immediate forms return the old value */
  li t1, 0x1234; csrrw t0, mscratch, t1; li t1, 0xf0; csrrs t0, mscratch, t1; SIG(t0)
  li t1, 0x204; csrrc t0, mscratch, t1; SIG(t0); SIGCSR(mscratch)
  csrrwi t0, mscratch, 0x1f; SIG(t0); csrrsi t0, mscratch, 0x10; csrrci t0, mscratch, 3; SIG(t0); SIGCSR(mscratch)
  /* csrrs with x0 does not write (no trap even on a read-only CSR) */
  csrrs t0, mhartid, zero; SIG(t0)
  WARL(mstatus)
  WARL(mtvec)
  WARL(medeleg)
  WARL(mideleg)
  WARL(mie)
  WARL(mcounteren)
  WARL(scounteren)
  WARL(menvcfg)
  WARL(senvcfg)
  WARL(mcountinhibit)
  WARL(sstatus)
  WARL(sie)
  WARL(stvec)
  WARL(mepc)
  WARL(sepc)
  WARL(mcause)
  WARL(scause)
  /* mtvec vectored mode keeps its mode bits; reserved mode 2/3 ignored by QEMU */
  csrr s5, mtvec; li t1, 0x80001001; csrw mtvec, t1; SIGCSR(mtvec); li t1, 0x80001002; csrw mtvec, t1; SIGCSR(mtvec); csrw mtvec, s5
  /* satp: an unsupported mode leaves satp unchanged */
  li t1, (9 << 60) | 0x80000; csrw satp, t1; SIGCSR(satp)
  li t1, (7 << 60) | 0x12345; csrw satp, t1; SIGCSR(satp)
  csrw satp, zero
  /* writing a read-only CSR, reading a missing CSR, an unknown CSR number: illegal (2) */
  li t1, 1; csrw mvendorid, t1
  csrr t0, 0x7c0
  csrr t0, 0x3c0
  csrr t0, 0xda0
  csrr t0, 0x30c
  /* counters advance (QEMU's count host ticks, so only their order is comparable) */
  csrr t1, minstret; nop; nop; nop; csrr t2, minstret; sltu t0, t1, t2; SIG(t0)
  csrr t1, mcycle; nop; csrr t2, mcycle; sltu t0, t1, t2; SIG(t0)
  csrr t1, time; csrr t2, time; sltu t0, t2, t1; SIG(t0)
  /* mip: writable bits from M (SSIP, STIP, SEIP) */
  li t1, -1; csrs mip, t1; SIGCSR(mip); csrc mip, t1; SIGCSR(mip)
  SIGCSR(sip)
  /* menvcfg.STCE exposes stimecmp */
  li t1, (1 << 63); csrs menvcfg, t1; SIGCSR(menvcfg); csrc menvcfg, t1
  /* U-mode cannot read cycle when mcounteren.CY = 0 */
  csrw mcounteren, zero
  TO_U
  csrr t0, cycle
  csrr t0, time
  TO_M
  li t1, 7; csrw mcounteren, t1
  TO_S
  csrr t0, mstatus /* S cannot touch M CSRs */
  csrr t0, sstatus; SIG(t0)
  csrw scounteren, zero
  TO_U
  csrr t0, instret /* S counter enable now off */
  TO_M
TEST_END
