/*
 * A stand-in for Bao's <config.h>, written for Bao Studio's compile test from the field lists in
 * shared/reference/schema.md (not copied from Bao): the structs a config.c initialises, for
 * Bao v1.0 (vmlist is a flexible array member) or Bao v2 (vmlist is a pointer), and the
 * VM_IMAGE macro family. Select with -DBAO_V1 (default v2) and -DBAO_ARCH_ARMV8 (default RISC-V).
 * The image macros really .incbin the file, so a compile with -c checks the paths too.
 */
#ifndef BAO_STUDIO_TEST_CONFIG_H
#define BAO_STUDIO_TEST_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uintptr_t paddr_t;
typedef uintptr_t vaddr_t;
typedef unsigned long colormap_t;
typedef unsigned long cpumap_t;
typedef unsigned irqid_t;
typedef unsigned deviceid_t;
typedef deviceid_t streamid_t;
typedef size_t remio_bind_key_t;

#define STR(s) #s
#define XSTR(s) STR(s)

/* Declares the image's begin/size symbols and includes the file in its own section. */
#define VM_IMAGE(img_name, img_path)                                                    \
    extern uint8_t _##img_name##_vm_beg[];                                              \
    extern uint8_t _##img_name##_vm_size[];                                             \
    __asm__(".pushsection .vm_image_" #img_name ", \"a\"\n"                             \
            ".global _" #img_name "_vm_beg\n"                                           \
            "_" #img_name "_vm_beg:\n"                                                  \
            ".incbin " XSTR(img_path) "\n"                                              \
            "_" #img_name "_vm_end:\n"                                                  \
            ".global _" #img_name "_vm_size\n"                                          \
            ".set _" #img_name "_vm_size, (_" #img_name "_vm_end - _" #img_name "_vm_beg)\n" \
            ".popsection\n");

#define VM_IMAGE_OFFSET(img_name) ((paddr_t)_##img_name##_vm_beg)
#define VM_IMAGE_SIZE(img_name)   ((size_t)_##img_name##_vm_size)

#define VM_IMAGE_BUILTIN(img_name, image_base_addr)                   \
    {                                                                 \
        .base_addr = (image_base_addr),                               \
        .load_addr = VM_IMAGE_OFFSET(img_name),                       \
        .size = VM_IMAGE_SIZE(img_name),                              \
        .separately_loaded = false,                                   \
    }

#define VM_IMAGE_LOADED(image_base_addr, image_load_addr, image_size) \
    {                                                                 \
        .base_addr = (image_base_addr),                               \
        .load_addr = (image_load_addr),                               \
        .size = (image_size),                                         \
        .separately_loaded = true,                                    \
    }

/* Empty in both versions: kept for older configs. */
#define CONFIG_HEADER

struct vm_mem_region {
    paddr_t base;
    size_t size;
    colormap_t colors;
#ifdef BAO_V1
    bool place_phys;
    paddr_t phys;
#else
    struct {
        bool place_phys;
        paddr_t phys;
        bool reserved;
    };
#endif
};

struct vm_dev_region {
    paddr_t pa;
    vaddr_t va;
    size_t size;
    size_t interrupt_num;
    irqid_t* interrupts;
    deviceid_t id;
};

struct ipc {
    paddr_t base;
    size_t size;
    size_t shmem_id;
    size_t interrupt_num;
    irqid_t* interrupts;
};

struct shmem {
    size_t size;
    colormap_t colors;
    bool place_phys;
    union {
        paddr_t base;
        paddr_t phys;
    };
#ifndef BAO_V1
    bool reserved;
#endif
    cpumap_t cpu_masters;
    int lock;
};

#ifndef BAO_V1
enum REMIO_DEV_TYPE { REMIO_DEV_FRONTEND = 0, REMIO_DEV_BACKEND };

struct remio_shmem {
    paddr_t base;
    size_t size;
    size_t shmem_id;
};

struct remio_dev {
    vaddr_t va;
    size_t size;
    irqid_t interrupt;
    remio_bind_key_t bind_key;
    enum REMIO_DEV_TYPE type;
    struct remio_shmem shmem;
};
#endif

#ifdef BAO_ARCH_ARMV8
struct smmu_group {
    streamid_t mask;
    streamid_t id;
};

struct arch_vm_platform {
    struct {
        paddr_t gicd_addr;
        paddr_t gicc_addr;
        paddr_t gicr_addr;
        size_t interrupt_num;
    } gic;
    struct {
        streamid_t global_mask;
        size_t group_num;
        struct smmu_group* groups;
    } smmu;
};
#else
struct arch_vm_platform {
    union {
        struct {
            paddr_t base;
        } plic;
        struct {
            struct {
                paddr_t base;
            } aplic;
#ifndef BAO_V1
            struct {
                paddr_t base;
            } imsic;
#endif
        } aia;
    } irqc;
};
#endif

struct vm_platform {
    size_t cpu_num;
    size_t region_num;
    struct vm_mem_region* regions;
    size_t ipc_num;
    struct ipc* ipcs;
    size_t dev_num;
    struct vm_dev_region* devs;
#ifndef BAO_V1
    size_t remio_dev_num;
    struct remio_dev* remio_devs;
#endif
    bool mmu;
    struct arch_vm_platform arch;
};

struct vm_config {
    struct {
        vaddr_t base_addr;
        paddr_t load_addr;
        size_t size;
        bool separately_loaded;
        bool inplace;
#ifndef BAO_V1
        bool reserved;
#endif
    } image;
    vaddr_t entry;
    cpumap_t cpu_affinity;
    colormap_t colors;
    struct vm_platform platform;
};

struct config {
    struct {
        bool relocate;
        paddr_t base_addr;
#ifndef BAO_V1
        bool data_relocate;
        paddr_t data_addr;
#endif
        colormap_t colors;
    } hyp;
    size_t shmemlist_size;
    struct shmem* shmemlist;
    size_t vmlist_size;
#ifdef BAO_V1
    struct vm_config vmlist[];
#else
    struct vm_config* vmlist;
#endif
};

#endif /* BAO_STUDIO_TEST_CONFIG_H */
