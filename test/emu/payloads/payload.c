/*
 * An S-mode payload that exercises what a hypervisor needs from OpenSBI on the virt board:
 * SBI legacy console, direct NS16550A output, SBI BASE probing, HSM hart_start of every other
 * hart, IPI send_ipi to them, RFENCE remote fences, TIME set_timer with supervisor timer
 * interrupts, and SRST shutdown. Its output must be the same in QEMU and in our emulator
 * (only deterministic facts are printed).
 */
#include <stdint.h>

#define UART ((volatile uint8_t *)0x10000000)
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494D45
#define SBI_EXT_HSM 0x48534D
#define SBI_EXT_SRST 0x53525354
#define MAX_HARTS 8
#define TICKS 3

struct sbiret {
  long error;
  long value;
};

static struct sbiret sbi_call(long ext, long fid, long a0, long a1, long a2) {
  register long r0 asm("a0") = a0;
  register long r1 asm("a1") = a1;
  register long r2 asm("a2") = a2;
  register long r6 asm("a6") = fid;
  register long r7 asm("a7") = ext;
  asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
  return (struct sbiret){r0, r1};
}

static void sbi_putc(char c) {
  register long r0 asm("a0") = c;
  register long r7 asm("a7") = 1; /* legacy console_putchar */
  asm volatile("ecall" : "+r"(r0) : "r"(r7) : "memory");
}

static void sbi_puts(const char *s) {
  while (*s) sbi_putc(*s++);
}

static void uart_puts(const char *s) {
  for (; *s; s++) {
    while (!(UART[5] & 0x20)) {
    }
    UART[0] = (uint8_t)*s;
  }
}

static void sbi_putn(unsigned long v) {
  char buf[24];
  int i = 0;
  do buf[i++] = (char)('0' + v % 10);
  while ((v /= 10) != 0);
  while (i) sbi_putc(buf[--i]);
}

static void sbi_puthex(unsigned long v) {
  sbi_puts("0x");
  for (int s = 60; s >= 0; s -= 4) sbi_putc("0123456789abcdef"[(v >> s) & 15]);
}

static inline unsigned long rdtime(void) {
  unsigned long t;
  asm volatile("rdtime %0" : "=r"(t));
  return t;
}

extern void secondary_entry(void);
extern void trap_entry(void);

static volatile int started[MAX_HARTS];
static volatile int ipi_seen[MAX_HARTS];
static volatile unsigned long ticks;

/* Secondary harts: report in, wait for a supervisor software interrupt sent with SBI IPI,
   acknowledge it, then stop through HSM. */
void secondary_main(unsigned long hartid, unsigned long opaque) {
  if (hartid >= MAX_HARTS || opaque != 0xb0a7) return;
  asm volatile("csrw stvec, %0" ::"r"(trap_entry));
  asm volatile("csrs sie, %0" ::"r"(1UL << 1));
  __atomic_store_n(&started[hartid], 1, __ATOMIC_SEQ_CST);
  while (!__atomic_load_n(&ipi_seen[hartid], __ATOMIC_SEQ_CST)) {
    asm volatile("wfi");
    unsigned long sip;
    asm volatile("csrr %0, sip" : "=r"(sip));
    if (sip & 2) {
      asm volatile("csrc sip, %0" ::"r"(2UL));
      __atomic_store_n(&ipi_seen[hartid], 1, __ATOMIC_SEQ_CST);
    }
  }
  /* stop: this hart goes back to OpenSBI, HSM status STOPPED */
  sbi_call(SBI_EXT_HSM, 1, 0, 0, 0);
}

void trap_handler(void) {
  unsigned long cause;
  asm volatile("csrr %0, scause" : "=r"(cause));
  if (cause == ((1UL << 63) | 5)) {
    ticks++;
    if (ticks < TICKS)
      sbi_call(SBI_EXT_TIME, 0, (long)(rdtime() + 10000), 0, 0);
    else
      sbi_call(SBI_EXT_TIME, 0, -1L, 0, 0); /* far future: clears the pending timer */
    return;
  }
  sbi_puts("payload: unexpected trap, scause ");
  sbi_puthex(cause);
  sbi_puts("\n");
  sbi_call(SBI_EXT_SRST, 0, 0, 1, 0);
}

void payload_main(unsigned long hartid, unsigned long fdt) {
  (void)fdt;
  sbi_puts("payload: hello through the SBI console\n");
  uart_puts("payload: hello through the UART\n");

  struct sbiret spec = sbi_call(SBI_EXT_BASE, 0, 0, 0, 0);
  sbi_puts("payload: SBI spec ");
  sbi_putn((unsigned long)spec.value >> 24);
  sbi_puts(".");
  sbi_putn((unsigned long)spec.value & 0xffffff);
  sbi_puts("\n");
  static const long exts[] = {SBI_EXT_TIME, 0x735049, 0x52464E43, SBI_EXT_HSM, SBI_EXT_SRST};
  static const char *names[] = {"TIME", "IPI", "RFENCE", "HSM", "SRST"};
  for (int i = 0; i < 5; i++) {
    struct sbiret p = sbi_call(SBI_EXT_BASE, 3, exts[i], 0, 0);
    sbi_puts("payload: extension ");
    sbi_puts(names[i]);
    sbi_puts(p.value ? " present\n" : " missing\n");
  }

  /* Start every other hart that exists (hart_get_status fails past the last one). */
  unsigned long harts = 0, want = 0;
  for (unsigned long h = 0; h < MAX_HARTS; h++) {
    struct sbiret st = sbi_call(SBI_EXT_HSM, 2, (long)h, 0, 0);
    if (st.error) break;
    harts++;
    if (h == hartid) continue;
    struct sbiret r = sbi_call(SBI_EXT_HSM, 0, (long)h, (long)secondary_entry, 0xb0a7);
    if (r.error) {
      sbi_puts("payload: hart_start failed\n");
    } else {
      want++;
    }
  }
  sbi_puts("payload: harts ");
  sbi_putn(harts);
  sbi_puts("\n");
  for (unsigned long h = 0; h < harts; h++) {
    if (h == hartid) continue;
    while (!__atomic_load_n(&started[h], __ATOMIC_SEQ_CST)) {
    }
    sbi_puts("payload: hart ");
    sbi_putn(h);
    sbi_puts(" started\n");
  }

  /* IPIs to every other hart (SBI IPI send_ipi with a hart mask), then remote fences. */
  if (harts > 1) {
    unsigned long mask = ((1UL << harts) - 1) & ~(1UL << hartid);
    struct sbiret r = sbi_call(0x735049, 0, (long)mask, 0, 0);
    if (r.error) sbi_puts("payload: send_ipi failed\n");
    unsigned long acks = 0;
    for (unsigned long h = 0; h < harts; h++) {
      if (h == hartid) continue;
      while (!__atomic_load_n(&ipi_seen[h], __ATOMIC_SEQ_CST)) {
      }
      acks++;
    }
    sbi_puts("payload: IPIs acknowledged by ");
    sbi_putn(acks);
    sbi_puts(" harts\n");
  }
  struct sbiret f1 = sbi_call(0x52464E43, 0, -1L, 0, 0);            /* remote_fence_i, all harts */
  struct sbiret f2 = sbi_call(0x52464E43, 1, -1L, 0, 0x80200000);   /* remote_sfence_vma */
  sbi_puts(f1.error || f2.error ? "payload: RFENCE failed\n" : "payload: RFENCE ok\n");

  /* Timer interrupts through SBI TIME. */
  asm volatile("csrw stvec, %0" ::"r"(trap_entry));
  asm volatile("csrs sie, %0" ::"r"(1UL << 5));
  asm volatile("csrs sstatus, %0" ::"r"(1UL << 1));
  sbi_call(SBI_EXT_TIME, 0, (long)(rdtime() + 10000), 0, 0);
  while (ticks < TICKS) asm volatile("wfi");
  asm volatile("csrc sstatus, %0" ::"r"(1UL << 1));
  sbi_puts("payload: timer interrupts ");
  sbi_putn(ticks);
  sbi_puts("\n");

  sbi_puts("payload: shutting down\n");
  sbi_call(SBI_EXT_SRST, 0, 0, 0, 0);
  sbi_puts("payload: still alive after SRST\n");
}
