/* NS16550A console (QEMU virt's UART, passed through by Bao). Lines from several vCPUs are
 * serialised by a spinlock so each line stays whole. */
#include "guest.h"

#define UART_RBR 0
#define UART_THR 0
#define UART_IER 1
#define UART_LSR 5
#define LSR_DR 0x01
#define LSR_THRE 0x20

static volatile uint8_t *const uart = (volatile uint8_t *)UART_BASE;
/* With an IPC link, the lock lives in the shared memory (its last word), so the two VMs that
 * share the UART also take turns on it and their lines never interleave. Without one, a
 * VM-local lock serialises this VM's vCPUs. */
static volatile int local_lock;
#define LOCK (IPC_BASE ? (volatile int *)(IPC_BASE + IPC_SIZE - sizeof(int)) : &local_lock)
static unsigned long saved_sie[64]; /* per vCPU: sstatus.SIE before console_lock */

void console_init(void)
{
    if (UART_IRQ)
        uart[UART_IER] = 0x01; /* receive-data-available interrupt */
}

void console_putc(char c)
{
    while (!(uart[UART_LSR] & LSR_THRE))
        ;
    uart[UART_THR] = (uint8_t)c;
}

int console_getc(void)
{
    return (uart[UART_LSR] & LSR_DR) ? uart[UART_RBR] : -1;
}

/* Interrupts are off while the lock is held: a handler that prints on the same vCPU would
 * otherwise spin on a lock its own vCPU holds. */
void console_lock(void)
{
    unsigned long sie;
    __asm__ volatile("csrrc %0, sstatus, %1" : "=r"(sie) : "r"(SSTATUS_SIE));
    while (__atomic_exchange_n(LOCK, 1, __ATOMIC_ACQUIRE))
        ;
    saved_sie[vcpu_id() % 64] = sie & SSTATUS_SIE;
}

void console_unlock(void)
{
    unsigned long sie = saved_sie[vcpu_id() % 64];
    __atomic_store_n(LOCK, 0, __ATOMIC_RELEASE);
    csr_set(sstatus, sie);
}

void print(const char *s)
{
    for (; *s; s++) {
        if (*s == '\n')
            console_putc('\r');
        console_putc(*s);
    }
}

void print_dec(unsigned long n)
{
    char buf[24];
    int i = 0;
    do {
        buf[i++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (i)
        console_putc(buf[--i]);
}

void print_hex(unsigned long n)
{
    print("0x");
    int shift = 60;
    while (shift > 0 && !((n >> shift) & 0xf))
        shift -= 4;
    for (; shift >= 0; shift -= 4)
        console_putc("0123456789abcdef"[(n >> shift) & 0xf]);
}

void line_start(void)
{
    print("[" VM_NAME "] ");
}
