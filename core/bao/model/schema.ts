// The Bao system model. Field names are Bao's own (struct config / vm_config / vm_platform in
// bao-hypervisor src/core/inc/config.h and vm.h) so a Bao user recognises them; anything that is
// not Bao data (names, comments, guest build metadata) lives in `meta`, and canvas positions live
// in the project's `layout`, so generation can ignore both.
//
// Counts (`region_num`, `dev_num`, `interrupt_num`, ...) are derived from the lists. An imported
// config whose declared count differs from its list keeps the declared count in the optional
// `*_num` field, so import is faithful and validation can flag it (Bao itself never checks: see
// validation_rules.md C1). Models built in the designer never set them.
import { z } from 'zod';
import { u64 } from './numbers.js';

const count = z.number().int().nonnegative();
const irqId = z.number().int().nonnegative();

/** Non-Bao annotations of an element: shown in the UI and emitted as comments. */
export const Meta = z
  .object({
    /** Human name (e.g. "UART0"); generated as a comment before the element. */
    name: z.string().optional(),
    /** Free text kept as a comment (imported comments that are not names land here). */
    comment: z.string().optional(),
  })
  .strict();

export const MemRegion = z
  .object({
    base: u64,
    size: u64,
    colors: u64.optional(),
    place_phys: z.boolean().optional(),
    phys: u64.optional(),
    /** v2 only: bookkeeping, "don't fill it in". */
    reserved: z.boolean().optional(),
    meta: Meta.optional(),
  })
  .strict();

export const DevRegion = z
  .object({
    pa: u64,
    va: u64,
    size: u64,
    interrupts: z.array(irqId).default([]),
    /** Declared interrupt_num when it differs from interrupts.length (import only). */
    interrupt_num: count.optional(),
    /** IOMMU stream/device id; 0 or absent = none. */
    id: z.number().int().nonnegative().optional(),
    meta: Meta.optional(),
  })
  .strict();

export const Ipc = z
  .object({
    base: u64,
    size: u64,
    shmem_id: count,
    interrupts: z.array(irqId).default([]),
    interrupt_num: count.optional(),
    meta: Meta.optional(),
  })
  .strict();

/** v2 Remote I/O (VirtIO) device: a frontend MMIO window or a backend, paired by bind_key. */
export const RemioDev = z
  .object({
    va: u64.optional(),
    size: u64.optional(),
    interrupt: irqId,
    bind_key: count,
    type: z.enum(['REMIO_DEV_FRONTEND', 'REMIO_DEV_BACKEND']),
    shmem: z.object({ base: u64, size: u64, shmem_id: count }).strict(),
    meta: Meta.optional(),
  })
  .strict();

export const SmmuGroup = z
  .object({ mask: z.number().int().nonnegative(), id: z.number().int().nonnegative() })
  .strict();

export const ArchVmPlatform = z
  .object({
    /** RISC-V: the virtual interrupt controller. `irqc` is a union in Bao: plic.base aliases aia.aplic.base. */
    irqc: z
      .object({
        plic: z.object({ base: u64 }).strict().optional(),
        aia: z
          .object({
            aplic: z.object({ base: u64 }).strict(),
            /** v2 only (vIMSIC). */
            imsic: z.object({ base: u64 }).strict().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** Armv8: guest addresses of the vGIC distributor / CPU interface (GICv2) / redistributor (GICv3). */
    gic: z
      .object({
        gicd_addr: u64.optional(),
        gicc_addr: u64.optional(),
        gicr_addr: u64.optional(),
        interrupt_num: count.optional(),
      })
      .strict()
      .optional(),
    /** Armv8-A with SMMU (MMU builds only). */
    smmu: z
      .object({
        global_mask: z.number().int().nonnegative().optional(),
        groups: z.array(SmmuGroup).default([]),
        group_num: count.optional(),
      })
      .strict()
      .optional(),
    /** TriCore (v2): general purpose service request groups. */
    gpsr_groups: z.array(z.number().int().nonnegative()).optional(),
    gpsr_num: count.optional(),
    /**
     * Armv8, not upstream Bao: the bao-demos "configurable SMC passthrough" platform patch
     * (s32g3, imx8mp-verdin demos). SMC function ids forwarded to the firmware; `num` is the
     * declared count when it differs from smcs.length (import only).
     */
    smc_passthrough: z
      .object({ smcs: z.array(u64).default([]), num: count.optional() })
      .strict()
      .optional(),
  })
  .strict();

export const VmPlatform = z
  .object({
    cpu_num: count,
    regions: z.array(MemRegion).default([]),
    region_num: count.optional(),
    devs: z.array(DevRegion).default([]),
    dev_num: count.optional(),
    ipcs: z.array(Ipc).default([]),
    ipc_num: count.optional(),
    /** v2 only. */
    remio_devs: z.array(RemioDev).default([]),
    remio_dev_num: count.optional(),
    /** Armv8-R AArch64 only: run the guest with its MMU. */
    mmu: z.boolean().optional(),
    arch: ArchVmPlatform.default({}),
  })
  .strict();

/**
 * How the guest image gets into memory.
 * - builtin: `VM_IMAGE(name, path)` at top level + `VM_IMAGE_BUILTIN(name, base_addr)`: Bao's
 *   build includes the file and copies it to the VM at boot.
 * - loaded: `VM_IMAGE_LOADED(base_addr, load_addr, size)`: the board/loader puts the image at
 *   load_addr before Bao runs.
 */
export const VmImage = z
  .object({
    source: z.enum(['builtin', 'loaded']),
    /** VM_IMAGE identifier (builtin). */
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a C identifier')
      .optional(),
    /** Path tokens as written in the config, e.g. "BAO_WRKDIR_IMGS/baremetal.bin" (builtin). */
    path: z.string().optional(),
    /** How the path is written: XSTR(tokens), a "string literal", or bare tokens (v0.1). */
    path_style: z.enum(['xstr', 'string', 'bare']).optional(),
    /** Guest-physical load address of the image. */
    base_addr: u64,
    load_addr: u64.optional(),
    size: u64.optional(),
    inplace: z.boolean().optional(),
    /** v2 only. */
    reserved: z.boolean().optional(),
    /** Written with the VM_IMAGE_BUILTIN/LOADED macro (default) or as explicit fields. */
    style: z.enum(['macro', 'fields']).optional(),
  })
  .strict();

export const GuestKind = z.enum(['baremetal', 'freertos', 'linux', 'zephyr', 'other']);

/** Guest-side settings used to generate the guest's device tree (Linux) and to build/run it. */
export const GuestMeta = Meta.extend({
  guest: GuestKind.optional(),
  /** Host path of the guest binary (relative to the project file) used by build and run. */
  imageFile: z.string().optional(),
  /** Linux: kernel command line for /chosen/bootargs. */
  bootargs: z.string().optional(),
  /** Device (by index into devs) the guest uses as its console (chosen/stdout-path). */
  stdoutDev: z.number().int().nonnegative().optional(),
}).strict();

export const VmConfig = z
  .object({
    image: VmImage,
    entry: u64,
    cpu_affinity: u64.optional(),
    colors: u64.optional(),
    platform: VmPlatform,
    meta: GuestMeta.optional(),
  })
  .strict();

/**
 * A shared memory object: a memory region without a guest `base` (each IPC maps it where it
 * says). `phys` is its physical address when place_phys (`.base` and `.phys` alias in Bao's union).
 */
export const Shmem = MemRegion.omit({ base: true });

export const HypConfig = z
  .object({
    relocate: z.boolean().optional(),
    base_addr: u64.optional(),
    /** v2 only. */
    data_relocate: z.boolean().optional(),
    data_addr: u64.optional(),
    colors: u64.optional(),
  })
  .strict();

/** One Bao system: `struct config config`. */
export const BaoConfig = z
  .object({
    hyp: HypConfig.default({}),
    shmemlist: z.array(Shmem).default([]),
    shmemlist_size: count.optional(),
    vmlist: z.array(VmConfig).default([]),
    vmlist_size: count.optional(),
  })
  .strict();

export const BaoVersion = z.enum(['v1.0', 'v2']);
export const RiscvIrqc = z.enum(['PLIC', 'APLIC', 'AIA']);

export const Target = z
  .object({
    bao: BaoVersion,
    /** Platform name from the catalog (Bao's PLATFORM=, e.g. "qemu-riscv64-virt"). */
    platform: z.string().min(1),
    /** RISC-V builds: the IRQC= build choice. Absent = the platform's default for that version. */
    irqc: RiscvIrqc.optional(),
  })
  .strict();

export const NodePosition = z.object({ x: z.number(), y: z.number() }).strict();

/** Canvas layout: node key (e.g. "platform", "vm:0", "shmem:1") → position. */
export const Layout = z.record(z.string(), NodePosition);

export const PROJECT_FORMAT = 'bao-studio-project';
export const PROJECT_FORMAT_VERSION = 1;

export const Project = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    formatVersion: z.literal(PROJECT_FORMAT_VERSION),
    name: z.string().default('untitled'),
    description: z.string().optional(),
    target: Target,
    config: BaoConfig,
    layout: Layout.default({}),
  })
  .strict();

export type Meta = z.infer<typeof Meta>;
export type MemRegion = z.infer<typeof MemRegion>;
export type DevRegion = z.infer<typeof DevRegion>;
export type Ipc = z.infer<typeof Ipc>;
export type RemioDev = z.infer<typeof RemioDev>;
export type ArchVmPlatform = z.infer<typeof ArchVmPlatform>;
export type VmPlatform = z.infer<typeof VmPlatform>;
export type VmImage = z.infer<typeof VmImage>;
export type GuestKind = z.infer<typeof GuestKind>;
export type GuestMeta = z.infer<typeof GuestMeta>;
export type VmConfig = z.infer<typeof VmConfig>;
export type Shmem = z.infer<typeof Shmem>;
export type HypConfig = z.infer<typeof HypConfig>;
export type BaoConfig = z.infer<typeof BaoConfig>;
export type BaoVersion = z.infer<typeof BaoVersion>;
export type RiscvIrqc = z.infer<typeof RiscvIrqc>;
export type Target = z.infer<typeof Target>;
export type Layout = z.infer<typeof Layout>;
export type Project = z.infer<typeof Project>;
