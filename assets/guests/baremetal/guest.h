/* Bao Studio bare-metal demo guest: build-time settings and small helpers. */
#ifndef GUEST_H
#define GUEST_H

#include <stdint.h>
#include <stddef.h>

/* Settings come from the Makefile (one binary per VM layout); these are the defaults. */
#ifndef VM_NAME
#define VM_NAME "vm"
#endif
#ifndef UART_BASE
#define UART_BASE 0x10000000UL
#endif
#ifndef UART_IRQ /* 0: the UART is polled (shared without its interrupt) */
#define UART_IRQ 10
#endif
#ifndef PLIC_BASE
#define PLIC_BASE 0xc000000UL
#endif
#ifndef APLIC_BASE /* IRQC_AIA builds: the VM's virtual APLIC (Bao: arch.irqc.aia.aplic.base) */
#define APLIC_BASE 0xd000000UL
#endif
#ifndef IPC_BASE /* 0: no IPC link */
#define IPC_BASE 0
#endif
#ifndef IPC_SIZE
#define IPC_SIZE 0x10000UL
#endif
#ifndef IPC_IRQ
#define IPC_IRQ 52
#endif
#ifndef IPC_SIDE /* which half of the shared memory this VM writes */
#define IPC_SIDE 0
#endif
#ifndef TIMER_TICKS
#define TIMER_TICKS 3
#endif
#define TIMER_FREQ 10000000UL
#define TICK_INTERVAL (TIMER_FREQ / 100) /* 10 ms */

#define SCAUSE_IRQ (1UL << 63)
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9
#define SIE_STIE (1UL << 5)
#define SIE_SEIE (1UL << 9)
#define SSTATUS_SIE (1UL << 1)

#define csr_read(csr) ({ unsigned long __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" ::"rK"(v))
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" ::"rK"(v))

static inline unsigned long vcpu_id(void)
{
    unsigned long id;
    __asm__ volatile("mv %0, tp" : "=r"(id));
    return id;
}

/* sbi.c */
struct sbiret {
    long error;
    long value;
};
struct sbiret sbi_call(unsigned long eid, unsigned long fid, unsigned long a0, unsigned long a1,
                       unsigned long a2);
long sbi_hart_start(unsigned long hart, unsigned long addr);
void sbi_set_timer(uint64_t when);
long bao_ipc_notify(unsigned long ipc_id, unsigned long event);

/* console.c */
void console_init(void);
void console_lock(void);
void console_unlock(void);
void print(const char *s);
void print_dec(unsigned long n);
void print_hex(unsigned long n);
void line_start(void);
int console_getc(void); /* -1 when no byte is waiting */
void console_putc(char c);

/* plic.c */
void plic_enable(unsigned irq, unsigned long vcpu);
unsigned plic_claim(unsigned long vcpu);
void plic_complete(unsigned irq, unsigned long vcpu);

/* aia.c (-DIRQC_AIA for Bao's IRQC=AIA: virtual APLIC + IMSIC guest file; -DIRQC_APLIC for
 * IRQC=APLIC: the virtual APLIC's direct delivery) */
void aia_enable(unsigned irq, unsigned long vcpu);
unsigned aia_claim(unsigned long vcpu);
void aia_complete(unsigned irq, unsigned long vcpu);

/* The VM's interrupt controller, chosen at build time. */
#if defined(IRQC_AIA) || defined(IRQC_APLIC)
#define irqc_enable aia_enable
#define irqc_claim aia_claim
#define irqc_complete aia_complete
#else
#define irqc_enable plic_enable
#define irqc_claim plic_claim
#define irqc_complete plic_complete
#endif

#endif
