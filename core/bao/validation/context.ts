// The shared context every rule reads: the project, its platform and build choices, and maps
// derived once (each VM's guest address space, the physical reservations Bao makes at boot,
// where the hypervisor sits). Paths are relative to the Project, so they start with "config".
import { hex } from '../model/numbers.js';
import type { ModelPath } from '../model/path.js';
import type { BaoConfig, BaoVersion, Project, VmConfig } from '../model/schema.js';
import { getPlatform, riscvIrqcChoice } from '../platforms/index.js';
import type { Platform, RiscvIrqcChoice } from '../platforms/platform.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import { contains, fmtRange, overlaps, type Range } from './ranges.js';
import type { Rule } from './rule.js';

export interface CheckOptions {
  /**
   * Size in bytes of each VM's guest image by VM index, when the caller can read the files.
   * Built-in images (VM_IMAGE) have no size in config.c; this lets image checks use the real one.
   */
  imageSizes?: ReadonlyMap<number, bigint>;
  /** Use this platform instead of the catalog's (custom boards, tests). */
  platform?: Platform;
}

export interface VmView {
  index: number;
  vm: VmConfig;
  /** `VM 1 "linux"` */
  label: string;
  path: ModelPath;
}

export type SpaceKind = 'region' | 'ipc' | 'device' | 'remio' | 'irqc' | 'imsic' | 'gic';

/** One thing that occupies a VM's guest-physical (IPA) address space. */
export interface SpaceItem {
  vm: number;
  kind: SpaceKind;
  range: Range;
  path: ModelPath;
  /** `memory region 0 [0x80000000–0x84000000)` */
  what: string;
  /** Mapped into stage 2 (regions, IPCs, devices, vIMSIC, GICV) vs trapped and emulated. */
  mapped: boolean;
}

/** One static physical reservation Bao makes at boot (B2). */
export interface PhysItem {
  kind: 'region' | 'image' | 'shmem';
  vm?: number;
  range: Range;
  path: ModelPath;
  /** `VM 1 "linux" memory region 0 (phys [0x90000000–0xd0000000))` */
  what: string;
}

export class RuleContext {
  readonly config: BaoConfig;
  readonly version: BaoVersion;
  readonly platform: Platform | undefined;
  /** RISC-V: the IRQC= build choice (explicit or the platform default). */
  readonly irqc: RiscvIrqcChoice | undefined;
  readonly mpu: boolean;
  /** Bao's PAGE_SIZE for this build (0x1000 when the platform is unknown). */
  readonly pageSize: bigint;
  readonly vms: VmView[];
  private spaceCache = new Map<number, SpaceItem[]>();
  private physCache: PhysItem[] | undefined;

  constructor(
    readonly project: Project,
    readonly options: CheckOptions = {},
  ) {
    this.config = project.config;
    this.version = project.target.bao;
    this.platform = options.platform ?? getPlatform(project.target.platform);
    this.irqc = this.platform
      ? riscvIrqcChoice(this.platform, this.version, project.target.irqc)
      : undefined;
    this.mpu = this.platform?.memProtection === 'mpu';
    this.pageSize = this.platform?.pageSize ?? 0x1000n;
    this.vms = this.config.vmlist.map((vm, index) => ({
      index,
      vm,
      label: vmLabel(vm, index),
      path: ['config', 'vmlist', index],
    }));
  }

  diag(
    rule: Rule,
    path: ModelPath,
    message: string,
    extra: { related?: ModelPath[]; bao?: string; severity?: Severity } = {},
  ): Diagnostic {
    const d: Diagnostic = {
      rule: rule.id,
      severity: extra.severity ?? rule.severity,
      message,
      path,
    };
    if (extra.related && extra.related.length > 0) d.related = extra.related;
    if (extra.bao) d.bao = extra.bao;
    return d;
  }

  /** Image size: the config's, else the caller's (file size), else unknown. */
  imageSize(vmIndex: number): bigint | undefined {
    return this.config.vmlist[vmIndex]?.image.size ?? this.options.imageSizes?.get(vmIndex);
  }

  /** `device 0 "UART0"`: the meta name, else the platform inventory's name for that address. */
  deviceLabel(vmIndex: number, devIndex: number): string {
    const dev = this.config.vmlist[vmIndex].platform.devs[devIndex];
    const name = dev.meta?.name ?? this.inventoryName(dev.pa, dev.size, dev.interrupts);
    return name ? `device ${devIndex} "${name}"` : `device ${devIndex}`;
  }

  private inventoryName(pa: bigint, size: bigint, irqs: number[]): string | undefined {
    const inv = this.platform?.devices;
    if (!inv) return undefined;
    if (size === 0n)
      return inv.find((d) => d.size === 0n && irqs.length > 0 && d.interrupts[0] === irqs[0])?.name;
    return inv.find((d) => d.size > 0n && d.pa === pa)?.name;
  }

  /** Everything in VM `i`'s guest address space, in the order Bao maps it. */
  guestSpace(i: number): SpaceItem[] {
    const cached = this.spaceCache.get(i);
    if (cached) return cached;
    const vm = this.config.vmlist[i];
    const p = vm.platform;
    const base: ModelPath = ['config', 'vmlist', i, 'platform'];
    const out: SpaceItem[] = [];
    p.regions.forEach((r, j) =>
      out.push({
        vm: i,
        kind: 'region',
        range: { base: r.base, size: r.size },
        path: [...base, 'regions', j],
        what: `memory region ${j} ${fmtRange(r)}`,
        mapped: true,
      }),
    );
    p.ipcs.forEach((c, j) =>
      out.push({
        vm: i,
        kind: 'ipc',
        range: { base: c.base, size: c.size },
        path: [...base, 'ipcs', j],
        what: `IPC ${j} ${fmtRange(c)}`,
        mapped: true,
      }),
    );
    p.devs.forEach((d, j) => {
      if (d.size === 0n) return; // interrupt-only entry
      out.push({
        vm: i,
        kind: 'device',
        range: { base: d.va, size: d.size },
        path: [...base, 'devs', j],
        what: `${this.deviceLabel(i, j)} ${fmtRange({ base: d.va, size: d.size })}`,
        mapped: true,
      });
    });
    p.remio_devs.forEach((r, j) => {
      if (r.type !== 'REMIO_DEV_FRONTEND' || r.va === undefined || !r.size) return;
      out.push({
        vm: i,
        kind: 'remio',
        range: { base: r.va, size: r.size },
        path: [...base, 'remio_devs', j],
        what: `Remote I/O device ${j} ${fmtRange({ base: r.va, size: r.size })}`,
        mapped: false,
      });
    });
    out.push(...this.irqcWindows(i));
    this.spaceCache.set(i, out);
    return out;
  }

  /** The virtual interrupt controller windows of VM `i` (trap-and-emulate, or mapped). */
  private irqcWindows(i: number): SpaceItem[] {
    const vm = this.config.vmlist[i];
    const arch = vm.platform.arch;
    const base: ModelPath = ['config', 'vmlist', i, 'platform', 'arch'];
    const out: SpaceItem[] = [];
    const plat = this.platform;
    if (!plat) return out;
    if (plat.irqc.type === 'riscv') {
      const irqcBase = arch.irqc?.plic?.base ?? arch.irqc?.aia?.aplic.base;
      const size = this.irqc?.size ?? 0x4000n;
      if (irqcBase !== undefined) {
        const which = arch.irqc?.plic ? 'plic' : 'aia';
        const name = this.irqc?.kind === 'PLIC' ? 'vPLIC' : 'vAPLIC';
        out.push({
          vm: i,
          kind: 'irqc',
          range: { base: irqcBase, size },
          path:
            which === 'plic'
              ? [...base, 'irqc', 'plic', 'base']
              : [...base, 'irqc', 'aia', 'aplic', 'base'],
          what: `${name} window ${fmtRange({ base: irqcBase, size })}`,
          mapped: false,
        });
      }
      const imsic = arch.irqc?.aia?.imsic?.base;
      if (imsic !== undefined && this.irqc?.kind === 'AIA') {
        const r = { base: imsic, size: 0x1000n * BigInt(Math.max(1, vm.platform.cpu_num)) };
        out.push({
          vm: i,
          kind: 'imsic',
          range: r,
          path: [...base, 'irqc', 'aia', 'imsic', 'base'],
          what: `vIMSIC pages ${fmtRange(r)}`,
          mapped: true,
        });
      }
    } else if (plat.irqc.type === 'GICv2' || plat.irqc.type === 'GICv3') {
      const gic = arch.gic;
      if (gic?.gicd_addr !== undefined) {
        // A GICv2 distributor is 4 KiB (Bao's emulation window is larger, but the GICV page mapped
        // at gicc_addr right after it takes precedence: emulation only runs on faults).
        const r = { base: gic.gicd_addr, size: plat.irqc.type === 'GICv2' ? 0x1000n : 0x10000n };
        out.push({
          vm: i,
          kind: 'gic',
          range: r,
          path: [...base, 'gic', 'gicd_addr'],
          what: `vGIC distributor ${fmtRange(r)}`,
          mapped: false,
        });
      }
      if (plat.irqc.type === 'GICv3' && gic?.gicr_addr !== undefined) {
        const r = {
          base: gic.gicr_addr,
          size: 0x20000n * BigInt(Math.max(1, vm.platform.cpu_num)),
        };
        out.push({
          vm: i,
          kind: 'gic',
          range: r,
          path: [...base, 'gic', 'gicr_addr'],
          what: `vGIC redistributors ${fmtRange(r)}`,
          mapped: false,
        });
      }
      if (plat.irqc.type === 'GICv2' && gic?.gicc_addr !== undefined) {
        const r = { base: gic.gicc_addr, size: 0x2000n };
        out.push({
          vm: i,
          kind: 'gic',
          range: r,
          path: [...base, 'gic', 'gicc_addr'],
          what: `GIC virtual CPU interface ${fmtRange(r)}`,
          mapped: true,
        });
      }
    }
    return out;
  }

  /**
   * Static physical reservations (B2): place_phys regions (every region on MPU builds, where
   * Bao forces phys = base), separately loaded images that are not inside one of their VM's
   * place_phys regions, and place_phys shared memories.
   */
  physReservations(): PhysItem[] {
    if (this.physCache) return this.physCache;
    const out: PhysItem[] = [];
    for (const v of this.vms) {
      const placed: Range[] = [];
      v.vm.platform.regions.forEach((r, j) => {
        const phys = this.regionPhys(v.index, j);
        if (phys === undefined) return;
        const range = { base: phys, size: r.size };
        placed.push(range);
        out.push({
          kind: 'region',
          vm: v.index,
          range,
          path: [...v.path, 'platform', 'regions', j],
          what: `${v.label} memory region ${j} (phys ${fmtRange(range)})`,
        });
      });
      const img = v.vm.image;
      const size = this.imageSize(v.index);
      if (img.source === 'loaded' && img.load_addr !== undefined && size !== undefined) {
        const range = { base: img.load_addr, size };
        if (!placed.some((p) => contains(p, range)))
          out.push({
            kind: 'image',
            vm: v.index,
            range,
            path: [...v.path, 'image'],
            what: `${v.label} image (loaded at ${fmtRange(range)})`,
          });
      }
    }
    this.config.shmemlist.forEach((s, k) => {
      const phys = this.shmemPhys(k);
      if (phys === undefined) return;
      const range = { base: phys, size: s.size };
      out.push({
        kind: 'shmem',
        range,
        path: ['config', 'shmemlist', k],
        what: `shared memory ${k}${s.meta?.name ? ` "${s.meta.name}"` : ''} (phys ${fmtRange(range)})`,
      });
    });
    this.physCache = out;
    return out;
  }

  /** Physical address of a region when it is statically placed (MPU: always, at base). */
  regionPhys(vmIndex: number, regionIndex: number): bigint | undefined {
    const r = this.config.vmlist[vmIndex].platform.regions[regionIndex];
    if (this.mpu) return r.base;
    return r.place_phys ? (r.phys ?? 0n) : undefined;
  }

  /** Physical address of a shmem when statically placed (MPU: always). */
  shmemPhys(k: number): bigint | undefined {
    const s = this.config.shmemlist[k];
    if (this.mpu || s.place_phys) return s.phys ?? 0n;
    return undefined;
  }

  /** Where Bao itself sits: the platform's load address (or hyp.base_addr when relocated). */
  hypervisorRange(): Range | undefined {
    const plat = this.platform;
    if (!plat) return undefined;
    const relocated = this.config.hyp.relocate && this.config.hyp.base_addr !== undefined;
    const base = relocated ? this.config.hyp.base_addr : plat.hypervisor.base;
    if (base === undefined) return undefined;
    // Built-in guest images are appended to Bao's image by the build (.incbin).
    let size = plat.hypervisor.size;
    this.vms.forEach((v) => {
      if (v.vm.image.source === 'builtin') size += this.imageSize(v.index) ?? 0n;
    });
    return { base, size };
  }

  /**
   * Non-unified memory platforms (plat_mem=non_unified): Bao's data, stacks and per-CPU areas live
   * at PLAT_DATA_ADDR, the first MEM_RWX region after regions[0] (or hyp.data_addr with
   * data_relocate). Bao's data size is not in the config, so the whole region counts.
   */
  hypervisorDataRange(): Range | undefined {
    const plat = this.platform;
    if (!plat || !plat.nonUnifiedMemory) return undefined;
    const h = this.config.hyp;
    if (h.data_relocate && h.data_addr !== undefined) {
      const m = plat.memory.find((r) => r.base <= h.data_addr! && h.data_addr! < r.base + r.size);
      return { base: h.data_addr, size: m ? m.base + m.size - h.data_addr : plat.hypervisor.size };
    }
    const m = plat.memory.slice(1).find((r) => r.perms === 'MEM_RWX');
    return m ? { base: m.base, size: m.size } : undefined;
  }

  /** First overlapping pair among items (in order): [earlier, later]. */
  static overlapsAmong<T extends { range: Range }>(items: T[]): [T, T][] {
    const out: [T, T][] = [];
    for (let a = 0; a < items.length; a++)
      for (let b = a + 1; b < items.length; b++)
        if (overlaps(items[a].range, items[b].range)) out.push([items[a], items[b]]);
    return out;
  }
}

export function vmLabel(vm: VmConfig, index: number): string {
  const name = vm.meta?.name ?? vm.image.name ?? vm.meta?.guest;
  return name ? `VM ${index} "${name}"` : `VM ${index}`;
}

export { hex };
