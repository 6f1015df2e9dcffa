/*
 * Shared frame of the ISA conformance programs (run in our emulator and in QEMU, compared).
 *
 * Register conventions: gp (x3) is the signature pointer, nothing else may touch it. Test code
 * appends results with SIG(reg); the M-mode trap handler appends (mcause, mepc, mtval) for every
 * trap. At the end, PASS prints the signature on the UART as "SIG nnn xxxxxxxxxxxxxxxx" lines
 * and powers off through sifive_test.
 *
 * Trap handler rules (all traps go to M unless a test delegates):
 *  - ecall with a7 == SYS_TO_M: return to the next instruction in M-mode (tests use it to come
 *    back from S/U); a7 == SYS_TO_S / SYS_TO_U: continue at the next instruction in S / U mode.
 *    These are not recorded.
 *  - any other exception: record, then resume at t6 (x31) if it is non-zero (and clear t6),
 *    else skip the faulting instruction (2 or 4 bytes).
 *  - interrupts: record (cause, 0, mtval), then silence the source (mtimecmp = -1, msip = 0, mie cleared for
 *    external) and resume.
 */
#define UART_BASE   0x10000000
#define TEST_BASE   0x100000
#define CLINT_BASE  0x2000000
#define CLINT_MTIMECMP (CLINT_BASE + 0x4000)
#define CLINT_MTIME (CLINT_BASE + 0xbff8)

#define SYS_TO_M 0x4d
#define SYS_TO_S 0x53
#define SYS_TO_U 0x55

#define SIG(reg) sd reg, 0(gp); addi gp, gp, 8
#define SIGI(imm) li t5, imm; SIG(t5)
/* Record a CSR's value. */
#define SIGCSR(csr) csrr t5, csr; SIG(t5)

/* Switch privilege from M (or from anywhere, through the handler). */
#define TO_M li a7, SYS_TO_M; ecall
#define TO_S li a7, SYS_TO_S; ecall
#define TO_U li a7, SYS_TO_U; ecall

/* Expect a fault: resume at label if the next instruction traps. */
#define ON_FAULT(label) la t6, label

#define TEST_BEGIN \
  .section .text.init; \
  .globl _start; \
_start: \
  la sp, stack_top; \
  la gp, signature; \
  la t0, trap_handler; \
  csrw mtvec, t0; \
  li t0, (1 << 13); /* mstatus.FS = initial, so FP tests can run */ \
  csrs mstatus, t0; \
  csrwi fcsr, 0; \
  /* PMP entry 0: everything, RWX, so S and U may run (as OpenSBI leaves it) */ \
  li t0, -1; csrw pmpaddr0, t0; li t0, 0x1f; csrw pmpcfg0, t0; \
  li t6, 0; \
  j test_main; \
  TRAP_HANDLER \
  PASS_CODE \
  .text; \
test_main:

#define TEST_END \
  j pass; \
  .bss; \
  .align 4; \
signature: .skip 8 * 1024; \
signature_end: \
  .align 4; \
stack: .skip 4096; \
stack_top: \
trap_save: .skip 8 * 8;

#define TRAP_HANDLER \
  .align 4; \
trap_handler: \
  csrw mscratch, t0; \
  la t0, trap_save; \
  sd t1, 0(t0); sd t2, 8(t0); sd t3, 16(t0); sd t4, 24(t0); \
  csrr t1, mcause; \
  bltz t1, 5f; \
  /* environment calls carrying a mode-switch request */ \
  li t2, 8; bltu t1, t2, 2f; li t2, 11; bgtu t1, t2, 2f; \
  li t2, SYS_TO_M; li t3, 3; beq a7, t2, 1f; \
  li t2, SYS_TO_S; li t3, 1; beq a7, t2, 1f; \
  li t2, SYS_TO_U; li t3, 0; beq a7, t2, 1f; \
  j 2f; \
1: /* set MPP = t3, MPV unchanged, return after the ecall */ \
  li t2, (3 << 11); csrc mstatus, t2; slli t3, t3, 11; csrs mstatus, t3; \
  li a7, 0; \
  csrr t1, mepc; addi t1, t1, 4; csrw mepc, t1; j 9f; \
2: /* record an exception */ \
  SIG(t1); csrr t2, mepc; SIG(t2); csrr t2, mtval; SIG(t2); \
  beqz t6, 3f; csrw mepc, t6; li t6, 0; j 9f; \
3: /* skip the instruction: 2 bytes if compressed */ \
  csrr t2, mepc; lhu t3, 0(t2); andi t3, t3, 3; li t4, 3; \
  addi t2, t2, 2; bne t3, t4, 4f; addi t2, t2, 2; \
4: csrw mepc, t2; j 9f; \
5: /* record an interrupt (not its epc: when it is taken may differ) and silence its source */ \
  SIG(t1); SIG(zero); csrr t2, mtval; SIG(t2); \
  slli t1, t1, 1; srli t1, t1, 1; \
  li t2, 7; bne t1, t2, 6f; li t2, CLINT_MTIMECMP; li t3, -1; sd t3, 0(t2); j 9f; \
6: li t2, 3; bne t1, t2, 7f; li t2, CLINT_BASE; sw zero, 0(t2); j 9f; \
7: li t2, 1; sll t2, t2, t1; csrc mie, t2; csrc mip, t2; \
9: la t0, trap_save; \
  ld t1, 0(t0); ld t2, 8(t0); ld t3, 16(t0); ld t4, 24(t0); \
  csrr t0, mscratch; \
  mret;

#define PASS_CODE \
pass: \
  /* back to M with translation off, whatever the test left behind */ \
  TO_M; \
  csrw satp, zero; \
  la s0, signature; \
  li s1, 0; \
1: bgeu s0, gp, 3f; \
  li a0, 'S'; jal putc; li a0, 'I'; jal putc; li a0, 'G'; jal putc; li a0, ' '; jal putc; \
  mv a0, s1; li a1, 12; jal puthex; li a0, ' '; jal putc; \
  ld a0, 0(s0); li a1, 64; jal puthex; li a0, '\n'; jal putc; \
  addi s0, s0, 8; addi s1, s1, 1; j 1b; \
3: li a0, 'E'; jal putc; li a0, 'N'; jal putc; li a0, 'D'; jal putc; li a0, '\n'; jal putc; \
  li t0, TEST_BASE; li t1, 0x5555; sw t1, 0(t0); \
4: j 4b; \
putc: /* a0 = byte; waits for THR empty (LSR bit 5) */ \
  li t0, UART_BASE; \
5: lbu t1, 5(t0); andi t1, t1, 0x20; beqz t1, 5b; \
  sb a0, 0(t0); ret; \
puthex: /* a0 = value, a1 = bits */ \
  mv s2, ra; mv s3, a0; mv s4, a1; \
6: addi s4, s4, -4; srl a0, s3, s4; andi a0, a0, 15; li t2, 10; blt a0, t2, 7f; addi a0, a0, 'a' - 10 - '0'; \
7: addi a0, a0, '0'; jal putc; bnez s4, 6b; \
  mv ra, s2; ret;
