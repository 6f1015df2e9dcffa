// The VM's arch block: the virtual interrupt controller it describes must match the platform
// and the build (C15, C16, B18), and arch fields of another architecture do not compile.
import { hex } from '../../model/numbers.js';
import type { ModelPath } from '../../model/path.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

export const wrongArchBlock = defineRule({
  id: 'arch/foreign-field',
  severity: 'error',
  description: 'The VM’s arch block uses a field of another architecture (does not compile)',
  refs: ['A2'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const arm = plat.irqc.type === 'GICv2' || plat.irqc.type === 'GICv3';
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const a = v.vm.platform.arch;
      const p: ModelPath = [...v.path, 'platform', 'arch'];
      const bad = (field: string, why: string): void => {
        out.push(
          ctx.diag(this, [...p, field], `${v.label}: arch.${field} ${why}`, {
            bao: 'Build: gcc error: struct arch_vm_platform has no such member',
          }),
        );
      };
      if (a.irqc && plat.irqc.type !== 'riscv')
        bad('irqc', `is a RISC-V field; ${plat.name} is ${plat.arch}`);
      if (a.gic && !arm) bad('gic', `is an Armv8 field; ${plat.name} is ${plat.arch}`);
      if (a.smmu && (!arm || ctx.mpu))
        bad('smmu', `exists only on Armv8-A (MMU) builds; ${plat.name} is ${plat.profile}`);
      if ((a.gpsr_groups || a.gpsr_num !== undefined) && plat.arch !== 'tricore')
        bad('gpsr_groups', `is a TriCore field; ${plat.name} is ${plat.arch}`);
      if (a.smc_passthrough && !arm)
        bad('smc_passthrough', `is an Armv8 field (and a patch); ${plat.name} is ${plat.arch}`);
    }
    return out;
  },
});

export const patchedField = defineRule({
  id: 'arch/patched-field',
  severity: 'warning',
  description:
    'The VM uses a field that only a patched Bao has (bao-demos SMC passthrough): upstream Bao does not compile it',
  refs: ['C20'],
  check(ctx) {
    return ctx.vms
      .filter((v) => v.vm.platform.arch.smc_passthrough !== undefined)
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'arch', 'smc_passthrough'],
          `${v.label}: arch.smc_passthrough comes from a bao-demos patch (configurable SMC passthrough), not from upstream Bao ${ctx.version}: the generated config.c builds only against a Bao with that patch`,
          { bao: 'Build: gcc error: struct arch_vm_platform has no member named smc_passthrough' },
        ),
      );
  },
});

export const riscvIrqcMissing = defineRule({
  id: 'arch/riscv-irqc-missing',
  severity: 'error',
  description: 'RISC-V: the VM does not say where its virtual PLIC/APLIC is',
  needsPlatform: true,
  check(ctx) {
    if (ctx.platform!.irqc.type !== 'riscv') return [];
    return ctx.vms
      .filter((v) => {
        const irqc = v.vm.platform.arch.irqc;
        return irqc?.plic === undefined && irqc?.aia === undefined;
      })
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'arch', 'irqc'],
          `${v.label}: arch.irqc is not set, so the guest's ${ctx.irqc?.kind === 'PLIC' ? 'PLIC' : 'APLIC'} is emulated at guest address 0x0`,
          {
            // Nothing is mapped where the guest looks for its controller, and nothing emulated.
            bao: 'BAO ERROR: no emulation handler for abort',
          },
        ),
      );
  },
});

export const riscvIrqcStyle = defineRule({
  id: 'arch/riscv-irqc-style',
  severity: 'warning',
  description: 'RISC-V: the VM describes a PLIC but the build emulates an APLIC, or the reverse',
  refs: ['C16'],
  needsPlatform: true,
  check(ctx) {
    const choice = ctx.irqc;
    if (ctx.platform!.irqc.type !== 'riscv' || !choice) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const irqc = v.vm.platform.arch.irqc;
      const p: ModelPath = [...v.path, 'platform', 'arch', 'irqc'];
      if (irqc?.aia?.imsic && choice.kind !== 'AIA')
        out.push(
          ctx.diag(
            this,
            [...p, 'aia', 'imsic', 'base'],
            `${v.label}: irqc.aia.imsic is set but this build (IRQC=${choice.kind}) has no IMSIC; it is ignored`,
            {
              severity: 'info',
              related: [['target', 'irqc']],
            },
          ),
        );
      if (irqc?.plic && choice.kind !== 'PLIC')
        out.push(
          ctx.diag(
            this,
            [...p, 'plic', 'base'],
            `${v.label}: the VM describes a PLIC (irqc.plic.base ${hex(irqc.plic.base)}) but this build (IRQC=${choice.kind}) emulates an APLIC there`,
            {
              related: [['target', 'irqc']],
              bao: 'Silent: irqc is a union, so it compiles; the guest then finds an APLIC where its device tree says PLIC',
            },
          ),
        );
      else if (irqc?.aia && !irqc.plic && choice.kind === 'PLIC')
        out.push(
          ctx.diag(
            this,
            [...p, 'aia', 'aplic', 'base'],
            `${v.label}: the VM describes an APLIC (irqc.aia.aplic.base ${hex(irqc.aia.aplic.base)}) but this build (IRQC=PLIC) emulates a PLIC there`,
            {
              related: [['target', 'irqc']],
              bao: 'Silent: irqc is a union, so it compiles; the guest then finds a PLIC where it expects an APLIC',
            },
          ),
        );
    }
    return out;
  },
});

export const riscvImsicMissing = defineRule({
  id: 'arch/riscv-imsic-missing',
  severity: 'warning',
  description: 'RISC-V AIA builds: the VM has no vIMSIC address (irqc.aia.imsic.base)',
  needsPlatform: true,
  check(ctx) {
    if (ctx.irqc?.kind !== 'AIA' || ctx.version !== 'v2') return [];
    return ctx.vms
      .filter((v) => v.vm.platform.arch.irqc?.aia?.imsic === undefined)
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'arch', 'irqc', 'aia'],
          `${v.label}: IRQC=AIA but the VM has no irqc.aia.imsic.base, so its interrupt files are mapped at guest address 0x0`,
          {
            bao: 'Silent: the vIMSIC pages land at guest address 0',
          },
        ),
      );
  },
});

export const gicMissing = defineRule({
  id: 'arch/gic-missing',
  severity: 'error',
  description:
    'Armv8: the VM lacks a vGIC address its GIC version needs (gicd_addr; gicr_addr on GICv3; gicc_addr on GICv2)',
  refs: ['C15'],
  needsPlatform: true,
  check(ctx) {
    const t = ctx.platform!.irqc.type;
    if (t !== 'GICv2' && t !== 'GICv3') return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const g = v.vm.platform.arch.gic;
      const p: ModelPath = [...v.path, 'platform', 'arch', 'gic'];
      const need: [keyof NonNullable<typeof g>, string][] = [['gicd_addr', 'distributor sits']];
      if (t === 'GICv3') need.push(['gicr_addr', 'redistributors sit']);
      else need.push(['gicc_addr', 'CPU interface sits']);
      for (const [field, what] of need)
        if (g?.[field] === undefined)
          out.push(
            ctx.diag(
              this,
              [...p, field],
              `${v.label}: arch.gic.${field} is not set, so the vGIC ${what} at guest address 0x0 (${t})`,
              {
                bao:
                  field === 'gicc_addr'
                    ? 'Silent: GICV is mapped at guest address 0 and the mapping result is ignored'
                    : 'Silent: the guest finds no GIC where its device tree says',
              },
            ),
          );
    }
    return out;
  },
});

export const mmuIgnored = defineRule({
  id: 'arch/mmu-ignored',
  severity: 'info',
  description: 'platform.mmu is read only on Armv8-R AArch64',
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    if (plat.profile === 'armv8-r' && plat.arch === 'aarch64') return [];
    return ctx.vms
      .filter((v) => v.vm.platform.mmu !== undefined)
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'mmu'],
          `${v.label}: platform.mmu has an effect only on Armv8-R AArch64; ${plat.name} ignores it`,
        ),
      );
  },
});

export const tricoreGpsr = defineRule({
  id: 'arch/tricore-gpsr',
  severity: 'error',
  description: 'TriCore: GPSR group 0 is reserved for Bao',
  refs: ['B18'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      (v.vm.platform.arch.gpsr_groups ?? []).forEach((g, k) => {
        if (g === 0)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'arch', 'gpsr_groups', k],
              `${v.label}: GPSR group 0 is reserved for Bao's own inter-CPU messages`,
              {
                bao: 'BAO ERROR: GPSR group 0 is reserved for Bao internal use.',
              },
            ),
          );
      });
    return out;
  },
});
