/* Written for Bao Studio's importer tests: the pre-v1.0 (v0.1) spellings. */
#include <config.h>

VM_IMAGE(guest, /opt/images/guest-v0.1.bin);

struct config config = {
    CONFIG_HEADER,
    .vmlist_size = 1,
    .vmlist = {
        {
            .image = {
                .base_addr = 0x80200000,
                .load_addr = VM_IMAGE_OFFSET(guest),
                .size = VM_IMAGE_SIZE(guest),
            },
            .entry = 0x80200000,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct mem_region[]) {
                    { .base = 0x80200000, .size = 0x8000000, },
                },
                .dev_num = 2,
                .devs = (struct dev_region[]) {
                    {
                        /* uart */
                        .pa = 0x10000000,
                        .va = 0x10000000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts =
                            (uint64_t[]) {10}
                    },
                    {
                        /* rtc */
                        .pa = 0x101000,
                        .va = 0x101000,
                        .size = 0x1000,
                        .interrupt_num = 1,
                        .interrupts = (uint64_t[]) {11}
                    },
                },
                .arch = {
                    .plic_base = 0xc000000,
                },
            },
        },
    },
};
