/*
 * baremetal-linux-shmem: Bao v1.0 configuration for qemu-riscv64-virt.
 * Workshop setup V: setup IV plus 64 KiB of shared memory and an IPC link (irq 52) in both VMs,
 * at 0x70000000 in the bare-metal VM and 0xf0000000 in Linux (bao,ipcshmem).
 * Written by Bao Studio. VM_IMAGE paths are relative to BAO_WRKDIR_IMGS, which the build
 * defines (CPPFLAGS=-DBAO_WRKDIR_IMGS=<directory of the guest images>).
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAO_WRKDIR_IMGS/baremetal.bin))
VM_IMAGE(linux_image, XSTR(BAO_WRKDIR_IMGS/linux.bin))

struct config config = {
    CONFIG_HEADER

    .shmemlist_size = 1,
    .shmemlist = (struct shmem[]) {
        [0] = {
            /* ipc0 */
            .size = 0x10000,
        },
    },

    .vmlist_size = 2,
    .vmlist = {
        {
            /* baremetal */
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),

            .entry = 0x80200000,

            .platform = {
                .cpu_num = 1,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x80200000,
                        .size = 0x4000000,
                    },
                },

                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        /* ipc0 */
                        .base = 0x70000000,
                        .size = 0x10000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52},
                    },
                },

                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {
                        /* UART (ns16550a) */
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {10},
                    },
                },

                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
        {
            /* linux */
            .image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),

            .entry = 0x90200000,

            .platform = {
                .cpu_num = 3,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x90000000,
                        .size = 0x40000000,
                        .place_phys = true,
                        .phys = 0x90000000,
                    },
                },

                .ipc_num = 1,
                .ipcs = (struct ipc[]) {
                    {
                        /* ipc0 */
                        .base = 0xf0000000,
                        .size = 0x10000,
                        .shmem_id = 0,
                        .interrupt_num = 1,
                        .interrupts = (irqid_t[]) {52},
                    },
                },

                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    {
                        /* virtio-mmio */
                        .pa = 0x10001000,
                        .va = 0x10001000,
                        .size = 0x8000,
                        .interrupt_num = 8,
                        .interrupts = (irqid_t[]) {1, 2, 3, 4, 5, 6, 7, 8},
                    },
                },

                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
    },
};
