/*
 * AIA end to end (run in QEMU 7.2 -M virt,aia=aplic-imsic,aia-guests=1 and in ours): the UART's
 * level interrupt line (source 10, THR-empty interrupt) travels through the APLIC as an MSI to
 * (1) the M-level IMSIC file, taken as a machine external interrupt and claimed with mtopei;
 * (2) after delegation, the S-level file, claimed with stopei; (3) guest file 1 (target guest
 * index 1), seen through hgeip/SGEIP/VSEIP, then taken in VS-mode and claimed there with stopei
 * (= vstopei of the file hstatus.VGEIN selects). Plus an edge source pended with setipnum, and the
 * mtopi/stopi/vstopi views of what is pending.
 */
#include "common/test.h"
  .option arch, +h
#define IMSIC_M 0x24000000
#define IMSIC_S 0x28000000
#define APLIC_M 0x0c000000
#define APLIC_S 0x0d000000
#define SRCCFG(n) (4 * (n))
#define TARGET(n) (0x3000 + 4 * (n))
#define SETIENUM 0x1edc
#define SETIPNUM 0x1cdc
#define MMSICFGADDR 0x1bc0
#define MMSICFGADDRH 0x1bc4
#define SMSICFGADDR 0x1bc8
#define SMSICFGADDRH 0x1bcc
/* APLIC register write / read (offsets beyond 12-bit immediates) */
#define AW(base, off, val) li t1, val; li t2, base + (off); sw t1, 0(t2)
#define AR(base, off) li t2, base + (off); lw t1, 0(t2)
#define MIREG_W(sel, val) li t5, sel; csrw miselect, t5; li t5, val; csrw mireg, t5
#define SIREG_W(sel, val) li t5, sel; csrw siselect, t5; li t5, val; csrw sireg, t5
#define VSIREG_W(sel, val) li t5, sel; csrw vsiselect, t5; li t5, val; csrw vsireg, t5
#define MIREG_SIG(sel) li t5, sel; csrw miselect, t5; csrr t5, mireg; SIG(t5)
/* UART interrupt enable register: 2 = THR empty (raises the line at once), 0 = off */
#define UART_IER(v) li t1, UART_BASE; li t2, v; sb t2, 1(t1)
#define MIP_BIT(b) csrr t1, mip; srli t1, t1, b; andi t1, t1, 1; SIG(t1)

/* QEMU 7.2 leaves the APLIC's per-source state uninitialised (random enable/pending bits on
 * inactive sources, seen under load): writing sourcecfg = 0 clears a source, as firmware does. */
#define APLIC_CLEAR(base) li t1, base + 4; li t2, base + 4 * 97; 1: sw zero, 0(t1); addi t1, t1, 4; bltu t1, t2, 1b

TEST_BEGIN
  APLIC_CLEAR(APLIC_M)
  APLIC_CLEAR(APLIC_S)
  /* major interrupt priorities after reset (iprio arrays through miselect/siselect 0x30..) */
  MIREG_SIG(0x30)
  MIREG_SIG(0x32)
  MIREG_SIG(0x34)
  li t5, 0x30; csrw siselect, t5; csrr t5, sireg; SIG(t5)
  li t5, 0x32; csrw siselect, t5; csrr t5, sireg; SIG(t5)
  li t5, 0x31; csrw miselect, t5; ON_FAULT(1f); csrr t5, mireg
1:
  /* ---- (1) M level: APLIC M domain in MSI mode → M file of hart 0 ---- */
  MIREG_W(0x70, 1)                    /* eidelivery */
  MIREG_W(0x72, 0)                    /* eithreshold */
  MIREG_W(0xc0, (1 << 10) | (1 << 33 - 32 << 32))
  AW(APLIC_M, MMSICFGADDR, IMSIC_M >> 12)
  AW(APLIC_M, MMSICFGADDRH, 0)
  AR(APLIC_M, MMSICFGADDR); SIG(t1)
  AW(APLIC_M, SRCCFG(10), 6)          /* level high */
  AW(APLIC_M, TARGET(10), (0 << 18) | 10)
  AW(APLIC_M, SETIENUM, 10)
  AW(APLIC_M, 0, 0x100)               /* domaincfg.IE */
  AR(APLIC_M, 0); SIG(t1)
  MIP_BIT(11)                         /* nothing yet: the line is low */
  UART_IER(2)
  MIP_BIT(11)
  SIGCSR(mtopei)
  SIGCSR(mtopi)
  MIREG_SIG(0x80)
  /* take it: the frame's handler records the interrupt and clears mie.MEIE */
  li t1, (1 << 11); csrs mie, t1
  csrsi mstatus, 8
  nop
  csrci mstatus, 8
  csrrw t1, mtopei, zero; SIG(t1)     /* claim */
  SIGCSR(mtopei)
  MIP_BIT(11)
  /* the line is still high: the UART's next interrupt update re-sends the MSI (a level source
   * in MSI mode); switching the THR-empty interrupt off and on is such an update */
  UART_IER(0)
  UART_IER(2)
  SIGCSR(mtopei)
  csrw mtopei, zero
  /* accesses that are not update points of the 16550 do not re-send it: LSR reads, rewriting
   * the same IER, scratch writes */
  li t1, UART_BASE; lbu t2, 5(t1); sb t2, 7(t1)
  UART_IER(2)
  SIGCSR(mtopei)
  /* writing THR is one: the MSI comes again */
  li t1, UART_BASE; li t2, 0x0a; sb t2, 0(t1)  /* a newline: the signature lines stay whole */
  SIGCSR(mtopei)
  UART_IER(0)
  csrw mtopei, zero
  SIGCSR(mtopei)
  /* an edge source pended by software */
  AW(APLIC_M, SRCCFG(33), 4)
  AW(APLIC_M, TARGET(33), 33)
  AW(APLIC_M, SETIENUM, 33)
  AW(APLIC_M, SETIPNUM, 33)
  MIREG_SIG(0x80)
  SIGCSR(mtopei)
  MIREG_W(0x72, 20)                   /* threshold below 33 hides it */
  SIGCSR(mtopei)
  MIP_BIT(11)
  MIREG_W(0x72, 0)
  csrw mtopei, zero
  SIGCSR(mtopei)
  AR(APLIC_M, 0x1c00 + 4); SIG(t1)    /* setip[1]: sent, so no longer pending */
  /* mtopi ranks: software + timer pending and enabled, then with the external one too */
  li t1, (1 << 3) | (1 << 7); csrs mie, t1
  li t1, CLINT_BASE; li t2, 1; sw t2, 0(t1)        /* msip */
  li t1, CLINT_MTIMECMP; sd zero, 0(t1)            /* mtimecmp = 0: MTIP */
  SIGCSR(mtopi)
  li t1, 33; li t2, IMSIC_M; sw t1, 0(t2)
  li t1, (1 << 11); csrs mie, t1
  SIGCSR(mtopi)
  csrw mtopei, zero
  li t1, CLINT_BASE; sw zero, 0(t1)
  SIGCSR(mtopi)
  li t1, CLINT_MTIMECMP; li t2, -1; sd t2, 0(t1)
  li t1, (1 << 3) | (1 << 7) | (1 << 11); csrc mie, t1

  /* ---- (2) S level: delegate source 10 to the S domain → S file of hart 0 ---- */
  AW(APLIC_M, SMSICFGADDR, IMSIC_S >> 12)
  AW(APLIC_M, SMSICFGADDRH, (1 << 20)) /* LHXS = 1: one guest-index bit per hart */
  AW(APLIC_M, SRCCFG(10), 0x400)      /* D = 1, child 0 */
  AR(APLIC_M, SRCCFG(10)); SIG(t1)
  SIREG_W(0x70, 1)
  SIREG_W(0x72, 0)
  SIREG_W(0xc0, (1 << 12))
  AW(APLIC_S, SRCCFG(10), 6)
  AR(APLIC_S, SRCCFG(10)); SIG(t1)
  AW(APLIC_S, TARGET(10), (0 << 18) | (0 << 12) | 12)
  AR(APLIC_S, TARGET(10)); SIG(t1)
  AW(APLIC_S, SETIENUM, 10)
  AW(APLIC_S, 0, 0x100)
  UART_IER(2)
  MIP_BIT(9)
  SIGCSR(stopei)
  SIGCSR(mtopei)                      /* the M file saw nothing */
  li t1, (1 << 9); csrs mideleg, t1; csrs mie, t1
  SIGCSR(stopi)
  SIGCSR(mtopi)
  /* stopi ranks: S software + S timer, with and without the S external interrupt */
  li t2, (1 << 1) | (1 << 5); csrs mideleg, t2; csrs mie, t2; csrs mip, t2
  SIGCSR(stopi)
  csrc mie, t1
  SIGCSR(stopi)
  li t2, (1 << 1) | (1 << 5); csrc mip, t2; csrc mie, t2
  csrs mie, t1
  SIGCSR(stopi)
  csrc mie, t1
  csrrw t1, stopei, zero; SIG(t1)
  UART_IER(0)
  SIGCSR(stopei)
  MIP_BIT(9)

  /* ---- (3) guest file 1: target guest index 1 ---- */
  li t1, (1 << 12); csrs hstatus, t1  /* VGEIN = 1 */
  VSIREG_W(0x70, 1)
  VSIREG_W(0x72, 0)
  VSIREG_W(0xc0, (1 << 20))
  AW(APLIC_S, TARGET(10), (0 << 18) | (1 << 12) | 20)
  AR(APLIC_S, TARGET(10)); SIG(t1)
  li t1, 2; csrw hgeie, t1
  UART_IER(2)
  SIGCSR(hgeip)
  MIP_BIT(12)                         /* SGEIP */
  MIP_BIT(10)                         /* VSEIP through hstatus.VGEIN */
  SIGCSR(vstopei)
  li t1, (1 << 10); csrs hideleg, t1; csrs mie, t1
  SIGCSR(vstopi)
  /* a VS software interrupt (through hvip) outranks the guest file's external one in vstopi */
  li t1, (1 << 2); csrs hideleg, t1; csrs mie, t1; csrs hvip, t1
  SIGCSR(vstopi)
  csrc hvip, t1; csrc mie, t1; csrc hideleg, t1
  SIGCSR(vstopi)
  SIGCSR(stopei)                      /* S file: empty */
  /* enter VS-mode: the pending VS external interrupt is taken there at once */
  la t1, vs_vector; csrw vstvec, t1
  li t1, (1 << 9); csrw vsie, t1
  li t1, 2; csrs vsstatus, t1
  li t1, (3 << 11); csrc mstatus, t1
  li t1, (1 << 11) | (1 << 39); csrs mstatus, t1  /* MPP = S, MPV = 1 */
  la t1, vs_code; csrw mepc, t1
  mret
vs_code: /* only reached if the interrupt did not come */
  SIGI(0xbad)
  TO_M
  j after_vs
  .align 4
vs_vector:
  csrr t1, scause; SIG(t1)            /* vscause */
  csrrw t1, stopei, zero; SIG(t1)     /* vstopei: claim in the guest file */
  csrr t1, stopei; SIG(t1)
  csrr t1, stopi; SIG(t1)             /* vstopi */
  TO_M
after_vs:
  UART_IER(0)
  SIGCSR(hgeip)
  SIGCSR(vstopei)
  csrw hgeie, zero
  li t1, (1 << 10); csrc mie, t1; csrc hideleg, t1
TEST_END
