// The typed description of one Bao platform (Bao's PLATFORM= name): what the hardware offers a
// Bao system and what Bao's own build does with it. Facts come from bao-hypervisor's platform
// descriptions (src/platform/*/…_desc.c, platform.mk) and, for the two QEMU boards, from QEMU 7.2's
// own device tree (`-M virt,dumpdtb=`). 64-bit quantities are bigints like the model's.
import type { BaoVersion, RiscvIrqc } from '../model/schema.js';

export type Arch = 'riscv64' | 'riscv32' | 'aarch64' | 'aarch32' | 'tricore' | 'rh850';
export type Profile = 'armv8-a' | 'armv8-r' | 'riscv' | 'tricore' | 'rh850';
export type MemProtection = 'mmu' | 'mpu';

export interface AddrRange {
  base: bigint;
  size: bigint;
}

/** A platform memory region (a Bao page pool). `perms` exists on non-unified memory platforms. */
export interface PlatformMemRegion extends AddrRange {
  perms?: 'MEM_RWX' | 'MEM_RX';
}

export type DeviceKind =
  | 'uart'
  | 'virtio-mmio'
  | 'rtc'
  | 'pcie'
  | 'flash'
  | 'fw-cfg'
  | 'gpio'
  | 'timer'
  | 'ethernet'
  | 'syscon'
  | 'mailbox'
  | 'memory'
  | 'other';

/**
 * A device a user can pass through to a VM. `size` is the register window as the hardware
 * describes it (it may be smaller than a page: Bao then maps whole pages on MMU builds).
 * Interrupt-only entries (the Arm generic timer PPI, SCMI doorbells) have pa = size = 0; a
 * stream-id-only entry (tx2 "bpmp") has neither window nor interrupts, only `streamId`.
 * Interrupt ids are Bao's: GIC INTIDs on Arm (SPI n = 32 + n), PLIC/APLIC source ids on RISC-V.
 */
export interface PlatformDevice {
  name: string;
  pa: bigint;
  size: bigint;
  interrupts: number[];
  kind: DeviceKind;
  /** IOMMU stream id (the VM dev entry's `.id`) the device needs, when it does DMA. */
  streamId?: number;
  /** Device-tree compatible string, when known (used for guest device trees). */
  compatible?: string;
  note?: string;
}

/** Hardware Bao itself owns (interrupt controllers, IPI/timer blocks): never for a VM. */
export interface SystemDevice {
  name: string;
  pa: bigint;
  size: bigint;
}

/** One RISC-V IRQC= build choice. */
export interface RiscvIrqcChoice {
  kind: RiscvIrqc;
  /** Bao versions whose build accepts this IRQC value for this platform. */
  versions: BaoVersion[];
  /** PLIC base (kind PLIC) or APLIC base (APLIC/AIA) in the platform description. */
  base: bigint;
  size: bigint;
  /** AIA: the IMSIC (S-level interrupt files) base. */
  imsic?: { base: bigint; numMsis: number; numGuestFiles: number };
  /** Largest usable interrupt source id (ids start at 1; 0 means "no interrupt"). */
  maxInterruptId: number;
  /** QEMU -M virt option that makes QEMU provide this controller (e.g. "aia=aplic-imsic"). */
  qemuMachineOption?: string;
}

export interface GicIrqc {
  type: 'GICv2' | 'GICv3';
  gicd: bigint;
  gicc?: bigint;
  gicr?: bigint;
  gich?: bigint;
  gicv?: bigint;
  maintenanceIrq: number;
  /** Largest interrupt id the physical GIC implements (architectural 1019 when unknown). */
  maxInterruptId: number;
  /** True when maxInterruptId is the architectural bound rather than the board's own. */
  maxInterruptIdIsArchitectural: boolean;
}

export interface RiscvIrqcDesc {
  type: 'riscv';
  choices: RiscvIrqcChoice[];
  /** IRQC= used by the platform's platform.mk when the build does not override it. */
  defaults: Partial<Record<BaoVersion, RiscvIrqc>>;
  ipic: string;
}

export interface Rh850Irqc {
  type: 'rh850-intc';
  intc1: bigint;
  intc2: bigint;
  ipir: bigint;
  bootctrl: bigint;
  maxInterruptId: number;
  /** Other fixed blocks (intif, eint, fenc, feinc) by name. */
  other: Record<string, bigint>;
}

export interface TricoreIrqc {
  type: 'tricore-ir';
  intAddr: bigint;
  srcAddr: bigint;
  gpsrOffset: bigint;
  gpsrSize: bigint;
  maxInterruptId: number;
}

export type PlatformIrqc = GicIrqc | RiscvIrqcDesc | Rh850Irqc | TricoreIrqc;

/**
 * Where Bao's own image sits in physical memory, for overlap checks.
 * - MPU builds link Bao at PLAT_BASE_ADDR = regions[0].base (unless config.hyp.relocate).
 * - MMU builds run wherever the boot loader put them; `base` is where the bao-demos
 *   instructions load it (absent when no demo documents it).
 * `size` is a conservative bound of Bao's own code + data + per-CPU areas, not counting the
 * built-in guest images that the build appends (validation adds those it knows).
 */
export interface HypervisorImage {
  base?: bigint;
  size: bigint;
  /** Where `base` comes from (a demo README, the platform description...). */
  source: string;
}

export interface Platform {
  /** Bao's PLATFORM= name. */
  name: string;
  arch: Arch;
  profile: Profile;
  /** Bao versions whose tree has this platform. */
  baoVersions: BaoVersion[];
  cpus: number;
  /** Cores per cluster (Armv8), when the description lists them. */
  clusters?: number[];
  /** CPU that must be the master at boot (MPU platforms fix it). */
  cpuMasterFixed?: number;
  memory: PlatformMemRegion[];
  /** Separate code (MEM_RX) and data (MEM_RWX) memories: plat_mem=non_unified. */
  nonUnifiedMemory: boolean;
  memProtection: MemProtection;
  /** Bao's PAGE_SIZE: 0x1000 with an MMU, 64 bytes with an MPU. */
  pageSize: bigint;
  irqc: PlatformIrqc;
  console: { base?: bigint; driver: string };
  hypervisor: HypervisorImage;
  /** Devices a VM can be given. */
  devices: PlatformDevice[];
  /** True when `devices` lists every device of the board (the QEMU boards), not just the demos'. */
  inventoryComplete: boolean;
  /** Hardware Bao keeps for itself (interrupt controllers, SMMU...). */
  systemDevices: SystemDevice[];
  /** Interrupt ids Bao reserves for itself at boot; a VM given one fails to start. */
  reservedInterrupts?: { id: number; what: string }[];
  /** Armv8-A SMMUv2 (MMU builds only). */
  smmu?: { base: bigint; interruptId?: number; globalMask?: number };
  /** Cache coloring has an effect (Armv8-A probes the cache; RISC-V and MPU builds do not). */
  coloring: boolean;
  /** TriCore: device bases that Bao can protect (platform.arch.devices[].dev_base). */
  protectableDevices?: bigint[];
  /** MPU MMIO whitelist (TriCore). */
  mmioRegions?: AddrRange[];
  /**
   * QEMU boards: how QEMU must run for Bao's description to hold (memory covering the
   * description's regions, the GIC version, EL2/EL3). A RISC-V IRQC choice may add its
   * `qemuMachineOption` to `machine`.
   */
  qemu?: { binary: string; machine: string; cpu?: string; memory: string; smp: number };
  /** Build variables of the platform (platform.mk). */
  build: Record<string, string>;
  /** Where the facts come from. */
  source: string;
  notes: string[];
}
