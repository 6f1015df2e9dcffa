// C1: declared counts (*_num, *_size) that disagree with their lists. Bao's loops trust the
// count: too small drops trailing entries, too large reads past the array.
import type { ModelPath } from '../../model/path.js';
import type { Diagnostic } from '../diagnostic.js';
import type { RuleContext } from '../context.js';
import { defineRule, type Rule } from '../rule.js';

interface Counted {
  path: ModelPath;
  field: string;
  declared: number | undefined;
  actual: number;
  what: string;
}

const count = (
  path: ModelPath,
  field: string,
  declared: number | undefined,
  list: readonly unknown[],
  what: string,
): Counted => ({ path, field, declared, actual: list.length, what });

/** Every declared count of the config with the list it counts. */
function counted(ctx: RuleContext): Counted[] {
  const c = ctx.config;
  const out: Counted[] = [
    count(['config'], 'vmlist_size', c.vmlist_size, c.vmlist, 'vmlist'),
    count(['config'], 'shmemlist_size', c.shmemlist_size, c.shmemlist, 'shmemlist'),
  ];
  for (const v of ctx.vms) {
    const p = v.vm.platform;
    const pp = [...v.path, 'platform'];
    out.push(
      count(pp, 'region_num', p.region_num, p.regions, `${v.label} regions`),
      count(pp, 'dev_num', p.dev_num, p.devs, `${v.label} devs`),
      count(pp, 'ipc_num', p.ipc_num, p.ipcs, `${v.label} ipcs`),
      count(pp, 'remio_dev_num', p.remio_dev_num, p.remio_devs, `${v.label} remio_devs`),
    );
    p.devs.forEach((d, j) =>
      out.push(
        count(
          [...pp, 'devs', j],
          'interrupt_num',
          d.interrupt_num,
          d.interrupts,
          `${v.label} ${ctx.deviceLabel(v.index, j)} interrupts`,
        ),
      ),
    );
    p.ipcs.forEach((d, j) =>
      out.push(
        count(
          [...pp, 'ipcs', j],
          'interrupt_num',
          d.interrupt_num,
          d.interrupts,
          `${v.label} IPC ${j} interrupts`,
        ),
      ),
    );
    const { smmu, gpsr_groups, smc_passthrough: smc } = p.arch;
    if (smmu)
      out.push(
        count(
          [...pp, 'arch', 'smmu'],
          'group_num',
          smmu.group_num,
          smmu.groups,
          `${v.label} SMMU groups`,
        ),
      );
    if (gpsr_groups)
      out.push(
        count([...pp, 'arch'], 'gpsr_num', p.arch.gpsr_num, gpsr_groups, `${v.label} GPSR groups`),
      );
    if (smc)
      out.push(
        count(
          [...pp, 'arch', 'smc_passthrough'],
          'num',
          smc.num,
          smc.smcs,
          `${v.label} SMC pass-through list`,
        ),
      );
  }
  return out;
}

export const countMismatch: Rule = defineRule({
  id: 'config/count-mismatch',
  severity: 'error',
  description: 'A declared count (*_num, *_size) differs from the number of entries',
  refs: ['C1'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const c of counted(ctx)) {
      if (c.declared === undefined || c.declared === c.actual) continue;
      const fewer = c.declared < c.actual;
      const listed = c.actual === 1 ? '1 entry is listed' : `${c.actual} entries are listed`;
      const past = c.declared - c.actual === 1 ? '1 entry' : `${c.declared - c.actual} entries`;
      const msg = fewer
        ? `${c.what}: ${c.field} = ${c.declared} but ${listed}; Bao ignores the last ${c.actual - c.declared}`
        : `${c.what}: ${c.field} = ${c.declared} but only ${listed}; Bao reads ${past} past the end of the array`;
      out.push(
        ctx.diag(this, [...c.path, c.field], msg, {
          bao: fewer
            ? 'Silent: Bao boots and never sets up the extra entries'
            : 'Silent: undefined behaviour (Bao reads whatever memory follows the list)',
        }),
      );
    }
    return out;
  },
});

export const emptyVmlist = defineRule({
  id: 'config/empty-vmlist',
  severity: 'error',
  description: 'The configuration has no VM',
  refs: ['A3'],
  check(ctx) {
    if (ctx.config.vmlist.length > 0) return [];
    return [
      ctx.diag(this, ['config', 'vmlist'], 'The configuration has no VM: vmlist is empty', {
        bao: 'Build: array sizes derived from CONFIG_VM_NUM = 0 break the build (configs/null notes vmlist_size must be ≥ 1)',
      }),
    ];
  },
});
