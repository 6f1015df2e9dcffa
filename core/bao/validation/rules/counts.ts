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

function counted(ctx: RuleContext): Counted[] {
  const c = ctx.config;
  const out: Counted[] = [
    {
      path: ['config'],
      field: 'vmlist_size',
      declared: c.vmlist_size,
      actual: c.vmlist.length,
      what: 'vmlist',
    },
    {
      path: ['config'],
      field: 'shmemlist_size',
      declared: c.shmemlist_size,
      actual: c.shmemlist.length,
      what: 'shmemlist',
    },
  ];
  for (const v of ctx.vms) {
    const p = v.vm.platform;
    const pp = [...v.path, 'platform'];
    out.push(
      {
        path: pp,
        field: 'region_num',
        declared: p.region_num,
        actual: p.regions.length,
        what: `${v.label} regions`,
      },
      {
        path: pp,
        field: 'dev_num',
        declared: p.dev_num,
        actual: p.devs.length,
        what: `${v.label} devs`,
      },
      {
        path: pp,
        field: 'ipc_num',
        declared: p.ipc_num,
        actual: p.ipcs.length,
        what: `${v.label} ipcs`,
      },
      {
        path: pp,
        field: 'remio_dev_num',
        declared: p.remio_dev_num,
        actual: p.remio_devs.length,
        what: `${v.label} remio_devs`,
      },
    );
    p.devs.forEach((d, j) =>
      out.push({
        path: [...pp, 'devs', j],
        field: 'interrupt_num',
        declared: d.interrupt_num,
        actual: d.interrupts.length,
        what: `${v.label} ${ctx.deviceLabel(v.index, j)} interrupts`,
      }),
    );
    p.ipcs.forEach((d, j) =>
      out.push({
        path: [...pp, 'ipcs', j],
        field: 'interrupt_num',
        declared: d.interrupt_num,
        actual: d.interrupts.length,
        what: `${v.label} IPC ${j} interrupts`,
      }),
    );
    const smmu = p.arch.smmu;
    if (smmu)
      out.push({
        path: [...pp, 'arch', 'smmu'],
        field: 'group_num',
        declared: smmu.group_num,
        actual: smmu.groups.length,
        what: `${v.label} SMMU groups`,
      });
    if (p.arch.gpsr_groups)
      out.push({
        path: [...pp, 'arch'],
        field: 'gpsr_num',
        declared: p.arch.gpsr_num,
        actual: p.arch.gpsr_groups.length,
        what: `${v.label} GPSR groups`,
      });
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
