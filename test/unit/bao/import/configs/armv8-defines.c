/**
 * Written for Bao Studio's importer tests: an Armv8 board with #define'd addresses, arithmetic,
 * casts, a GICv3, an SMMU, stream ids, commented-out list elements and binary literals.
 */
#include <config.h>
#include <plat/platform.h>

#define UART_BASE       0xFF010000
#define GUEST_BASE      0x00000000
#define GUEST_SIZE      (0x40000000 - 0x00100000)
#define HALF_GIB        (512 * 1024 * 1024)
#define ETH_IRQ         95

VM_IMAGE(rtos, "/srv/images/freertos.bin")
VM_IMAGE(lnx, XSTR(OUT/linux+dtb.bin))

struct config config = {
    CONFIG_HEADER
    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]) {
        [0] = { .size = 0x8000, }
    },
    .vmlist_size = 2,
    .vmlist = (struct vm_config[]) {
        { //Linux VM
            .image = {
                .base_addr = GUEST_BASE,
                .load_addr = VM_IMAGE_OFFSET(lnx),
                .size = VM_IMAGE_SIZE(lnx),
            },
            .entry = GUEST_BASE,
            .cpu_affinity = 0b1110,
            .colors = 0x0F0f0F0f,
            .platform = {
                .cpu_num = 3,
                .region_num = 2,
                .regions = (struct vm_mem_region[]) {
                    { .base = GUEST_BASE, .size = GUEST_SIZE },
                    { .base = 0x800000000, .size = HALF_GIB + HALF_GIB, .colors = 0xF0 },
                },
                .dev_num = 3,
                .devs = (struct vm_dev_region[]) {
                    {
                        /* GEM3 */
                        .id = 0x877, /* stream id */
                        .pa = 0xff0e0000,
                        .va = 0xff0e0000,
                        .size = 0x1000,
                        .interrupt_num = 2,
                        .interrupts = (irqid_t[]) {ETH_IRQ, ETH_IRQ + 1, /*97,*/}
                    },
                    /* {
                        .pa = 0xff000000,
                    }, */
                    {
                        /* UART1 */
                        .pa = UART_BASE,
                        .va = (paddr_t)UART_BASE,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (unsigned[]) {54}
                    },
                    {   /* Arch timer interrupt */
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {27}
                    },
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        .base = 0xf0000000,
                        .size = 0x8000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52}
                    }
                },
                .arch = {
                    .gic = {
                        .gicd_addr = 0xF9010000,
                        .gicr_addr = 0xF9020000,
                        .interrupt_num = 192,
                    },
                    .smmu = {
                        .global_mask = 0x7c00,
                        .group_num = 1,
                        .groups = (struct smmu_group[]) {
                            { .mask = 0x7c00, .id = 0x877 },
                        },
                    },
                },
            },
        },
        {
            .image = {
                .base_addr = 0x0,
                .load_addr = VM_IMAGE_OFFSET(rtos),
                .size = VM_IMAGE_SIZE(rtos),
            },
            .entry = 0x0,
            .cpu_affinity = 0x1,
            .platform = {
                .cpu_num = 1,
                .mmu = true,
                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    { .base = 0x0, .size = 0x8000000 }
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        .base = 0x70000000,
                        .size = 0x8000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52}
                    }
                },
                .arch = {
                    .gic = {
                        .gicd_addr = 0xF9010000,
                        .gicc_addr = 0xF9020000,
                    }
                }
            },
        }
    }
};
