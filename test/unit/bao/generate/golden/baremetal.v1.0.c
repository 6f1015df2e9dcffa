/*
 * baremetal: Bao v1.0 configuration for qemu-riscv64-virt.
 * Workshop setup I: one bare-metal VM with 1 vCPU and 64 MiB at 0x80200000, owning the UART
 * (0x10000000, irq 10); virtual PLIC at 0xc000000.
 * Written by Bao Studio. VM_IMAGE paths are relative to BAO_WRKDIR_IMGS, which the build
 * defines (CPPFLAGS=-DBAO_WRKDIR_IMGS=<directory of the guest images>).
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAO_WRKDIR_IMGS/baremetal.bin))

struct config config = {
    CONFIG_HEADER

    .vmlist_size = 1,
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
    },
};
