/*
 * baremetal-4vcpu: Bao v2 configuration for qemu-riscv64-virt.
 * Workshop setup II: the bare-metal VM of setup I with 4 vCPUs and 128 MiB, every hart printing
 * on the UART.
 * Written by Bao Studio. VM_IMAGE paths are relative to BAO_WRKDIR_IMGS, which the build
 * defines (CPPFLAGS=-DBAO_WRKDIR_IMGS=<directory of the guest images>).
 */
#include <config.h>

VM_IMAGE(baremetal_image, XSTR(BAO_WRKDIR_IMGS/baremetal.bin))

struct config config = {
    CONFIG_HEADER

    .vmlist_size = 1,
    .vmlist = (struct vm_config[]) {
        {
            /* baremetal */
            .image = VM_IMAGE_BUILTIN(baremetal_image, 0x80200000),

            .entry = 0x80200000,

            .platform = {
                .cpu_num = 4,

                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    {
                        .base = 0x80200000,
                        .size = 0x8000000,
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
