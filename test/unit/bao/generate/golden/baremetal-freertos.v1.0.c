/*
 * baremetal-freertos: Bao v1.0 configuration for qemu-riscv64-virt.
 * Workshop setup III: a bare-metal VM (3 vCPUs, 64 MiB, UART with irq 10) next to a FreeRTOS VM
 * (1 vCPU, 128 MiB at 0x0) that maps the same UART at 0xff000000 without its interrupt, and a
 * 64 KiB shared memory FreeRTOS sees at 0x70000000 (irq 52), as in the workshop.
 * Written by Bao Studio. VM_IMAGE paths are relative to BAO_WRKDIR_IMGS, which the build
 * defines (CPPFLAGS=-DBAO_WRKDIR_IMGS=<directory of the guest images>).
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAO_WRKDIR_IMGS/baremetal.bin))
VM_IMAGE(freertos_image, XSTR(BAO_WRKDIR_IMGS/freertos.bin))

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
                .cpu_num = 3,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x80200000,
                        .size = 0x4000000,
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
            /* freertos */
            .image = VM_IMAGE_BUILTIN(freertos_image, 0x0),

            .entry = 0x0,

            .platform = {
                .cpu_num = 1,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x0,
                        .size = 0x8000000,
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
                        .va = 0xff000000,
                        .size = 0x1000,
                    },
                },

                .arch = {
                    .irqc.plic.base = 0xc000000,
                },
            },
        },
    },
};
