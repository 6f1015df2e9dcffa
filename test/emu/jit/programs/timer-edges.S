/* Timer interrupts while hot loops store where the interpreter's fast paths end: sb/sh/sw in the
   last bytes of a page (not crossing it), stores into the loop's own code page (data next to
   translated code), and MMIO reads of mtime inside the loop (the deterministic clock counts the
   instructions of the slice in progress). Only results that do not depend on where interrupts
   land are recorded (compared with QEMU); where they land is compared with the JIT off. */
#include "common/test.h"
#define N 2000
TEST_BEGIN
  la t0, timer_handler; csrw mtvec, t0
  li t0, (1 << 7); csrs mie, t0
  li s11, CLINT_MTIMECMP; li s10, 0; sd s10, 0(s11)   /* first interrupt at once */
  csrsi mstatus, 8
  /* 1. stores at page offsets 0xff9 .. 0xfff */
  la s1, page_a
  addi s1, s1, 0x7ff
  addi s1, s1, 0x7f9          /* page_a + 0xff8 */
  li s2, N
  li a0, 0
1: sb s2, 7(s1)              /* 0xfff */
  sh s2, 5(s1)               /* 0xffd */
  sw s2, 1(s1)               /* 0xff9 */
  sb s2, 4(s1)               /* 0xffc */
  lbu t0, 7(s1)
  add a0, a0, t0
  lw t1, 1(s1)
  xor a0, a0, t1
  addi s2, s2, -1
  bnez s2, 1b
  SIG(a0)
  /* 2. a loop storing into its own code page */
  jal ra, own_page
  SIG(a0)
  /* 3. mtime read through MMIO inside the loop: only the count of passes is recorded */
  li s1, CLINT_MTIME
  la s3, page_a
  li s2, N
  li a1, 0
3: ld t0, 0(s1)
  andi t1, t0, 0x7f8
  add t1, t1, s3
  sd t0, 0(t1)
  addi a1, a1, 1
  addi s2, s2, -1
  bnez s2, 3b
  SIG(a1)
  csrci mstatus, 8
  li t0, (1 << 7); csrc mie, t0
  la t0, trap_handler; csrw mtvec, t0
  la t0, tcount; ld t0, 0(t0)
  sltu t0, zero, t0; SIG(t0)
  j 9f

  .align 4
timer_handler: /* interrupts: count and re-arm 1..4 ticks ahead; exceptions: the frame's */
  csrr s10, mcause
  bgez s10, 1f
  la s11, tcount; ld s10, 0(s11); addi s10, s10, 1; sd s10, 0(s11)
  andi s10, s10, 3; addi s10, s10, 1
  li s11, CLINT_MTIME; ld s11, 0(s11); add s10, s10, s11
  li s11, CLINT_MTIMECMP; sd s10, 0(s11)
  mret
1: j trap_handler

  .balign 4096
own_page:
  la t3, own_data
  li t2, N
  li a0, 0
2: ld t4, 0(t3)
  add t4, t4, t2
  sd t4, 0(t3)
  sw t2, 12(t3)
  add a0, a0, t4
  addi t2, t2, -1
  bnez t2, 2b
  ret
  .align 4
own_data: .dword 0, 0
9:
TEST_END
  .data
  .align 3
tcount: .dword 0
  .align 12
page_a: .skip 4096
