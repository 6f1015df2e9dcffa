/* Entry points: the boot hart arrives from OpenSBI with a0 = hartid, a1 = FDT; the others
   arrive through SBI HSM hart_start with a0 = hartid, a1 = opaque. Each gets a 4 KiB stack. */
  .section .text.entry
  .globl _start
_start:
  la sp, __stacks_top
  slli t0, a0, 12
  sub sp, sp, t0
  la t0, __bss_start
  la t1, __bss_end
1: bgeu t0, t1, 2f
  sd zero, 0(t0)
  addi t0, t0, 8
  j 1b
2: call payload_main
3: wfi
  j 3b

  .globl secondary_entry
secondary_entry:
  la sp, __stacks_top
  slli t0, a0, 12
  sub sp, sp, t0
  call secondary_main
4: wfi
  j 4b

  .align 4
  .globl trap_entry
trap_entry:
  addi sp, sp, -128
  sd ra, 0(sp); sd t0, 8(sp); sd t1, 16(sp); sd t2, 24(sp); sd a0, 32(sp); sd a1, 40(sp)
  sd a2, 48(sp); sd a3, 56(sp); sd a4, 64(sp); sd a5, 72(sp); sd a6, 80(sp); sd a7, 88(sp)
  sd t3, 96(sp); sd t4, 104(sp); sd t5, 112(sp); sd t6, 120(sp)
  call trap_handler
  ld ra, 0(sp); ld t0, 8(sp); ld t1, 16(sp); ld t2, 24(sp); ld a0, 32(sp); ld a1, 40(sp)
  ld a2, 48(sp); ld a3, 56(sp); ld a4, 64(sp); ld a5, 72(sp); ld a6, 80(sp); ld a7, 88(sp)
  ld t3, 96(sp); ld t4, 104(sp); ld t5, 112(sp); ld t6, 120(sp)
  addi sp, sp, 128
  sret
