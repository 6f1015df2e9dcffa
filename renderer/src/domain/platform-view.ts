// What the designer shows of a platform, derived from the catalog (core/bao/platforms) for the
// project's target: the CPUs, memory, pass-through devices and the interrupt controller the
// build uses (which depends on the Bao version and the RISC-V IRQC= choice).
import type { BaoVersion, RiscvIrqc } from '../../../core/bao/model/index.js';
import { domain } from './core.js';

export interface PlatformDevice {
  name: string;
  pa: bigint;
  size: bigint;
  interrupts: number[];
}

export interface PlatformView {
  name: string;
  arch: string;
  cpus: number;
  regions: { base: bigint; size: bigint }[];
  devices: PlatformDevice[];
  /** Interrupt controller kind ("PLIC", "APLIC", "AIA", "GICv2", "GICv3"...) and bases. */
  irqc: {
    type: string;
    plic?: bigint;
    aplic?: bigint;
    gicd?: bigint;
    gicc?: bigint;
    gicr?: bigint;
  };
  /** Bao versions that support the platform. */
  versions: BaoVersion[];
  /** Bao's PAGE_SIZE on this platform (0x1000 with an MMU). */
  pageSize: bigint;
}

const cache = new Map<string, PlatformView | undefined>();

/** The platform a project targets, or undefined when the catalog does not know it. */
export function platformView(
  name: string,
  bao: BaoVersion,
  irqc?: RiscvIrqc,
): PlatformView | undefined {
  const key = `${bao}:${name}:${irqc ?? ''}`;
  if (cache.has(key)) return cache.get(key);
  const p = domain.platform(name);
  let view: PlatformView | undefined;
  if (p) {
    let ic: PlatformView['irqc'] = { type: p.irqc.type };
    if (p.irqc.type === 'riscv') {
      const choice = domain.riscvIrqcChoice(p, bao, irqc);
      ic =
        choice?.kind === 'PLIC'
          ? { type: 'PLIC', plic: choice.base }
          : { type: choice?.kind ?? 'riscv', aplic: choice?.base };
    } else if (p.irqc.type === 'GICv2' || p.irqc.type === 'GICv3') {
      ic = { type: p.irqc.type, gicd: p.irqc.gicd, gicc: p.irqc.gicc, gicr: p.irqc.gicr };
    }
    view = {
      name: p.name,
      arch: p.arch,
      cpus: p.cpus,
      regions: p.memory.map((m) => ({ base: m.base, size: m.size })),
      // Interrupt-only entries (pa = size = 0) cannot be dragged as MMIO windows.
      devices: p.devices
        .filter((d) => d.size > 0n)
        .map((d) => ({ name: d.name, pa: d.pa, size: d.size, interrupts: [...d.interrupts] })),
      irqc: ic,
      versions: [...p.baoVersions],
      pageSize: p.pageSize,
    };
  }
  cache.set(key, view);
  return view;
}

export function platformNames(): string[] {
  return domain.platformNames();
}
