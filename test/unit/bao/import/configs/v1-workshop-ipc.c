/*
 * Written for Bao Studio's importer tests: two VMs on qemu-riscv64-virt in the Bao v1.0 style
 * (flexible vmlist, CONFIG_HEADER without a comma, VM_IMAGE with a trailing ';').
 */
#include <config.h>

VM_IMAGE(bm_image, XSTR(BUILD_DIR/guests/bare-metal+ipc/app.bin));
VM_IMAGE(lnx_image, XSTR(BUILD_DIR/guests/linux-6.1.bin));

struct config config = {

    CONFIG_HEADER

    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]) {
        [0] = { .size = 0x00010000, },
    },

    .vmlist_size = 2,
    .vmlist = {
        // Bare-metal control VM
        {
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(bm_image),
                .size = VM_IMAGE_SIZE(bm_image)
            },
            .entry = 0x80200000,
            .cpu_affinity = 0x1,

            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    { .base = 0x80200000, .size = 0x4000000 }
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {   /* UART0 ns16550 */
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {10}
                    },
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        .base = 0xf0000000,
                        .size = 0x00010000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52}
                    }
                },
                .arch = {
                   .irqc.plic.base = 0xc000000,
                },
            },
        },
        {
            /* Linux VM */
            .image = {
                .base_addr = 0x90200000,
                .load_addr = VM_IMAGE_OFFSET(lnx_image),
                .size = VM_IMAGE_SIZE(lnx_image)
            },
            .entry = 0x90200000,
            .cpu_affinity = 0xE,
            .platform = {
                .cpu_num = 3,
                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x90000000,
                        .size = 0x40000000,
                        .place_phys = true,
                        .phys = 0x90000000
                    }
                },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {
                        // virtio-mmio slots
                        .pa = 0x10001000,
                        .va = 0x10001000,
                        .size = 0x8000,
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]) {1, 2, 3, 4, 5, 6, 7, 8}
                    },
                },
                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        .base = 0xf0000000,
                        .size = 0x00010000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52}
                    }
                },
                .arch = {
                   .irqc = { .plic = { .base = 0xC000000, }, },
                },
            },
        },
    },
};
