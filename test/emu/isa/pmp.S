/* PMP: NA4, NAPOT and TOR regions, priority, permissions for S/U, M-mode exemption unless
   locked, locked entries ignoring writes, and the address register's granularity. */
#include "common/test.h"
#define NAPOT_4K(sym) la t1, sym; srli t1, t1, 2; ori t1, t1, 0x1ff
TEST_BEGIN
  /* granularity / width probe on an unused entry */
  li t1, -1; csrw pmpaddr7, t1; SIGCSR(pmpaddr7); csrw pmpaddr7, zero
  /* entries: 0 NA4 read-only word; 1 NAPOT 4 KiB, no access; 2/3 TOR R+X; 4 everything RWX */
  la t1, buf; srli t1, t1, 2; csrw pmpaddr0, t1
  NAPOT_4K(page2); csrw pmpaddr1, t1
  la t1, page3; srli t1, t1, 2; csrw pmpaddr2, t1
  la t1, page3 + 4096; srli t1, t1, 2; csrw pmpaddr3, t1
  li t1, -1; csrw pmpaddr4, t1
  li t1, 0x1f0d001811; csrw pmpcfg0, t1
  sfence.vma
  SIGCSR(pmpcfg0)
  SIGCSR(pmpaddr0)
  SIGCSR(pmpaddr1)
  /* S-mode accesses */
  TO_S
  la t1, buf; ld t0, 0(t1); SIG(t0)
  la t1, buf; lw t0, 0(t1); SIG(t0)
  la t1, buf; sw t0, 0(t1)            /* NA4 read-only: store access fault (7) */
  la t1, buf; lw t0, 4(t1); SIG(t0)   /* next word: falls through to entry 4 */
  la t1, page2; ld t0, 0(t1)          /* load access fault (5) */
  la t1, page2; sd t0, 0(t1)          /* store access fault (7) */
  la t1, page3; ld t0, 0(t1); SIG(t0)
  la t1, page3; sd t0, 0(t1)          /* TOR without W */
  la t1, page3 + 8; jalr t1           /* X allowed: runs the ret */
  SIGI(0x600d)
  ON_FAULT(1f); la t1, page2 + 8; jalr t1   /* instruction access fault (1) */
1: la t1, buf; ld t0, 2(t1)           /* straddles NA4 and entry 4: QEMU faults the whole access */
  TO_U
  la t1, page3; ld t0, 0(t1); SIG(t0)
  la t1, page2; ld t0, 0(t1)
  TO_M
  /* M-mode is not subject to unlocked entries */
  la t1, page2; li t0, 0x4d4d; sd t0, 0(t1); ld t0, 0(t1); SIG(t0)
  /* reserved R=0 W=1 combination */
  li t1, 0x0000001f0d001811 | (0x06 << 40); csrw pmpcfg0, t1; SIGCSR(pmpcfg0)
  li t1, 0x1f0d001811; csrw pmpcfg0, t1
  /* lock entry 1: now M is subject too, and the entry ignores writes */
  li t1, 0x1f0d0098 << 8 | 0x11; csrw pmpcfg0, t1
  sfence.vma
  SIGCSR(pmpcfg0)
  la t1, page2; ld t0, 0(t1)          /* M load access fault */
  la t1, page2; sd t0, 0(t1)          /* M store access fault */
  li t1, 0x12345; csrw pmpaddr1, t1; SIGCSR(pmpaddr1)
  li t1, 0x1f0d001811; csrw pmpcfg0, t1; SIGCSR(pmpcfg0)
TEST_END

  .data
  .align 12
buf: .dword 0x1111222233334444, 0x5555666677778888
  .align 12
page2: .dword 0x2222, 0x00008067
  .align 12
page3: .dword 0x3333, 0x00008067
  .align 12
