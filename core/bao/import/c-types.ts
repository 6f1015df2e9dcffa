// Bao's configuration structs as the importer sees them (schema.md): which fields exist, their C
// types, which Bao version introduced them, and the older v0.1 spellings still found in the wild
// (`struct mem_region`, `struct dev_region`, `uint64_t` interrupts, `.arch.plic_base`).

export type ScalarKind =
  /** paddr_t, vaddr_t, size_t, colormap_t, cpumap_t: 64-bit, kept as bigint. */
  | 'u64'
  /** size_t counts and ids kept as JS numbers (`*_num`, shmem_id, bind_key). */
  | 'count'
  /** irqid_t, deviceid_t, streamid_t: C `unsigned`, 32 bits. */
  | 'u32'
  | 'bool'
  /** enum REMIO_DEV_TYPE. */
  | 'remio_type';

export type CType = ScalarType | StructType | ArrayType;

export interface ScalarType {
  t: 'scalar';
  kind: ScalarKind;
  /** The C type, for messages. */
  cname: string;
}

export interface StructType {
  t: 'struct';
  /** The C struct name, for messages (`struct vm_dev_region`). */
  cname: string;
  fields: Record<string, FieldSpec>;
}

/** A pointer initialized with a compound literal `(T[]){...}` (or v1's flexible `vmlist`). */
export interface ArrayType {
  t: 'array';
  elem: ScalarType | StructType;
  /** Accepted element type names of the compound literal; the first is the current spelling. */
  elemTypes: string[];
  /** v1.0's `struct vm_config vmlist[]` flexible array member, initialized with plain braces. */
  flexible?: boolean;
}

export interface FieldSpec {
  type: CType;
  /** Introduced after v1.0.0 (v2.0 / main). */
  since?: 'v2';
  /** Pre-v1.0 (v0.1) spelling, imported as the field named here. */
  oldFor?: string;
  /** A valid field Bao fills in at run time: accepted, ignored, warned about. */
  runtimeOnly?: boolean;
  /** May hold VM_IMAGE_OFFSET()/VM_IMAGE_SIZE() (image.load_addr / image.size). */
  imageRef?: 'offset' | 'size';
  /** Not upstream Bao: a bao-demos platform patch. */
  patch?: string;
}

const u64 = (cname: string): ScalarType => ({ t: 'scalar', kind: 'u64', cname });
const count = (cname = 'size_t'): ScalarType => ({ t: 'scalar', kind: 'count', cname });
const u32 = (cname: string): ScalarType => ({ t: 'scalar', kind: 'u32', cname });
const bool: ScalarType = { t: 'scalar', kind: 'bool', cname: 'bool' };
const f = (type: CType, extra: Omit<FieldSpec, 'type'> = {}): FieldSpec => ({ type, ...extra });
const struct = (cname: string, fields: Record<string, FieldSpec>): StructType => ({
  t: 'struct',
  cname,
  fields,
});

/** Integer type names accepted for scalar compound literals such as `(irqid_t[]){...}`. */
export const INTEGER_TYPES = new Set([
  'irqid_t',
  'deviceid_t',
  'streamid_t',
  'unsigned',
  'unsigned int',
  'unsigned long',
  'unsigned long int',
  'unsigned long long',
  'unsigned long long int',
  'long unsigned int',
  'int',
  'long',
  'long int',
  'size_t',
  'paddr_t',
  'vaddr_t',
  'uintptr_t',
  'uint8_t',
  'uint16_t',
  'uint32_t',
  'uint64_t',
  'colormap_t',
  'cpumap_t',
]);

const irqList: ArrayType = { t: 'array', elem: u32('irqid_t'), elemTypes: ['irqid_t'] };

export const MEM_REGION = struct('struct vm_mem_region', {
  base: f(u64('paddr_t')),
  size: f(u64('size_t')),
  colors: f(u64('colormap_t')),
  place_phys: f(bool),
  phys: f(u64('paddr_t')),
  reserved: f(bool, { since: 'v2' }),
});

export const DEV_REGION = struct('struct vm_dev_region', {
  pa: f(u64('paddr_t')),
  va: f(u64('vaddr_t')),
  size: f(u64('size_t')),
  interrupt_num: f(count()),
  interrupts: f(irqList),
  id: f(u32('deviceid_t')),
});

export const IPC = struct('struct ipc', {
  base: f(u64('paddr_t')),
  size: f(u64('size_t')),
  shmem_id: f(count()),
  interrupt_num: f(count()),
  interrupts: f(irqList),
});

export const REMIO_DEV = struct('struct remio_dev', {
  va: f(u64('vaddr_t')),
  size: f(u64('size_t')),
  interrupt: f(u32('irqid_t')),
  bind_key: f(count('remio_bind_key_t')),
  type: f({ t: 'scalar', kind: 'remio_type', cname: 'enum REMIO_DEV_TYPE' }),
  shmem: f(
    struct('struct remio_shmem', {
      base: f(u64('paddr_t')),
      size: f(u64('size_t')),
      shmem_id: f(count()),
    }),
  ),
  emul: f(struct('struct emul_mem', {}), { runtimeOnly: true }),
});

const SMMU_GROUP = struct('struct smmu_group', {
  mask: f(u32('streamid_t')),
  id: f(u32('streamid_t')),
});

const BASE_ONLY = (cname: string) => struct(cname, { base: f(u64('paddr_t')) });

export const ARCH = struct('struct arch_vm_platform', {
  // RISC-V
  irqc: f(
    struct('union vm_irqc_dscrp', {
      plic: f(BASE_ONLY('struct plic_dscrp')),
      aia: f(
        struct('struct aia_dscrp', {
          aplic: f(BASE_ONLY('struct aplic_dscrp')),
          imsic: f(BASE_ONLY('struct imsic_dscrp'), { since: 'v2' }),
        }),
      ),
    }),
  ),
  plic_base: f(u64('paddr_t'), { oldFor: 'irqc.plic.base' }),
  // Armv8
  gic: f(
    struct('struct vgic_dscrp', {
      gicd_addr: f(u64('paddr_t')),
      gicc_addr: f(u64('paddr_t')),
      gicr_addr: f(u64('paddr_t')),
      interrupt_num: f(count()),
    }),
  ),
  smmu: f(
    struct('struct smmu_dscrp', {
      global_mask: f(u32('streamid_t')),
      group_num: f(count()),
      groups: f({ t: 'array', elem: SMMU_GROUP, elemTypes: ['struct smmu_group'] }),
    }),
  ),
  smc_passthrough: f(
    struct('struct smc_passthrough', {
      num: f(count()),
      smcs: f({ t: 'array', elem: u64('size_t'), elemTypes: ['size_t'] }),
    }),
    { patch: 'the bao-demos armv8 SMC pass-through patch' },
  ),
  // TriCore
  gpsr_num: f(count('unsigned long'), { since: 'v2' }),
  gpsr_groups: f(
    {
      t: 'array',
      elem: { t: 'scalar', kind: 'count', cname: 'unsigned long' },
      elemTypes: ['unsigned long'],
    },
    { since: 'v2' },
  ),
});

export const VM_PLATFORM = struct('struct vm_platform', {
  cpu_num: f(count()),
  region_num: f(count()),
  regions: f({
    t: 'array',
    elem: MEM_REGION,
    elemTypes: ['struct vm_mem_region', 'struct mem_region'],
  }),
  ipc_num: f(count()),
  ipcs: f({ t: 'array', elem: IPC, elemTypes: ['struct ipc'] }),
  dev_num: f(count()),
  devs: f({
    t: 'array',
    elem: DEV_REGION,
    elemTypes: ['struct vm_dev_region', 'struct dev_region'],
  }),
  remio_dev_num: f(count(), { since: 'v2' }),
  remio_devs: f({ t: 'array', elem: REMIO_DEV, elemTypes: ['struct remio_dev'] }, { since: 'v2' }),
  mmu: f(bool),
  arch: f(ARCH),
});

export const IMAGE = struct('struct vm_image (image)', {
  base_addr: f(u64('vaddr_t')),
  load_addr: f(u64('paddr_t'), { imageRef: 'offset' }),
  size: f(u64('size_t'), { imageRef: 'size' }),
  separately_loaded: f(bool),
  inplace: f(bool),
  reserved: f(bool, { since: 'v2' }),
});

export const VM_CONFIG = struct('struct vm_config', {
  image: f(IMAGE),
  entry: f(u64('vaddr_t')),
  cpu_affinity: f(u64('cpumap_t')),
  colors: f(u64('colormap_t')),
  platform: f(VM_PLATFORM),
});

export const SHMEM = struct('struct shmem', {
  size: f(u64('size_t')),
  colors: f(u64('colormap_t')),
  place_phys: f(bool),
  phys: f(u64('paddr_t')),
  base: f(u64('paddr_t')),
  reserved: f(bool, { since: 'v2' }),
  cpu_masters: f(u64('cpumap_t'), { runtimeOnly: true }),
});

export const HYP = struct('struct hyp (config.hyp)', {
  relocate: f(bool),
  base_addr: f(u64('paddr_t')),
  data_relocate: f(bool, { since: 'v2' }),
  data_addr: f(u64('paddr_t'), { since: 'v2' }),
  colors: f(u64('colormap_t')),
});

export const CONFIG = struct('struct config', {
  hyp: f(HYP),
  hyp_colors: f(u64('uint64_t'), { oldFor: 'hyp.colors' }),
  shmemlist_size: f(count()),
  shmemlist: f({ t: 'array', elem: SHMEM, elemTypes: ['struct shmem'] }),
  vmlist_size: f(count()),
  vmlist: f({ t: 'array', elem: VM_CONFIG, elemTypes: ['struct vm_config'], flexible: true }),
});
