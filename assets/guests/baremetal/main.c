/*
 * Bao Studio bare-metal demo guest. On each VM it prints a banner and "hello from vCPU n" on every
 * vCPU, takes timer interrupts, echoes UART input through interrupts and, when the VM has an IPC
 * link, exchanges a message with its peer VM through the shared memory and Bao's IPC hypercall.
 */
#include "guest.h"

extern char _start[];

/* One half of the IPC shared memory per side: written by one VM, read by the other. */
struct ipc_half {
    volatile uint32_t ready; /* the writer has enabled its IPC interrupt */
    volatile uint32_t seq;
    char msg[120];
};

static volatile int master_claimed;
static volatile unsigned long vcpus_up;
static unsigned long vcpu_count;
static volatile unsigned long ticks;

static struct ipc_half *ipc_half(int side)
{
    return (struct ipc_half *)(IPC_BASE + (unsigned long)side * (IPC_SIZE / 2));
}

static void say(const char *s)
{
    console_lock();
    line_start();
    print(s);
    print("\n");
    console_unlock();
}

static void say_num(const char *s, unsigned long n, const char *tail)
{
    console_lock();
    line_start();
    print(s);
    print_dec(n);
    print(tail);
    print("\n");
    console_unlock();
}

static uint64_t time_now(void)
{
    return csr_read(time);
}

static void on_timer(void)
{
    unsigned long t = ++ticks;
    say_num("timer tick ", t, "");
    sbi_set_timer(t < TIMER_TICKS ? time_now() + TICK_INTERVAL : ~0ULL);
}

static void on_uart(void)
{
    int c;
    console_lock();
    while ((c = console_getc()) >= 0) {
        if (c == '\r' || c == '\n')
            print("\n");
        else
            console_putc((char)c);
    }
    console_unlock();
}

static void on_ipc(void)
{
    struct ipc_half *in = ipc_half(1 - IPC_SIDE);
    console_lock();
    line_start();
    print("ipc: received \"");
    print(in->msg);
    print("\"\n");
    console_unlock();
}

void trap_handler(unsigned long cause, unsigned long tval)
{
    if (!(cause & SCAUSE_IRQ)) {
        console_lock();
        line_start();
        print("unexpected exception, scause ");
        print_hex(cause);
        print(" stval ");
        print_hex(tval);
        print("\n");
        console_unlock();
        for (;;)
            __asm__ volatile("wfi");
    }
    switch (cause & ~SCAUSE_IRQ) {
    case IRQ_S_TIMER:
        on_timer();
        break;
    case IRQ_S_EXT: {
        unsigned irq;
        while ((irq = irqc_claim(vcpu_id())) != 0) {
            if (UART_IRQ && irq == UART_IRQ)
                on_uart();
            else if (IPC_BASE && irq == IPC_IRQ)
                on_ipc();
            irqc_complete(irq, vcpu_id());
        }
        break;
    }
    default:
        csr_clear(sip, 1UL << (cause & ~SCAUSE_IRQ));
    }
}

static void ipc_exchange(void)
{
    struct ipc_half *out = ipc_half(IPC_SIDE);
    struct ipc_half *peer = ipc_half(1 - IPC_SIDE);
    static const char text[] = "hello from " VM_NAME " over shared memory";
    for (unsigned i = 0; i < sizeof text; i++)
        out->msg[i] = text[i];
    out->seq = 1;
    __atomic_store_n(&out->ready, 1, __ATOMIC_RELEASE);
    /* Notify only once the peer is listening: an IPC interrupt sent before the peer VM has
     * booted would be lost. */
    while (!__atomic_load_n(&peer->ready, __ATOMIC_ACQUIRE))
        ;
    long err = bao_ipc_notify(0, 0);
    if (err)
        say_num("ipc: notify failed, error ", (unsigned long)-err, "");
    else
        say("ipc: sent a message to the peer VM");
}

void guest_main(unsigned long id)
{
    int master = !__atomic_exchange_n(&master_claimed, 1, __ATOMIC_ACQ_REL);
    if (!master) {
        say_num("hello from vCPU ", id, "");
        __atomic_fetch_add(&vcpus_up, 1, __ATOMIC_ACQ_REL);
        for (;;)
            __asm__ volatile("wfi");
    }

    console_init();
    say("Bao Studio bare-metal guest");
    say_num("hello from vCPU ", id, "");
    /* Bao starts only the first vCPU; start the others until Bao says there are no more. */
    unsigned long n = 1;
    for (unsigned long h = 0; h < 64; h++) {
        if (h == id)
            continue;
        if (sbi_hart_start(h, (unsigned long)_start) != 0)
            break;
        n++;
    }
    vcpu_count = n;
    while (__atomic_load_n(&vcpus_up, __ATOMIC_ACQUIRE) < n - 1)
        ;
    say_num("", vcpu_count, vcpu_count == 1 ? " vCPU up" : " vCPUs up");

    if (UART_IRQ)
        irqc_enable(UART_IRQ, id);
    if (IPC_BASE)
        irqc_enable(IPC_IRQ, id);
    csr_set(sie, SIE_STIE | SIE_SEIE);
    csr_set(sstatus, SSTATUS_SIE);
    sbi_set_timer(time_now() + TICK_INTERVAL);
    while (ticks < TIMER_TICKS)
        __asm__ volatile("wfi");

    if (IPC_BASE)
        ipc_exchange();
    say(UART_IRQ ? "ready: type to echo" : "ready");
    for (;;)
        __asm__ volatile("wfi");
}
