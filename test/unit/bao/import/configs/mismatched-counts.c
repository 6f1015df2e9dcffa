// Written for Bao Studio's importer tests: declared counts that disagree with their lists.
#include <config.h>
VM_IMAGE(vm0, XSTR(vm0.bin))
struct config config = {
    .shmemlist_size = 3,
    .shmemlist = (struct shmem[]) { { .size = 0x1000 } },
    .vmlist_size = 1,
    .vmlist = (struct vm_config[]) {
        {
            .image = VM_IMAGE_BUILTIN(vm0, 0x80000000),
            .entry = 0x80000000,
            .platform = {
                .cpu_num = 1,
                .region_num = 2,
                .regions = (struct vm_mem_region[]) { { .base = 0x80000000, .size = 0x1000000 } },
                .dev_num = 1,
                .devs = (struct vm_dev_region[]) {
                    { .pa = 0x10000000, .va = 0x10000000, .size = 0x1000, .interrupt_num = 3, .interrupts = (irqid_t[]){10} },
                    { .pa = 0x10001000, .va = 0x10001000, .size = 0x1000 },
                },
                .ipc_num = 0,
                .ipcs = NULL,
            },
        },
    },
};
