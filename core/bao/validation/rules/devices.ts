// Pass-through devices (C2, C3, C18, B13, B15, B17) and what the platform has at their address.
import { hex } from '../../model/numbers.js';
import type { Diagnostic } from '../diagnostic.js';
import { end, fmtRange, overlaps, pageSpan, type Range } from '../ranges.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../context.js';

/** "a, b, c and 5 more" */
function listNames(names: string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** A platform device's register window as a Range. */
const win = (d: { pa: bigint; size: bigint }): Range => ({ base: d.pa, size: d.size });

interface DevRef {
  vm: number;
  dev: number;
  range: Range;
  label: string;
  path: (string | number)[];
}

function allDevices(ctx: RuleContext): DevRef[] {
  const out: DevRef[] = [];
  for (const v of ctx.vms)
    v.vm.platform.devs.forEach((d, j) => {
      if (d.size === 0n) return;
      out.push({
        vm: v.index,
        dev: j,
        range: { base: d.pa, size: d.size },
        label: `${v.label} ${ctx.deviceLabel(v.index, j)}`,
        path: [...v.path, 'platform', 'devs', j],
      });
    });
  return out;
}

export const sharedDevice = defineRule({
  id: 'dev/shared',
  severity: 'warning',
  description: 'The same device (physical range) is given to two VMs',
  refs: ['C2'],
  check(ctx) {
    const devs = allDevices(ctx);
    const out: Diagnostic[] = [];
    for (let a = 0; a < devs.length; a++)
      for (let b = a + 1; b < devs.length; b++) {
        const A = devs[a];
        const B = devs[b];
        if (A.vm === B.vm || !overlaps(A.range, B.range)) continue;
        out.push(
          ctx.diag(
            this,
            [...B.path, 'pa'],
            `${B.label} ${fmtRange(B.range)} is also given to ${A.label} ${fmtRange(A.range)}`,
            {
              related: [[...A.path, 'pa']],
              bao: 'Silent: Bao maps the device into both VMs; both guests drive the same hardware',
            },
          ),
        );
      }
    return out;
  },
});

export const deviceAlignment = defineRule({
  id: 'dev/alignment',
  severity: 'error',
  description:
    'A device’s va (or pa) is not aligned to the page size (MMU) or the MPU granularity, with different offsets in the page',
  refs: ['C3'],
  check(ctx) {
    const page = ctx.pageSize;
    const out: Diagnostic[] = [];
    if (ctx.platform?.arch === 'tricore') return out; // devices are not mapped (APU/PROT access)
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n) return;
        // A sub-page register block is fine when pa and va share the page offset: Bao maps the
        // whole page and the guest adds the same offset.
        if (d.va % page === d.pa % page) return;
        const field = d.va % page !== 0n ? 'va' : 'pa';
        const value = field === 'va' ? d.va : d.pa;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, field],
            `${v.label}: ${ctx.deviceLabel(v.index, j)}: ${field} ${hex(value)} is not aligned to ${ctx.mpu ? `the MPU granularity (${page} bytes)` : `the page size (${hex(page)})`} (pa ${hex(d.pa)} and va ${hex(d.va)} sit at different offsets in their pages)`,
            {
              bao: 'Silent: the mapping fails or lands at the wrong offset, and Bao ignores the result',
            },
          ),
        );
      });
    return out;
  },
});

export const deviceIdentity = defineRule({
  id: 'dev/identity',
  severity: 'error',
  description: 'MPU builds cannot translate: a device’s va must equal its pa',
  refs: ['B15'],
  needsPlatform: true,
  check(ctx) {
    // TriCore does not map devices at all (MMIO_SLAVE_SIDE_PROT): va is unused there.
    if (!ctx.mpu || ctx.platform!.arch === 'tricore') return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n || d.va === d.pa) return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, 'va'],
            `${v.label}: ${ctx.deviceLabel(v.index, j)} has va ${hex(d.va)} ≠ pa ${hex(d.pa)}; ${ctx.platform!.name} has an MPU, which cannot translate addresses`,
            {
              bao: 'BAO ERROR: Trying to map non identity',
            },
          ),
        );
      });
    return out;
  },
});

export const exposesNeighbours = defineRule({
  id: 'dev/exposes-neighbours',
  severity: 'warning',
  description:
    'A device window (rounded to whole pages on MMU builds) also covers other devices of the platform',
  refs: ['C18'],
  needsPlatform: true,
  check(ctx) {
    const inv = ctx.platform!.devices.filter((d) => d.size > 0n);
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const devs = v.vm.platform.devs;
      devs.forEach((d, j) => {
        if (d.size === 0n) return;
        const dev = { base: d.pa, size: d.size };
        const span = ctx.mpu ? dev : pageSpan(dev, ctx.pageSize);
        // The device this entry is for: the inventory entry at its pa and, for a window over a
        // block of like devices (the 8 virtio-mmio slots), the others of that kind inside it;
        // plus whatever the VM is given by its other entries.
        const primary = inv.find((y) => y.pa === dev.base);
        const inside = (x: Range): boolean => x.base >= dev.base && end(x) <= end(dev);
        const exposed = inv.filter((x) => {
          const r = win(x);
          if (!overlaps(r, span) || x === primary) return false;
          if (
            devs.some((o, k) => k !== j && o.size > 0n && overlaps({ base: o.pa, size: o.size }, r))
          )
            return false;
          if (inside(r) && (primary ? x.kind === primary.kind : true)) return false;
          return true;
        });
        if (exposed.length === 0) return;
        const rounded = span.base !== dev.base || span.size !== dev.size;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, 'size'],
            `${v.label}: ${ctx.deviceLabel(v.index, j)} ${fmtRange(dev)}${rounded ? ` is mapped as the whole pages ${fmtRange(span)}, which` : ''} also exposes ${listNames(exposed.map((x) => `"${x.name}" ${fmtRange(win(x))}`))}`,
            { bao: 'Silent: the guest can reach the neighbouring registers' },
          ),
        );
      });
    }
    return out;
  },
});

export const platformConflict = defineRule({
  id: 'dev/platform-conflict',
  severity: 'error',
  description:
    'A device window covers hardware Bao owns (interrupt controller, SMMU) or platform RAM',
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n) return;
        const dev = { base: d.pa, size: d.size };
        const p = [...v.path, 'platform', 'devs', j, 'pa'];
        const sys = plat.systemDevices.find((s) => overlaps(win(s), dev));
        if (sys)
          out.push(
            ctx.diag(
              this,
              p,
              `${v.label}: ${ctx.deviceLabel(v.index, j)} ${fmtRange(dev)} covers ${sys.name} ${fmtRange(win(sys))}, which Bao itself drives`,
              {
                bao: 'Silent: the guest can reprogram hardware the hypervisor depends on',
              },
            ),
          );
        const ram = plat.memory.find((m) => overlaps(m, dev));
        if (ram)
          out.push(
            ctx.diag(
              this,
              p,
              `${v.label}: ${ctx.deviceLabel(v.index, j)} ${fmtRange(dev)} lies in platform RAM ${fmtRange(ram)}`,
              {
                severity: 'warning',
                bao: 'Silent: the guest gets raw access to RAM that Bao may give to others (and to Bao itself)',
              },
            ),
          );
      });
    return out;
  },
});

export const unknownAddress = defineRule({
  id: 'dev/unknown-address',
  severity: 'warning',
  description: 'A device address matches nothing on a platform whose device list is complete',
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    if (!plat.inventoryComplete) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n) return;
        const dev = { base: d.pa, size: d.size };
        const known =
          plat.devices.some((x) => x.size > 0n && overlaps(win(x), dev)) ||
          plat.systemDevices.some((x) => overlaps(win(x), dev)) ||
          plat.memory.some((m) => overlaps(m, dev));
        if (known) return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, 'pa'],
            `${v.label}: ${ctx.deviceLabel(v.index, j)} ${fmtRange(dev)}: ${plat.name} has no device there`,
            {
              bao: 'Silent: guest accesses hit unassigned address space',
            },
          ),
        );
      });
    return out;
  },
});

export const tricoreProtectable = defineRule({
  id: 'dev/tricore-not-protectable',
  severity: 'error',
  description: 'TriCore: a device pa must be one of the platform’s protectable device bases',
  refs: ['B17'],
  needsPlatform: true,
  check(ctx) {
    const bases = ctx.platform!.protectableDevices;
    if (ctx.platform!.arch !== 'tricore' || !bases) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n || bases.includes(d.pa)) return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, 'pa'],
            `${v.label}: ${ctx.deviceLabel(v.index, j)} pa ${hex(d.pa)} is not a protectable device base of ${ctx.platform!.name}`,
            {
              bao: `BAO ERROR: Device ${hex(d.pa)} not found`,
            },
          ),
        );
      });
    return out;
  },
});

/**
 * A stream id on a board without an IOMMU. RISC-V (checked on QEMU, v1.0.0 and v2.0.0): Bao
 * prints nothing and hangs while setting up the VM. Armv8 (code reading): the SMMU context
 * allocation fails and vm.c raises the ERROR.
 */
function noIommu(riscv: boolean): string {
  return riscv
    ? `${VM_INIT_HANG}: it programs the device table of an IOMMU the board does not have`
    : 'BAO ERROR: Failed to add device to iommu';
}

/** Prefix of `bao` texts for a hang after the banner, before any guest runs. */
export const VM_INIT_HANG = 'Hangs while Bao sets up the VMs, after its banner; no guest starts';

export const iommu = defineRule({
  id: 'dev/iommu',
  severity: 'error',
  description:
    'An IOMMU stream id (device .id, SMMU groups) on a platform without an IOMMU, or the same stream id in two VMs',
  refs: ['B13'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const hasIommu = plat.smmu !== undefined && !ctx.mpu;
    const out: Diagnostic[] = [];
    const seen = new Map<number, { vm: number; label: string; path: (string | number)[] }>();
    for (const v of ctx.vms) {
      v.vm.platform.devs.forEach((d, j) => {
        if (!d.id) return;
        const p = [...v.path, 'platform', 'devs', j, 'id'];
        const who = `${v.label}: ${ctx.deviceLabel(v.index, j)}`;
        if (!hasIommu) {
          out.push(
            ctx.diag(
              this,
              p,
              `${who} has IOMMU stream id ${d.id} but ${plat.name} has no IOMMU that Bao drives`,
              { bao: noIommu(plat.irqc.type === 'riscv') },
            ),
          );
          return;
        }
        const prev = seen.get(d.id);
        if (prev && prev.vm !== v.index)
          out.push(
            ctx.diag(this, p, `${who} has IOMMU stream id ${d.id}, already used by ${prev.label}`, {
              related: [prev.path],
              bao:
                plat.irqc.type === 'riscv'
                  ? 'BAO ERROR: Failed to add device to iommu'
                  : 'BAO ERROR: SMMU sme conflict',
            }),
          );
        else if (!prev) seen.set(d.id, { vm: v.index, label: who, path: p });
      });
      const groups = v.vm.platform.arch.smmu?.groups ?? [];
      if (groups.length > 0 && !hasIommu)
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'arch', 'smmu'],
            `${v.label}: SMMU groups are set but ${plat.name} has no SMMU that Bao drives`,
            { bao: noIommu(false) },
          ),
        );
    }
    return out;
  },
});

export const emptyDevice = defineRule({
  id: 'dev/empty',
  severity: 'warning',
  description: 'A device entry has neither a register window, interrupts nor an IOMMU stream id',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n && d.interrupts.length === 0 && !d.id)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'devs', j],
              `${v.label}: ${ctx.deviceLabel(v.index, j)} has size 0 and no interrupts: it gives the VM nothing`,
            ),
          );
      });
    return out;
  },
});

export const baoConsole = defineRule({
  id: 'dev/bao-console',
  severity: 'info',
  description: 'A VM is given the UART Bao itself prints to',
  needsPlatform: true,
  check(ctx) {
    const base = ctx.platform!.console.base;
    if (base === undefined) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.devs.forEach((d, j) => {
        if (d.size === 0n || !overlaps(win(d), { base, size: 1n })) return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'devs', j, 'pa'],
            `${v.label}: ${ctx.deviceLabel(v.index, j)} is the UART Bao prints its own messages to (${hex(base)}); their output will interleave`,
          ),
        );
      });
    return out;
  },
});
