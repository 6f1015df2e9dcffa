/* The PLIC as the VM sees it (Bao emulates a virtual PLIC at the VM's irqc base; vCPU n's
 * S-mode context is 2n + 1, as on QEMU virt). */
#include "guest.h"

#if !defined(IRQC_AIA) && !defined(IRQC_APLIC)

#define PLIC_PRIO(irq) (PLIC_BASE + 4UL * (irq))
#define PLIC_ENABLE(ctx, irq) (PLIC_BASE + 0x2000UL + 0x80UL * (ctx) + 4UL * ((irq) / 32))
#define PLIC_THRESHOLD(ctx) (PLIC_BASE + 0x200000UL + 0x1000UL * (ctx))
#define PLIC_CLAIM(ctx) (PLIC_THRESHOLD(ctx) + 4)

#define REG32(a) (*(volatile uint32_t *)(a))

static unsigned long context(unsigned long vcpu)
{
    return 2 * vcpu + 1;
}

void plic_enable(unsigned irq, unsigned long vcpu)
{
    REG32(PLIC_PRIO(irq)) = 1;
    REG32(PLIC_THRESHOLD(context(vcpu))) = 0;
    REG32(PLIC_ENABLE(context(vcpu), irq)) |= 1U << (irq % 32);
}

unsigned plic_claim(unsigned long vcpu)
{
    return REG32(PLIC_CLAIM(context(vcpu)));
}

void plic_complete(unsigned irq, unsigned long vcpu)
{
    REG32(PLIC_CLAIM(context(vcpu))) = irq;
}

#endif
