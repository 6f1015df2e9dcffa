// Interrupts (B11, B12, C10, C11, C12): ids must exist on the controller, be assigned once, and
// fit the VM's virtual controller.
import type { ModelPath } from '../../model/path.js';
import { maxInterruptId } from '../../platforms/index.js';
import type { RuleContext } from '../context.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

interface IrqUse {
  id: number;
  vm: number;
  /** `VM 0 "baremetal" device 0 "UART0"` */
  owner: string;
  path: ModelPath;
  ipc: boolean;
}

/** Interrupts as Bao assigns them to VMs: device interrupts, plus IPC ones on PHYS_IRQS_ONLY arches. */
function irqUses(ctx: RuleContext, withIpc: boolean): IrqUse[] {
  const out: IrqUse[] = [];
  for (const v of ctx.vms) {
    v.vm.platform.devs.forEach((d, j) =>
      d.interrupts.forEach((id, k) =>
        out.push({
          id,
          vm: v.index,
          owner: `${v.label} ${ctx.deviceLabel(v.index, j)}`,
          path: [...v.path, 'platform', 'devs', j, 'interrupts', k],
          ipc: false,
        }),
      ),
    );
    if (withIpc)
      v.vm.platform.ipcs.forEach((c, j) =>
        c.interrupts.forEach((id, k) =>
          out.push({
            id,
            vm: v.index,
            owner: `${v.label} IPC ${j}`,
            path: [...v.path, 'platform', 'ipcs', j, 'interrupts', k],
            ipc: true,
          }),
        ),
      );
  }
  return out;
}

/** RH850 and TriCore have PHYS_IRQS_ONLY: IPC interrupts are physical and reserved too. */
const physIrqsOnly = (ctx: RuleContext): boolean =>
  ctx.platform?.arch === 'rh850' || ctx.platform?.arch === 'tricore';

const isArm = (ctx: RuleContext): boolean =>
  ctx.platform?.irqc.type === 'GICv2' || ctx.platform?.irqc.type === 'GICv3';

export const duplicateInterrupt = defineRule({
  id: 'irq/duplicate',
  severity: 'error',
  description: 'An interrupt id is assigned twice (to two devices or two VMs)',
  refs: ['B11'],
  check(ctx) {
    const arm = isArm(ctx);
    const rh850 = ctx.platform?.arch === 'rh850';
    const first = new Map<number, IrqUse>();
    const out: Diagnostic[] = [];
    for (const u of irqUses(ctx, physIrqsOnly(ctx))) {
      // Armv8: only ids above GIC_CPU_PRIV (32) are reserved globally; PPIs are per CPU.
      if (arm && u.id <= 32) continue;
      // RH850: IPIR channels 0-2 (those Bao does not use) are shared between VMs.
      if (rh850 && u.id < 3) continue;
      const prev = first.get(u.id);
      if (!prev) {
        first.set(u.id, u);
        continue;
      }
      out.push(
        ctx.diag(
          this,
          u.path,
          `${u.owner}: interrupt ${u.id} is already assigned to ${prev.owner}`,
          {
            related: [prev.path],
            bao: `BAO ERROR: Failed to assign interrupt id ${u.id}`,
          },
        ),
      );
    }
    return out;
  },
});

export const hypervisorReserved = defineRule({
  id: 'irq/hypervisor-reserved',
  severity: 'error',
  description: 'An interrupt id Bao reserves for itself (its inter-CPU messages)',
  refs: ['B11'],
  needsPlatform: true,
  check(ctx) {
    const reserved = ctx.platform!.reservedInterrupts ?? [];
    if (reserved.length === 0) return [];
    const out: Diagnostic[] = [];
    for (const u of irqUses(ctx, physIrqsOnly(ctx))) {
      const r = reserved.find((x) => x.id === u.id);
      if (r)
        out.push(
          ctx.diag(this, u.path, `${u.owner}: interrupt ${u.id} belongs to Bao (${r.what})`, {
            bao: `BAO ERROR: Failed to assign interrupt id ${u.id}`,
          }),
        );
    }
    return out;
  },
});

export const spi32Shared = defineRule({
  id: 'irq/spi32-shared',
  severity: 'warning',
  description: 'Armv8: SPI 32 given to two VMs slips past Bao’s check (off by one)',
  refs: ['C11'],
  check(ctx) {
    if (!isArm(ctx)) return [];
    const uses = irqUses(ctx, false).filter((u) => u.id === 32);
    return uses.slice(1).map((u) =>
      ctx.diag(
        this,
        u.path,
        `${u.owner}: interrupt 32 is also assigned to ${uses[0].owner}; Bao does not notice (it only checks ids above 32)`,
        {
          related: [uses[0].path],
          bao: 'Silent: both VMs are given SPI 32',
        },
      ),
    );
  },
});

export const interruptRange = defineRule({
  id: 'irq/range',
  severity: 'error',
  description:
    'An interrupt id the platform’s interrupt controller does not have (or that Bao keeps)',
  refs: ['C10'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const max = maxInterruptId(plat, ctx.version, ctx.project.target.irqc);
    const ctrl =
      plat.irqc.type === 'riscv'
        ? `the ${ctx.irqc?.kind ?? 'interrupt controller'} of ${plat.name}`
        : `the ${plat.irqc.type === 'GICv2' || plat.irqc.type === 'GICv3' ? plat.irqc.type : 'interrupt controller'} of ${plat.name}`;
    const out: Diagnostic[] = [];
    for (const u of irqUses(ctx, physIrqsOnly(ctx))) {
      let why: string | undefined;
      let bao = 'Silent: the interrupt never reaches the guest';
      if (u.id > max) {
        why = `interrupt ${u.id} does not exist on ${ctrl} (ids up to ${max})`;
        if (u.id >= 1024)
          bao = 'Silent: Bao writes past its interrupt bitmap (no range check before bitmap_set)';
      } else if (plat.irqc.type === 'riscv' && u.id === 0)
        why = 'interrupt 0 means "no interrupt" on RISC-V';
      else if (isArm(ctx) && u.id < 16)
        why = `interrupt ${u.id} is an SGI (0–15), which cannot be passed through`;
      else if (
        (plat.irqc.type === 'GICv2' || plat.irqc.type === 'GICv3') &&
        u.id === plat.irqc.maintenanceIrq
      ) {
        why = `interrupt ${u.id} is the GIC maintenance interrupt, which Bao uses itself`;
        bao = 'Silent: Bao does not refuse a PPI, and the guest and Bao then both handle it';
      }
      if (why) out.push(ctx.diag(this, u.path, `${u.owner}: ${why}`, { bao }));
    }
    return out;
  },
});

export const vgicSize = defineRule({
  id: 'irq/vgic-size',
  severity: 'warning',
  description: 'Armv8: a device interrupt beyond the VM’s vGIC size (arch.gic.interrupt_num)',
  refs: ['B12'],
  needsPlatform: true,
  check(ctx) {
    if (!isArm(ctx)) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const n = v.vm.platform.arch.gic?.interrupt_num;
      if (n === undefined || n <= 32) continue; // ≤ 32: Bao uses the physical GIC's size
      const lines = Math.ceil(n / 32) * 32;
      v.vm.platform.devs.forEach((d, j) =>
        d.interrupts.forEach((id, k) => {
          if (id < lines) return;
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'devs', j, 'interrupts', k],
              `${v.label}: ${ctx.deviceLabel(v.index, j)} interrupt ${id} is beyond the VM's vGIC (interrupt_num ${n} → ${lines} lines)`,
              {
                related: [[...v.path, 'platform', 'arch', 'gic', 'interrupt_num']],
                bao: 'BAO WARNING: trying to link non-existent virtual irq to physical irq',
              },
            ),
          );
        }),
      );
    }
    return out;
  },
});

export const ipcInterrupt = defineRule({
  id: 'irq/ipc-collision',
  severity: 'warning',
  description:
    'An IPC (virtual) interrupt collides with a pass-through interrupt of the same VM or is out of range',
  refs: ['C12'],
  needsPlatform: true,
  check(ctx) {
    if (physIrqsOnly(ctx)) return []; // reserved like device interrupts: irq/duplicate
    const plat = ctx.platform!;
    const max = maxInterruptId(plat, ctx.version, ctx.project.target.irqc);
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const devIrqs = new Map<number, string>();
      v.vm.platform.devs.forEach((d, j) =>
        d.interrupts.forEach((id) => devIrqs.set(id, ctx.deviceLabel(v.index, j))),
      );
      const vgic = v.vm.platform.arch.gic?.interrupt_num;
      const limit =
        isArm(ctx) && vgic !== undefined && vgic > 32 ? Math.ceil(vgic / 32) * 32 - 1 : max;
      v.vm.platform.ipcs.forEach((c, j) =>
        c.interrupts.forEach((id, k) => {
          const p = [...v.path, 'platform', 'ipcs', j, 'interrupts', k];
          const dev = devIrqs.get(id);
          if (dev !== undefined)
            out.push(
              ctx.diag(
                this,
                p,
                `${v.label}: IPC ${j} interrupt ${id} is also the interrupt of its ${dev}`,
                {
                  bao: 'Silent: the guest cannot tell IPC notifications from device interrupts',
                },
              ),
            );
          else if (id > limit || (plat.irqc.type === 'riscv' && id === 0))
            out.push(
              ctx.diag(
                this,
                p,
                `${v.label}: IPC ${j} interrupt ${id} is outside the VM's interrupt controller (ids up to ${limit})`,
                {
                  bao: 'Silent: the notification is never delivered',
                },
              ),
            );
        }),
      );
    }
    return out;
  },
});
