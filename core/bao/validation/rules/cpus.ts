// C6/C7: CPU budget and affinity. Bao gives each VM cpu_num physical CPUs, preferring those in
// cpu_affinity, first VM in list order first (vmm.c:26-77). Nothing is checked: a VM that gets
// fewer CPUs than cpu_num waits forever in its init barrier.
import { bitSet, hex, popcount } from '../../model/numbers.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

export const cpuZero = defineRule({
  id: 'cpu/zero',
  severity: 'error',
  description: 'A VM has cpu_num = 0',
  refs: ['C6'],
  check(ctx) {
    return ctx.vms
      .filter((v) => v.vm.platform.cpu_num === 0)
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'cpu_num'],
          `${v.label}: cpu_num is 0, so the VM has no vCPU`,
          {
            bao: 'Silent: the VM never starts (unless a CPU matches its cpu_affinity, which then runs it with no vCPU accounted)',
          },
        ),
      );
  },
});

export const cpuTotal = defineRule({
  id: 'cpu/total',
  severity: 'error',
  description: 'The VMs together need more CPUs than the platform has',
  refs: ['C6'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const total = ctx.vms.reduce((s, v) => s + v.vm.platform.cpu_num, 0);
    if (total <= plat.cpus) return [];
    // Name the VM that is left short: CPUs are handed out in list order.
    let left = plat.cpus;
    let short = ctx.vms[ctx.vms.length - 1];
    for (const v of ctx.vms) {
      if (v.vm.platform.cpu_num > left) {
        short = v;
        break;
      }
      left -= v.vm.platform.cpu_num;
    }
    return [
      ctx.diag(
        this,
        [...short.path, 'platform', 'cpu_num'],
        `The VMs need ${total} CPUs (${ctx.vms.map((v) => `${v.label}: ${v.vm.platform.cpu_num}`).join(', ')}) but ${plat.name} has ${plat.cpus}; ${short.label} does not get all its ${short.vm.platform.cpu_num}`,
        {
          related: ctx.vms
            .filter((v) => v !== short)
            .map((v) => [...v.path, 'platform', 'cpu_num']),
          bao: `Silent: ${short.label} waits forever for CPUs that never come (vm init barrier)`,
        },
      ),
    ];
  },
});

export const cpuUnused = defineRule({
  id: 'cpu/unused',
  severity: 'info',
  description: 'Some platform CPUs are given to no VM',
  refs: ['C6'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const total = ctx.vms.reduce((s, v) => s + v.vm.platform.cpu_num, 0);
    if (total >= plat.cpus || ctx.vms.length === 0) return [];
    return [
      ctx.diag(
        this,
        ['config', 'vmlist'],
        `The VMs use ${total} of ${plat.name}'s ${plat.cpus} CPUs; Bao powers the other ${plat.cpus - total} down`,
      ),
    ];
  },
});

export const affinityNonexistent = defineRule({
  id: 'cpu/affinity-nonexistent',
  severity: 'warning',
  description: 'cpu_affinity names CPUs the platform does not have',
  refs: ['C7'],
  needsPlatform: true,
  check(ctx) {
    const cpus = ctx.platform!.cpus;
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const aff = v.vm.cpu_affinity;
      if (aff === undefined || aff >> BigInt(cpus) === 0n) continue;
      const bad: number[] = [];
      for (let i = cpus; i < 64; i++) if (bitSet(aff, i)) bad.push(i);
      out.push(
        ctx.diag(
          this,
          [...v.path, 'cpu_affinity'],
          `${v.label}: cpu_affinity ${hex(aff)} names CPU${bad.length > 1 ? 's' : ''} ${bad.join(', ')}, but ${ctx.platform!.name} has CPUs 0–${cpus - 1}`,
          { bao: 'Silent: affinity is only a preference; those bits are ignored' },
        ),
      );
    }
    return out;
  },
});

export const affinityOverlap = defineRule({
  id: 'cpu/affinity-overlap',
  severity: 'warning',
  description: 'Two VMs ask for the same CPU in cpu_affinity',
  refs: ['C7'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (let a = 0; a < ctx.vms.length; a++)
      for (let b = a + 1; b < ctx.vms.length; b++) {
        const A = ctx.vms[a];
        const B = ctx.vms[b];
        const both = (A.vm.cpu_affinity ?? 0n) & (B.vm.cpu_affinity ?? 0n);
        if (both === 0n) continue;
        const cpus: number[] = [];
        for (let i = 0; i < 64; i++) if (bitSet(both, i)) cpus.push(i);
        out.push(
          ctx.diag(
            this,
            [...B.path, 'cpu_affinity'],
            `${B.label}: cpu_affinity ${hex(B.vm.cpu_affinity!)} collides with ${A.label} (${hex(A.vm.cpu_affinity!)}) on CPU${cpus.length > 1 ? 's' : ''} ${cpus.join(', ')}; ${A.label} comes first and gets ${cpus.length > 1 ? 'them' : 'it'}`,
            {
              related: [[...A.path, 'cpu_affinity']],
              bao: `Silent: ${B.label} runs on whichever CPUs are left over`,
            },
          ),
        );
      }
    return out;
  },
});

export const affinityCount = defineRule({
  id: 'cpu/affinity-count',
  severity: 'warning',
  description: 'cpu_affinity names a different number of CPUs than cpu_num',
  refs: ['C7'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      let aff = v.vm.cpu_affinity;
      if (aff === undefined || aff === 0n) continue;
      if (ctx.platform) aff &= (1n << BigInt(ctx.platform.cpus)) - 1n;
      const n = popcount(aff);
      const want = v.vm.platform.cpu_num;
      if (n === want) continue;
      out.push(
        ctx.diag(
          this,
          [...v.path, 'cpu_affinity'],
          `${v.label}: cpu_affinity ${hex(v.vm.cpu_affinity!)} names ${n} CPU${n === 1 ? '' : 's'} but cpu_num is ${want}`,
          {
            related: [[...v.path, 'platform', 'cpu_num']],
            bao:
              n > want
                ? 'Silent: the VM takes the first matching CPUs; the others go to later VMs'
                : 'Silent: the VM takes leftover CPUs outside its affinity',
          },
        ),
      );
    }
    return out;
  },
});
