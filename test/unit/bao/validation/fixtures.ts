// Small projects for validation tests: a valid one-VM baseline for any catalog platform, the
// workshop setups of issue 2 §8, and helpers to run one rule.
import {
  Project,
  type BaoVersion,
  type RiscvIrqc,
  type VmConfig,
} from '../../../../core/bao/model/schema.js';
import { getPlatform, riscvIrqcChoice } from '../../../../core/bao/platforms/index.js';
import type { Platform } from '../../../../core/bao/platforms/platform.js';
import {
  checkProject,
  type CheckOptions,
  type Diagnostic,
} from '../../../../core/bao/validation/index.js';

export function project(
  platform: string,
  bao: BaoVersion,
  config: Record<string, unknown>,
  irqc?: RiscvIrqc,
): Project {
  return Project.parse({
    format: 'bao-studio-project',
    formatVersion: 1,
    target: irqc ? { bao, platform, irqc } : { bao, platform },
    config,
  });
}

const alignUp = (v: bigint, a: bigint): bigint => (v % a === 0n ? v : v + a - (v % a));

/** The VM's arch block a platform/build needs. */
export function archFor(
  plat: Platform,
  bao: BaoVersion,
  irqc?: RiscvIrqc,
): VmConfig['platform']['arch'] {
  const ic = plat.irqc;
  if (ic.type === 'riscv') {
    const choice = riscvIrqcChoice(plat, bao, irqc)!;
    if (choice.kind === 'PLIC') return { irqc: { plic: { base: choice.base } } };
    if (choice.kind === 'AIA' && bao === 'v2')
      return {
        irqc: { aia: { aplic: { base: choice.base }, imsic: { base: choice.imsic!.base } } },
      };
    return { irqc: { aia: { aplic: { base: choice.base } } } };
  }
  if (ic.type === 'GICv3') return { gic: { gicd_addr: ic.gicd, gicr_addr: ic.gicr } };
  if (ic.type === 'GICv2') return { gic: { gicd_addr: ic.gicd, gicc_addr: ic.gicc } };
  return {};
}

/**
 * Where a VM's memory goes. MMU builds: guest addresses are free, so use the platform's first
 * RAM address rounded to 2 MiB. MPU builds: physical = guest, so use the first writable region
 * clear of Bao's image and data.
 */
function vmMemory(plat: Platform): { base: bigint; size: bigint } {
  if (plat.memProtection === 'mmu')
    return { base: alignUp(plat.memory[0].base, 0x200000n), size: 0x4000000n };
  const hypEnd = (plat.hypervisor.base ?? 0n) + plat.hypervisor.size;
  const dataRegion = plat.nonUnifiedMemory
    ? plat.memory.slice(1).find((m) => m.perms === 'MEM_RWX')
    : undefined;
  for (const m of plat.memory) {
    if (m.perms === 'MEM_RX' || m === dataRegion) continue;
    const base = alignUp(m.base <= hypEnd && hypEnd < m.base + m.size ? hypEnd : m.base, 0x1000n);
    const room = m.base + m.size - base;
    if (room >= 0x10000n) return { base, size: room >= 0x100000n ? 0x100000n : 0x10000n };
  }
  throw new Error(`no room for a VM on ${plat.name}`);
}

/** A device of the platform inventory to pass through (a UART if there is one). */
function firstDevice(plat: Platform) {
  return (
    plat.devices.find((d) => d.kind === 'uart' && d.size > 0n) ??
    plat.devices.find((d) => d.size > 0n)
  );
}

/** A valid one-VM project for `platformName` (first Bao version it has, unless given). */
export function baseline(platformName: string, bao?: BaoVersion, irqc?: RiscvIrqc): Project {
  const plat = getPlatform(platformName);
  if (!plat) throw new Error(`no platform ${platformName}`);
  const version = bao ?? plat.baoVersions[0];
  const mem = vmMemory(plat);
  const dev = firstDevice(plat);
  const page = plat.pageSize;
  const devs = dev
    ? [
        {
          pa: dev.pa,
          va: dev.pa,
          size: alignUp(dev.size, page),
          interrupts: dev.interrupts
            .filter((i) => !(plat.irqc.type.startsWith('GIC') && i <= 32))
            .slice(0, 1),
        },
      ]
    : [];
  const vm = {
    image: { source: 'builtin', name: 'guest', path: 'guest.bin', base_addr: mem.base },
    entry: mem.base,
    cpu_affinity: 1,
    platform: {
      cpu_num: 1,
      regions: [{ base: mem.base, size: mem.size }],
      devs,
      arch: archFor(plat, version, irqc),
    },
    meta: { name: 'guest' },
  };
  if (plat.arch === 'tricore')
    vm.platform.devs = devs.filter((d) => plat.protectableDevices!.includes(d.pa));
  return project(platformName, version, { vmlist: [vm] }, irqc);
}

/** Diagnostics of one rule. */
export function diagsOf(p: Project, rule: string, options?: CheckOptions): Diagnostic[] {
  return checkProject(p, options).filter((d) => d.rule === rule);
}

export const clone = <T>(x: T): T => structuredClone(x);

/** The workshop setups (issue 2 §8) on qemu-riscv64-virt, built like the helloworld configs. */
export function workshop(
  setup: 'I' | 'II' | 'III' | 'IV' | 'V',
  bao: BaoVersion = 'v1.0',
  irqc?: RiscvIrqc,
): Project {
  const plic = bao === 'v1.0' || irqc === 'PLIC';
  const arch = plic
    ? { irqc: { plic: { base: '0xc000000' } } }
    : {
        irqc: {
          aia: {
            aplic: { base: '0xd000000' },
            ...(bao === 'v2' && irqc !== 'APLIC' ? { imsic: { base: '0x28000000' } } : {}),
          },
        },
      };
  const uart = {
    pa: '0x10000000',
    va: '0x10000000',
    size: '0x1000',
    interrupts: [10],
    meta: { name: 'UART0' },
  };
  const bm = (cpus: number, size: string) => ({
    image: {
      source: 'builtin',
      name: 'baremetal',
      path: 'BAO_WRKDIR_IMGS/baremetal.bin',
      base_addr: '0x80200000',
    },
    entry: '0x80200000',
    platform: { cpu_num: cpus, regions: [{ base: '0x80200000', size }], devs: [uart], arch },
    meta: { name: 'baremetal', guest: 'baremetal' },
  });
  const ipc = (base: string) => ({ base, size: '0x10000', shmem_id: 0, interrupts: [52] });
  const linux = {
    image: {
      source: 'builtin',
      name: 'linux',
      path: 'BAO_WRKDIR_IMGS/linux.bin',
      base_addr: '0x90200000',
    },
    entry: '0x90200000',
    platform: {
      cpu_num: 3,
      regions: [{ base: '0x90000000', size: '0x40000000', place_phys: true, phys: '0x90000000' }],
      devs: [
        {
          pa: '0x10001000',
          va: '0x10001000',
          size: '0x8000',
          interrupts: [1, 2, 3, 4, 5, 6, 7, 8],
          meta: { name: 'virtio devices' },
        },
      ],
      arch,
    },
    meta: { name: 'linux', guest: 'linux' },
  };
  switch (setup) {
    case 'I':
      return project('qemu-riscv64-virt', bao, { vmlist: [bm(1, '0x4000000')] }, irqc);
    case 'II':
      return project('qemu-riscv64-virt', bao, { vmlist: [bm(4, '0x8000000')] }, irqc);
    case 'III':
      return project(
        'qemu-riscv64-virt',
        bao,
        {
          vmlist: [
            bm(3, '0x4000000'),
            {
              image: {
                source: 'builtin',
                name: 'freertos',
                path: 'BAO_WRKDIR_IMGS/freertos.bin',
                base_addr: '0x0',
              },
              entry: '0x0',
              platform: {
                cpu_num: 1,
                regions: [{ base: '0x0', size: '0x8000000' }],
                devs: [
                  {
                    pa: '0x10000000',
                    va: '0xff000000',
                    size: '0x1000',
                    interrupts: [],
                    meta: { name: 'UART0' },
                  },
                ],
                arch,
              },
              meta: { name: 'freertos', guest: 'freertos' },
            },
          ],
        },
        irqc,
      );
    case 'IV':
      return project('qemu-riscv64-virt', bao, { vmlist: [bm(1, '0x4000000'), linux] }, irqc);
    case 'V': {
      const b = bm(1, '0x4000000') as Record<string, unknown> & {
        platform: Record<string, unknown>;
      };
      b.platform.ipcs = [ipc('0x70000000')];
      const l = structuredClone(linux) as typeof linux & { platform: Record<string, unknown> };
      l.platform.ipcs = [ipc('0xf0000000')];
      return project(
        'qemu-riscv64-virt',
        bao,
        { shmemlist: [{ size: '0x10000' }], vmlist: [b, l] },
        irqc,
      );
    }
  }
}
