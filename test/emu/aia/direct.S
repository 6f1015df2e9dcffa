/*
 * APLIC direct delivery (run in QEMU 7.2 -M virt,aia=aplic and in ours): no IMSIC, each domain
 * drives MEIP/SEIP through its per-hart interrupt delivery controls (IDC: idelivery, iforce,
 * ithreshold, topi, claimi). The UART's level line (source 10, THR-empty interrupt) and an edge
 * source pended by software, priorities and thresholds, a claim taken as a real interrupt, and
 * delegation of source 10 to the S domain.
 */
#include "common/test.h"
#define APLIC_M 0x0c000000
#define APLIC_S 0x0d000000
#define SRCCFG(n) (4 * (n))
#define TARGET(n) (0x3000 + 4 * (n))
#define SETIP0 0x1c00
#define IN_CLRIP0 0x1d00
#define SETIENUM 0x1edc
#define SETIPNUM 0x1cdc
#define CLRIPNUM 0x1ddc
#define IDC(h, r) (0x4000 + 32 * (h) + (r))
#define IDELIVERY 0x00
#define IFORCE 0x04
#define ITHRESHOLD 0x08
#define TOPI 0x18
#define CLAIMI 0x1c
#define AW(base, off, val) li t1, val; li t2, base + (off); sw t1, 0(t2)
#define AR(base, off) li t2, base + (off); lw t1, 0(t2)
#define ASIG(base, off) AR(base, off); SIG(t1)
#define UART_IER(v) li t1, UART_BASE; li t2, v; sb t2, 1(t1)
#define MIP_BIT(b) csrr t1, mip; srli t1, t1, b; andi t1, t1, 1; SIG(t1)

/* QEMU 7.2 leaves the APLIC's per-source state uninitialised (random enable/pending bits on
 * inactive sources, seen under load): writing sourcecfg = 0 clears a source, as firmware does. */
#define APLIC_CLEAR(base) li t1, base + 4; li t2, base + 4 * 97; 1: sw zero, 0(t1); addi t1, t1, 4; bltu t1, t2, 1b

TEST_BEGIN
  APLIC_CLEAR(APLIC_M)
  APLIC_CLEAR(APLIC_S)
  ASIG(APLIC_M, 0)                     /* domaincfg: DM = 0 */
  /* target: hart 0, priority 0 reads back as 1 */
  AW(APLIC_M, SRCCFG(10), 6)
  AW(APLIC_M, TARGET(10), 0)
  ASIG(APLIC_M, TARGET(10))
  AW(APLIC_M, TARGET(10), 0xffffffff)
  ASIG(APLIC_M, TARGET(10))
  AW(APLIC_M, TARGET(10), (0 << 18) | 3)
  AW(APLIC_M, SETIENUM, 10)
  AW(APLIC_M, 0, 0x100)
  AW(APLIC_M, IDC(0, IDELIVERY), 1)
  AW(APLIC_M, IDC(0, ITHRESHOLD), 0)
  MIP_BIT(11)
  ASIG(APLIC_M, IDC(0, TOPI))
  UART_IER(2)
  MIP_BIT(11)
  ASIG(APLIC_M, IDC(0, TOPI))
  ASIG(APLIC_M, SETIP0)
  ASIG(APLIC_M, IN_CLRIP0)
  /* a level source can neither be pended nor cleared by software in direct mode */
  AW(APLIC_M, CLRIPNUM, 10)
  ASIG(APLIC_M, SETIP0)
  /* threshold: priority 3 is masked by 3, not by 4 */
  AW(APLIC_M, IDC(0, ITHRESHOLD), 3)
  ASIG(APLIC_M, IDC(0, TOPI))
  MIP_BIT(11)
  AW(APLIC_M, IDC(0, ITHRESHOLD), 4)
  ASIG(APLIC_M, IDC(0, TOPI))
  /* an edge source with a better priority */
  AW(APLIC_M, SRCCFG(20), 4)
  AW(APLIC_M, TARGET(20), (0 << 18) | 2)
  AW(APLIC_M, SETIENUM, 20)
  AW(APLIC_M, SETIPNUM, 20)
  ASIG(APLIC_M, SETIP0)
  ASIG(APLIC_M, IDC(0, TOPI))
  /* take the interrupt; the frame's handler records it and clears mie.MEIE */
  li t1, (1 << 11); csrs mie, t1
  csrsi mstatus, 8
  nop
  csrci mstatus, 8
  ASIG(APLIC_M, IDC(0, CLAIMI))        /* 20: edge, cleared by the claim */
  ASIG(APLIC_M, SETIP0)
  ASIG(APLIC_M, IDC(0, CLAIMI))        /* 10: level, still pending while the line is high */
  ASIG(APLIC_M, SETIP0)
  UART_IER(0)
  ASIG(APLIC_M, SETIP0)
  ASIG(APLIC_M, IDC(0, CLAIMI))
  MIP_BIT(11)
  /* iforce raises MEIP with nothing pending; claimi then reads 0 and clears it */
  AW(APLIC_M, IDC(0, IFORCE), 1)
  MIP_BIT(11)
  ASIG(APLIC_M, IDC(0, CLAIMI))
  ASIG(APLIC_M, IDC(0, IFORCE))
  MIP_BIT(11)
  /* idelivery = 0 silences the hart */
  AW(APLIC_M, IDC(0, IDELIVERY), 0)
  UART_IER(2)
  MIP_BIT(11)
  ASIG(APLIC_M, IDC(0, TOPI))
  UART_IER(0)
  /* delegate source 10 to the S domain: SEIP through its IDC */
  AW(APLIC_M, SRCCFG(10), 0x400)
  ASIG(APLIC_M, SRCCFG(10))
  ASIG(APLIC_M, TARGET(10))
  AW(APLIC_S, SRCCFG(10), 6)
  AW(APLIC_S, TARGET(10), (0 << 18) | 5)
  AW(APLIC_S, SETIENUM, 10)
  AW(APLIC_S, 0, 0x100)
  AW(APLIC_S, IDC(0, IDELIVERY), 1)
  UART_IER(2)
  MIP_BIT(9)
  MIP_BIT(11)
  ASIG(APLIC_S, IDC(0, TOPI))
  ASIG(APLIC_S, IDC(0, CLAIMI))
  UART_IER(0)
  ASIG(APLIC_S, IDC(0, CLAIMI))
  MIP_BIT(9)
TEST_END
