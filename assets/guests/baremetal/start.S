/*
 * Bao Studio bare-metal demo guest: entry and trap vector (RV64, S/VS-mode).
 * Bao starts vCPU 0 at the VM entry with a0 = vCPU id; the others are started by vCPU 0
 * through SBI HSM hart_start at the same entry, so every vCPU comes through _start.
 */
    .section .text.start, "ax"
    .globl _start
_start:
    mv      tp, a0                  /* tp = vCPU id for the whole run */
.option push
.option norelax
    la      gp, __global_pointer$
.option pop
    /* One stack of STACK_SIZE per vCPU, above the image. */
    la      sp, __stacks_start
    li      t0, STACK_SIZE
    addi    t1, a0, 1
    mul     t0, t0, t1
    add     sp, sp, t0
    la      t0, trap_entry
    csrw    stvec, t0
    /* The first vCPU to arrive clears .bss; the others wait for it. */
    la      t0, boot_claimed
    li      t1, 1
    amoswap.w.aq t2, t1, (t0)
    bnez    t2, 2f
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 3f
    sd      zero, 0(t0)
    addi    t0, t0, 8
    j       1b
3:  fence   rw, rw
    la      t0, bss_ready
    li      t1, 1
    sw      t1, 0(t0)
2:  la      t0, bss_ready
4:  lw      t1, 0(t0)
    beqz    t1, 4b
    fence   r, rw
    mv      a0, tp
    call    guest_main
5:  wfi
    j       5b

/* Saves the caller-saved registers, calls trap_handler(scause, stval), returns with sret. */
    .align  4
trap_entry:
    addi    sp, sp, -128
    sd      ra, 0(sp)
    sd      t0, 8(sp)
    sd      t1, 16(sp)
    sd      t2, 24(sp)
    sd      a0, 32(sp)
    sd      a1, 40(sp)
    sd      a2, 48(sp)
    sd      a3, 56(sp)
    sd      a4, 64(sp)
    sd      a5, 72(sp)
    sd      a6, 80(sp)
    sd      a7, 88(sp)
    sd      t3, 96(sp)
    sd      t4, 104(sp)
    sd      t5, 112(sp)
    sd      t6, 120(sp)
    csrr    a0, scause
    csrr    a1, stval
    call    trap_handler
    ld      ra, 0(sp)
    ld      t0, 8(sp)
    ld      t1, 16(sp)
    ld      t2, 24(sp)
    ld      a0, 32(sp)
    ld      a1, 40(sp)
    ld      a2, 48(sp)
    ld      a3, 56(sp)
    ld      a4, 64(sp)
    ld      a5, 72(sp)
    ld      a6, 80(sp)
    ld      a7, 88(sp)
    ld      t3, 96(sp)
    ld      t4, 104(sp)
    ld      t5, 112(sp)
    ld      t6, 120(sp)
    addi    sp, sp, 128
    sret

    .section .data
    .align  3
boot_claimed: .word 0
bss_ready:    .word 0
