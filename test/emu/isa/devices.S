/* The virt board's devices as seen by software: PLIC registers (priorities past the last
   source, enables, threshold), the UART's registers and its THR-empty interrupt routed through
   the PLIC to M-mode (pending, claim, complete), CLINT msip/mtimecmp, virtio-mmio slot IDs. */
#include "common/test.h"
#define PLIC 0x0c000000
#define PLIC_PENDING (PLIC + 0x1000)
#define PLIC_ENABLE0 (PLIC + 0x2000)         /* context 0 = hart 0 M-mode */
#define PLIC_ENABLE1 (PLIC + 0x2080)         /* context 1 = hart 0 S-mode */
#define PLIC_CTX0 (PLIC + 0x200000)          /* threshold, +4 claim/complete */
#define UART_IRQ 10
#define RD32(addr) li t1, addr; lwu t0, 0(t1); SIG(t0)
#define WR32(addr, v) li t1, addr; li t0, v; sw t0, 0(t1)
#define RD8(addr) li t1, addr; lbu t0, 0(t1); SIG(t0)
#define WR8(addr, v) li t1, addr; li t0, v; sb t0, 0(t1)
TEST_BEGIN
  /* PLIC priorities: write 7 everywhere 1..100, read back around the last source (95) */
  li t1, PLIC + 4; li t2, PLIC + 4 * 101; li t0, 7
1: sw t0, 0(t1); addi t1, t1, 4; bltu t1, t2, 1b
  RD32(PLIC + 4 * 1)
  RD32(PLIC + 4 * 95)
  RD32(PLIC + 4 * 96)
  RD32(PLIC + 4 * 100)
  WR32(PLIC + 4 * 3, 0xffffffff)
  RD32(PLIC + 4 * 3)
  /* enables: all ones, read back which sources exist */
  WR32(PLIC_ENABLE1, 0xffffffff); RD32(PLIC_ENABLE1)
  WR32(PLIC_ENABLE1 + 8, 0xffffffff); RD32(PLIC_ENABLE1 + 8)
  WR32(PLIC_ENABLE1 + 12, 0xffffffff); RD32(PLIC_ENABLE1 + 12)
  WR32(PLIC_ENABLE1, 0); WR32(PLIC_ENABLE1 + 8, 0); WR32(PLIC_ENABLE1 + 12, 0)
  /* threshold */
  WR32(PLIC_CTX0, 0xffffffff); RD32(PLIC_CTX0)
  WR32(PLIC_CTX0, 0)
  /* nothing pending, claim returns 0 */
  RD32(PLIC_PENDING)
  RD32(PLIC_CTX0 + 4)
  /* UART registers after reset */
  RD8(UART_BASE + 1)   /* IER */
  RD8(UART_BASE + 2)   /* IIR: no interrupt */
  RD8(UART_BASE + 3)   /* LCR */
  RD8(UART_BASE + 4)   /* MCR */
  RD8(UART_BASE + 5)   /* LSR: THR empty, idle */
  WR8(UART_BASE + 7, 0xa5); RD8(UART_BASE + 7)  /* scratch */
  WR8(UART_BASE + 3, 0x83); RD8(UART_BASE + 3)  /* DLAB on */
  WR8(UART_BASE + 0, 0x01); WR8(UART_BASE + 1, 0x00)
  RD8(UART_BASE + 0); RD8(UART_BASE + 1)        /* divisor latch */
  WR8(UART_BASE + 3, 0x03); RD8(UART_BASE + 3)  /* DLAB off, 8N1 */
  /* THR-empty interrupt → PLIC source 10 → hart 0 M external interrupt */
  WR32(PLIC + 4 * UART_IRQ, 1)
  WR32(PLIC_ENABLE0, 1 << UART_IRQ)
  li t1, (1 << 11); csrs mie, t1
  WR8(UART_BASE + 1, 0x02)                      /* IER.ETBEI */
2: csrr t0, mip; li t1, (1 << 11); and t0, t0, t1; beqz t0, 2b
  SIGCSR(mip)
  RD8(UART_BASE + 2)                            /* IIR: THR empty (0x02 | FIFO bits) */
  RD32(PLIC_PENDING)
  li t1, PLIC_CTX0 + 4; lwu s0, 0(t1); SIG(s0)  /* claim: 10 */
  RD32(PLIC_PENDING)                            /* claimed: no longer pending */
  RD32(PLIC_CTX0 + 4)                           /* second claim: 0 */
  WR8(UART_BASE + 1, 0x00)                      /* interrupt source off */
  li t1, PLIC_CTX0 + 4; sw s0, 0(t1)            /* complete */
  RD32(PLIC_PENDING)
  csrr t0, mip; li t1, (1 << 11); and t0, t0, t1; SIG(t0)
  li t1, (1 << 11); csrc mie, t1
  WR32(PLIC_ENABLE0, 0)
  /* CLINT: msip keeps bit 0 only; mtimecmp is 64-bit read/write */
  WR32(CLINT_BASE, 0xffffffff); RD32(CLINT_BASE); WR32(CLINT_BASE, 0)
  li t1, CLINT_MTIMECMP; li t0, 0x123456789abcdef0; sd t0, 0(t1); ld t0, 0(t1); SIG(t0)
  lwu t0, 4(t1); SIG(t0)
  li t0, -1; sd t0, 0(t1)
  /* virtio-mmio slots 0 and 7: magic, version, device id (0: none), vendor */
  RD32(0x10001000); RD32(0x10001004); RD32(0x10001008); RD32(0x1000100c)
  RD32(0x10008000); RD32(0x10008004); RD32(0x10008008); RD32(0x1000800c)
TEST_END
