/* M-mode start of the CPU-bound benchmark: open PMP for S-mode, build Sv39 page tables (the
   program's 2 MiB of RAM in 4 KiB pages through all three levels, so every TLB miss walks a
   full table; the devices in one gigapage), drop to S-mode with translation on and call
   bench_main (mix.c), which powers off through sifive_test. Any trap is a failure: M-mode
   prints "TRAP" and powers off with a non-zero code. */
#define UART_BASE 0x10000000
#define TEST_BASE 0x100000

  .section .text.init
  .globl _start
_start:
  csrr t0, mhartid
  bnez t0, park
  la sp, stack_top
  la t0, m_trap
  csrw mtvec, t0
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f                     /* NAPOT, RWX: everything */
  csrw pmpcfg0, t0
  li t0, 7                        /* S-mode may read cycle, time, instret */
  csrw mcounteren, t0

  la t0, pt_root
  la t1, pt_l1
  la t2, pt_l0
  li t3, 0xc7                     /* V R W A D: devices gigapage at VA = PA 0 */
  sd t3, 0(t0)
  srli t4, t1, 12                 /* root[2] (VA 0x80000000) -> l1 */
  slli t4, t4, 10
  ori t4, t4, 1
  sd t4, 16(t0)
  srli t4, t2, 12                 /* l1[0] -> l0 */
  slli t4, t4, 10
  ori t4, t4, 1
  sd t4, 0(t1)
  li t5, ((0x80000000 >> 12) << 10) | 0xcf   /* V R W X A D */
  li t6, 512
  li a0, 1 << 10
1: sd t5, 0(t2)
  addi t2, t2, 8
  add t5, t5, a0
  addi t6, t6, -1
  bnez t6, 1b

  srli t0, t0, 12
  li t1, 8 << 60                  /* Sv39 */
  or t0, t0, t1
  csrw satp, t0
  sfence.vma
  li t0, 3 << 11                  /* mstatus.MPP = S */
  csrc mstatus, t0
  li t0, 1 << 11
  csrs mstatus, t0
  la t0, s_entry
  csrw mepc, t0
  mret

s_entry:
  call bench_main
park:
  wfi
  j park

  .align 4
m_trap:
  li t0, UART_BASE
  li t1, 'T'
  sb t1, 0(t0)
  li t1, 'R'
  sb t1, 0(t0)
  li t1, 'A'
  sb t1, 0(t0)
  li t1, 'P'
  sb t1, 0(t0)
  li t1, '\n'
  sb t1, 0(t0)
  li t0, TEST_BASE
  li t1, (1 << 16) | 0x3333       /* FAIL, code 1 */
  sw t1, 0(t0)
  j park

  .bss
  .align 12
pt_root: .skip 4096
pt_l1: .skip 4096
pt_l0: .skip 4096
stack: .skip 16384
stack_top:
