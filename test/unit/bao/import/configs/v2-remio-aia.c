// Written for Bao Studio's importer tests: Bao v2 syntax with remote I/O, an AIA interrupt
// controller, hypervisor data relocation and VM_IMAGE_BUILTIN / VM_IMAGE_LOADED.
#include <config.h>

VM_IMAGE(backend, XSTR(IMGS/linux_backend.bin))

struct config config = {
    .hyp = {
        .data_relocate = true,
        .data_addr = 0x100000000,
        .colors = 0b1111,
    },

    .shmemlist_size = 2,
    .shmemlist = (struct shmem[]) {
        [1] = { .size = 0x00800000, .place_phys = true, .phys = 0xd8000000 },
        [0] = { .size = 0x01000000, .colors = 0x3, .reserved = false },
    },

    .vmlist_size = 2,
    .vmlist = (struct vm_config[]) {
        {
            .image = VM_IMAGE_BUILTIN(backend, 0x90200000),
            .entry = 0x90200000,
            .cpu_affinity = 0b0011,
            .platform = {
                .cpu_num = 2,
                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    { .base = 0x90000000, .size = 0x20000000, .reserved = true },
                },
                .remio_dev_num = 1,
                .remio_devs = (struct remio_dev[]) {
                    {
                        .bind_key = 7,
                        .type = REMIO_DEV_BACKEND,
                        .interrupt = 36,
                        .shmem = { .base = 0xd0000000, .size = 0x01000000, .shmem_id = 0 },
                    },
                },
                .arch = {
                    .irqc.aia = {
                        .aplic.base = 0xd000000,
                        .imsic = { .base = 0x28000000 },
                    },
                },
            },
        },
        {
            .image = VM_IMAGE_LOADED(0x80000000, 0x88000000, 2 * 1024 * 1024),
            .entry = 0x80000000,
            .cpu_affinity = 0x4,
            .platform = {
                .cpu_num = 1,
                .region_num = 1,
                .regions = (struct vm_mem_region[]) {
                    { .base = 0x80000000, .size = 0x8000000 }
                },
                .remio_dev_num = 1,
                .remio_devs = (struct remio_dev[]) {
                    {   /* virtio-blk frontend */
                        .bind_key = 7,
                        .type = REMIO_DEV_FRONTEND,
                        .va = 0xa003e00,
                        .size = 0x200,
                        .interrupt = 79,
                        .shmem = { .base = 0xd0000000, .size = 0x01000000, .shmem_id = 0 },
                    },
                },
                .arch = { .irqc.aia.aplic.base = 0xd000000, },
            },
        },
    },
};
