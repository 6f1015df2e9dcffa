/* The AIA as a VM sees it under Bao built with IRQC=AIA: a virtual APLIC in MSI delivery mode at
 * APLIC_BASE, which Bao emulates and maps onto the physical APLIC (hardware sources) or its own
 * injection (IPC), and the vCPU's IMSIC guest interrupt file, reached through the siselect /
 * sireg / stopei CSRs. In VS-mode those are the vsiselect / vsireg / vstopei of the guest file
 * that Bao selected with hstatus.VGEIN, so claiming needs no exit to the hypervisor.
 * Every wired source is sent to the vCPU as the MSI identity equal to its source number. */
#include "guest.h"

#ifdef IRQC_AIA

#define APLIC_DOMAINCFG (APLIC_BASE + 0x0000UL)
#define APLIC_SOURCECFG(irq) (APLIC_BASE + 0x0004UL + 4UL * ((irq) - 1))
#define APLIC_SETIENUM (APLIC_BASE + 0x1edcUL)
#define APLIC_TARGET(irq) (APLIC_BASE + 0x3004UL + 4UL * ((irq) - 1))
#define DOMAINCFG_IE (1U << 8)
#define SOURCECFG_LEVEL_HIGH 6 /* the 16550's line on QEMU virt; Bao's injected IPC is edge-less */
#define TARGET_HART_SHIFT 18

/* indirect IMSIC registers (AIA spec, chapter 3) */
#define ISEL_EIDELIVERY 0x70
#define ISEL_EITHRESHOLD 0x72
#define ISEL_EIE0 0xc0
#define TOPEI_ID_SHIFT 16

#define REG32(a) (*(volatile uint32_t *)(a))

/* CSR numbers, so the guest builds with assemblers that predate the Smaia/Ssaia names */
#define siselect_write(v) __asm__ volatile("csrw 0x150, %0" ::"r"((unsigned long)(v)))
#define sireg_write(v) __asm__ volatile("csrw 0x151, %0" ::"r"((unsigned long)(v)))
#define sireg_set(v) __asm__ volatile("csrs 0x151, %0" ::"r"((unsigned long)(v)))

static int file_ready;

/* The vCPU's interrupt file: deliver every identity, none masked by the threshold. */
static void imsic_init(void)
{
    siselect_write(ISEL_EITHRESHOLD);
    sireg_write(0);
    siselect_write(ISEL_EIDELIVERY);
    sireg_write(1);
}

void aia_enable(unsigned irq, unsigned long vcpu)
{
    if (!file_ready) {
        imsic_init();
        REG32(APLIC_DOMAINCFG) = DOMAINCFG_IE; /* Bao keeps DM (MSI mode) set */
        file_ready = 1;
    }
    /* RV64: eie registers are 64 bits wide and only the even selects exist */
    siselect_write(ISEL_EIE0 + 2 * (irq / 64));
    sireg_set(1UL << (irq % 64));
    /* Bao ignores target writes until the source is active: sourcecfg first. */
    REG32(APLIC_SOURCECFG(irq)) = SOURCECFG_LEVEL_HIGH;
    REG32(APLIC_TARGET(irq)) = ((uint32_t)vcpu << TARGET_HART_SHIFT) | irq;
    REG32(APLIC_SETIENUM) = irq;
}

/* Reading and writing stopei in one instruction claims the top identity. */
unsigned aia_claim(unsigned long vcpu)
{
    unsigned long v;
    (void)vcpu;
    __asm__ volatile("csrrw %0, 0x15c, zero" : "=r"(v));
    return (unsigned)(v >> TOPEI_ID_SHIFT);
}

void aia_complete(unsigned irq, unsigned long vcpu)
{
    /* MSIs need no completion: the claim cleared the pending bit */
    (void)irq;
    (void)vcpu;
}

#endif

#ifdef IRQC_APLIC
/* Bao built with IRQC=APLIC: the same virtual APLIC in direct delivery mode; each vCPU has an
 * interrupt delivery control (IDC) at 0x4000 + 32 * vCPU, claimed through its claimi register. */
#define APLIC_DOMAINCFG (APLIC_BASE + 0x0000UL)
#define APLIC_SOURCECFG(irq) (APLIC_BASE + 0x0004UL + 4UL * ((irq) - 1))
#define APLIC_SETIENUM (APLIC_BASE + 0x1edcUL)
#define APLIC_TARGET(irq) (APLIC_BASE + 0x3004UL + 4UL * ((irq) - 1))
#define APLIC_IDC(vcpu, reg) (APLIC_BASE + 0x4000UL + 32UL * (vcpu) + (reg))
#define IDC_IDELIVERY 0x00
#define IDC_IFORCE 0x04
#define IDC_ITHRESHOLD 0x08
#define IDC_CLAIMI 0x1c
#define DOMAINCFG_IE (1U << 8)
/* Edge: Bao's direct-mode vAPLIC claims the physical source before the guest drains the UART,
 * and a level source would pend again at once and keep the hart in the hypervisor. */
#define SOURCECFG_EDGE_RISE 4
#define TARGET_HART_SHIFT 18

#define REG32(a) (*(volatile uint32_t *)(a))

static int idc_ready;

void aia_enable(unsigned irq, unsigned long vcpu)
{
    if (!idc_ready) {
        REG32(APLIC_DOMAINCFG) = DOMAINCFG_IE;
        REG32(APLIC_IDC(vcpu, IDC_ITHRESHOLD)) = 0;
        REG32(APLIC_IDC(vcpu, IDC_IFORCE)) = 0;
        REG32(APLIC_IDC(vcpu, IDC_IDELIVERY)) = 1;
        idc_ready = 1;
    }
    REG32(APLIC_SOURCECFG(irq)) = SOURCECFG_EDGE_RISE;
    REG32(APLIC_TARGET(irq)) = ((uint32_t)vcpu << TARGET_HART_SHIFT) | 1; /* priority 1 */
    REG32(APLIC_SETIENUM) = irq;
}

unsigned aia_claim(unsigned long vcpu)
{
    return REG32(APLIC_IDC(vcpu, IDC_CLAIMI)) >> 16;
}

void aia_complete(unsigned irq, unsigned long vcpu)
{
    /* claimi already cleared the pending bit */
    (void)irq;
    (void)vcpu;
}
#endif
