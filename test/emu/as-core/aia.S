/*
 * AIA conformance (compared with QEMU 7.2 -M virt,aia=aplic-imsic,aia-guests=1): IMSIC M/S/guest
 * interrupt files through MMIO and the indirect CSRs, *topei claims and thresholds, *topi,
 * hgeip/hgeie/VGEIN, APLIC domains (sourcecfg, delegation, targets, enables, MSI forwarding).
 */
#include "common/test.h"
  .option arch, +h
#define IMSIC_M 0x24000000
#define IMSIC_S 0x28000000
#define APLIC_M 0x0c000000
#define APLIC_S 0x0d000000
/* indirect register helpers: select, then read/write */
#define MIREG_W(sel, reg) li t5, sel; csrw miselect, t5; csrw mireg, reg
#define MIREG_SIG(sel) li t5, sel; csrw miselect, t5; csrr t5, mireg; SIG(t5)
#define SIREG_W(sel, reg) li t5, sel; csrw siselect, t5; csrw sireg, reg
/* APLIC register access at base + off (offsets beyond 12-bit immediates) */
#define AW(base, off) li t2, base + (off); sw t1, 0(t2)
#define AR(base, off) li t2, base + (off); lw t1, 0(t2)
#define SIREG_SIG(sel) li t5, sel; csrw siselect, t5; csrr t5, sireg; SIG(t5)

TEST_BEGIN
  /* M-level IMSIC file */
  SIGCSR(mtopei)
  li t1, 1; MIREG_W(0x70, t1)
  MIREG_SIG(0x70)
  li t1, -1; MIREG_W(0xc0, t1)
  MIREG_SIG(0xc0)
  li t1, 0; MIREG_W(0x72, t1)
  li t0, IMSIC_M; li t1, 5; sw t1, 0(t0)
  li t1, 9; sw t1, 0(t0)
  MIREG_SIG(0x80)
  SIGCSR(mtopei)
  csrr t1, mip; andi t1, t1, 0x7ff; srli t1, t1, 11; SIG(t1)
  csrr t1, mip; srli t1, t1, 11; andi t1, t1, 1; SIG(t1)
  csrw mtopei, zero
  SIGCSR(mtopei)
  li t1, 9; MIREG_W(0x72, t1)
  SIGCSR(mtopei)
  li t1, 0; MIREG_W(0x72, t1)
  SIGCSR(mtopei)
  csrw mtopei, zero
  SIGCSR(mtopei)
  MIREG_SIG(0x80)
  /* invalid selects are illegal */
  li t5, 0x71; csrw miselect, t5; csrr t0, mireg
  li t5, 0x81; csrw miselect, t5; csrr t0, mireg
  /* S-level file of hart 0 */
  li t1, 1; SIREG_W(0x70, t1)
  li t1, -1; SIREG_W(0xc0, t1)
  li t0, IMSIC_S; li t1, 7; sw t1, 0(t0)
  SIGCSR(stopei)
  csrr t1, mip; srli t1, t1, 9; andi t1, t1, 1; SIG(t1)
  li t1, (1 << 9); csrs mideleg, t1; csrs mie, t1
  csrr t1, stopi; srli t1, t1, 16; SIG(t1)
  csrw stopei, zero
  SIGCSR(stopei)
  csrc mie, t1
  /* guest file 1 of hart 0 (stride 0x2000 with one guest file) */
  li t0, IMSIC_S + 0x1000; li t1, 11; sw t1, 0(t0)
  SIGCSR(hgeip)
  li t1, -1; csrw hgeie, t1; SIGCSR(hgeie)
  li t1, (1 << 12); csrr t2, mip; and t2, t2, t1; srli t2, t2, 12; SIG(t2)
  ON_FAULT(1f); csrr t0, vstopei
1: li t1, (1 << 12); csrs hstatus, t1
  li t1, 0x70; csrw vsiselect, t1; li t1, 1; csrw vsireg, t1
  li t1, 0xc0; csrw vsiselect, t1; li t1, -1; csrw vsireg, t1
  SIGCSR(vstopei)
  SIGCSR(hgeip)
  csrr t1, hip; srli t1, t1, 10; andi t1, t1, 1; SIG(t1)
  csrw vstopei, zero
  SIGCSR(vstopei)
  SIGCSR(hgeip)
  csrw hgeie, zero
  li t1, (0x3f << 12); csrc hstatus, t1
  /* APLIC M domain */
    AR(APLIC_M, 0); SIG(t1)
  li t1, 6; AW(APLIC_M, (10 - 1) * 4 + 4)
  AR(APLIC_M, (10 - 1) * 4 + 4); SIG(t1)
  li t1, 3; AW(APLIC_M, (13 - 1) * 4 + 4)
  AR(APLIC_M, (13 - 1) * 4 + 4); SIG(t1)
  li t1, 0x400; AW(APLIC_M, (11 - 1) * 4 + 4)
  AR(APLIC_M, (11 - 1) * 4 + 4); SIG(t1)
  li t1, 20; AW(APLIC_M, 0x3004 + (10 - 1) * 4)
  AR(APLIC_M, 0x3004 + (10 - 1) * 4); SIG(t1)
  li t1, 10; AW(APLIC_M, 0x1edc)
  AR(APLIC_M, 0x1e00); li t2, 0x400; and t1, t1, t2; SIG(t1)
  li t1, 10; AW(APLIC_M, 0x1cdc)
  AR(APLIC_M, 0x1c00); li t2, 0x400; and t1, t1, t2; SIG(t1) /* sources we configured */
  SIGCSR(mtopei)
  li t1, 0x100; AW(APLIC_M, 0)
  AR(APLIC_M, 0); SIG(t1)
  AR(APLIC_M, 0x1c00); li t2, 0x400; and t1, t1, t2; SIG(t1) /* sources we configured */
  SIGCSR(mtopei)
  csrw mtopei, zero
  SIGCSR(mtopei)
  /* APLIC S domain: only delegated sources are active */
    li t1, 4; AW(APLIC_S, (11 - 1) * 4 + 4)
  AR(APLIC_S, (11 - 1) * 4 + 4); SIG(t1)
  li t1, 4; AW(APLIC_S, (12 - 1) * 4 + 4)
  AR(APLIC_S, (12 - 1) * 4 + 4); SIG(t1)
  AR(APLIC_S, 0); SIG(t1)
  li t1, (0 << 18) | (1 << 12) | 33; AW(APLIC_S, 0x3004 + (11 - 1) * 4)
  AR(APLIC_S, 0x3004 + (11 - 1) * 4); SIG(t1)
  li t1, 0x100; AW(APLIC_S, 0)
  li t1, 11; AW(APLIC_S, 0x1edc)
  li t1, 11; AW(APLIC_S, 0x1cdc)
  SIGCSR(hgeip)
  li t1, (1 << 12); csrs hstatus, t1
  li t1, 0xc0; csrw vsiselect, t1; csrr t1, vsireg; SIG(t1)
  li t1, 0x80; csrw vsiselect, t1; csrr t1, vsireg; SIG(t1)
  li t1, (0x3f << 12); csrc hstatus, t1
TEST_END
