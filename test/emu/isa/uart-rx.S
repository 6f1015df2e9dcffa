/* isa-test: input=hi!\r */
/* UART receive: with FIFOs on and the RX-data interrupt enabled, typed bytes raise PLIC source
   10 to hart 0's M context; the program claims, reads every byte (LSR.DR), completes, and
   records IIR/LSR along the way. Input is typed by the harness once READY is printed. */
#include "common/test.h"
#define PLIC 0x0c000000
#define PLIC_ENABLE0 (PLIC + 0x2000)
#define PLIC_CTX0 (PLIC + 0x200000)
TEST_BEGIN
  li s0, UART_BASE
  li t0, 0x07; sb t0, 2(s0)              /* FCR: FIFOs on, cleared */
  li t0, 0x01; sb t0, 1(s0)              /* IER: RX data available */
  li t1, PLIC + 4 * 10; li t0, 1; sw t0, 0(t1)
  li t1, PLIC_ENABLE0; li t0, (1 << 10); sw t0, 0(t1)
  li t1, PLIC_CTX0; sw zero, 0(t1)
  li t1, (1 << 11); csrs mie, t1         /* MEIE; mstatus.MIE stays 0: poll mip */
  lbu t0, 5(s0); SIG(t0)                 /* LSR before input */
  lbu t0, 2(s0); SIG(t0)                 /* IIR: none pending */
  li a0, 'R'; jal putc; li a0, 'E'; jal putc; li a0, 'A'; jal putc; li a0, 'D'; jal putc; li a0, 'Y'; jal putc; li a0, '\n'; jal putc
  li s1, 0                               /* bytes received */
1: wfi
  csrr t0, mip; li t1, (1 << 11); and t0, t0, t1; beqz t0, 1b
  li t1, PLIC_CTX0 + 4; lwu s2, 0(t1)    /* claim */
  li t0, 10; bne s2, t0, 9f
2: lbu t0, 5(s0); andi t0, t0, 1; beqz t0, 3f
  lbu t0, 0(s0); SIG(t0); addi s1, s1, 1
  li t1, '\r'; beq t0, t1, 4f
  j 2b
3: li t1, PLIC_CTX0 + 4; sw s2, 0(t1)    /* complete, wait for more */
  j 1b
4: li t1, PLIC_CTX0 + 4; sw s2, 0(t1)
  SIG(s1)
  lbu t0, 5(s0); SIG(t0)                 /* LSR after draining */
  lbu t0, 2(s0); andi t0, t0, 0x0f; SIG(t0)   /* IIR: none pending */
  sb zero, 1(s0)
  li t1, (1 << 11); csrc mie, t1
  j 8f
9: SIG(s2)                               /* unexpected claim */
8:
TEST_END
