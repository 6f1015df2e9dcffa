// Inter-VM links: IPC windows on shared memories (B5, B9, B10) and their consistency.
import { hex } from '../../model/numbers.js';
import type { ModelPath } from '../../model/path.js';
import type { RuleContext } from '../context.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

interface IpcRef {
  vm: number;
  ipc: number;
  label: string;
  path: ModelPath;
  size: bigint;
  base: bigint;
  shmem: number;
}

function ipcRefs(ctx: RuleContext): IpcRef[] {
  const out: IpcRef[] = [];
  for (const v of ctx.vms)
    v.vm.platform.ipcs.forEach((c, j) =>
      out.push({
        vm: v.index,
        ipc: j,
        label: `${v.label} IPC ${j}`,
        path: [...v.path, 'platform', 'ipcs', j],
        size: c.size,
        base: c.base,
        shmem: c.shmem_id,
      }),
    );
  return out;
}

export const ipcShmemId = defineRule({
  id: 'ipc/shmem-id',
  severity: 'error',
  description: 'An IPC names a shared memory that does not exist (shmem_id out of range)',
  refs: ['B9', 'B5'],
  check(ctx) {
    const n = ctx.config.shmemlist.length;
    return ipcRefs(ctx)
      .filter((r) => r.shmem >= n)
      .map((r) =>
        ctx.diag(
          this,
          [...r.path, 'shmem_id'],
          `${r.label}: shmem_id ${r.shmem} does not exist (${n === 0 ? 'shmemlist is empty' : `shmemlist has ids 0–${n - 1}`})`,
          {
            related: [['config', 'shmemlist']],
            bao: ctx.mpu
              ? 'Undefined: MPU builds index shmemlist with it before any check (mpu/config.c)'
              : 'BAO WARNING: Invalid shmem id in configuration. Ignored.',
          },
        ),
      );
  },
});

export const ipcSize = defineRule({
  id: 'ipc/size',
  severity: 'warning',
  description: 'An IPC window is larger than its shared memory',
  refs: ['B10'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const r of ipcRefs(ctx)) {
      const s = ctx.config.shmemlist[r.shmem];
      if (!s || r.size <= s.size) continue;
      out.push(
        ctx.diag(
          this,
          [...r.path, 'size'],
          `${r.label}: size ${hex(r.size)} is larger than shared memory ${r.shmem} (${hex(s.size)})`,
          {
            related: [['config', 'shmemlist', r.shmem, 'size']],
            bao: 'BAO WARNING: Trying to map region to smaller shared memory. Truncated',
          },
        ),
      );
    }
    return out;
  },
});

export const ipcPeerSize = defineRule({
  id: 'ipc/peer-size',
  severity: 'warning',
  description: 'Two VMs share a memory through IPCs of different sizes',
  check(ctx) {
    const out: Diagnostic[] = [];
    const first = new Map<number, IpcRef>();
    for (const r of ipcRefs(ctx)) {
      if (!ctx.config.shmemlist[r.shmem]) continue;
      const prev = first.get(r.shmem);
      if (!prev) {
        first.set(r.shmem, r);
        continue;
      }
      if (prev.vm !== r.vm && prev.size !== r.size)
        out.push(
          ctx.diag(
            this,
            [...r.path, 'size'],
            `${r.label}: size ${hex(r.size)} differs from the other side of shared memory ${r.shmem}, ${prev.label} (${hex(prev.size)})`,
            {
              related: [[...prev.path, 'size']],
              bao: 'Silent: one side sees only part of the shared buffer',
            },
          ),
        );
    }
    return out;
  },
});

export const ipcMpuBase = defineRule({
  id: 'ipc/mpu-base',
  severity: 'error',
  description: 'MPU builds: an IPC base must equal its shared memory’s base (no translation)',
  refs: ['B5'],
  needsPlatform: true,
  check(ctx) {
    if (!ctx.mpu) return [];
    const out: Diagnostic[] = [];
    for (const r of ipcRefs(ctx)) {
      const s = ctx.config.shmemlist[r.shmem];
      if (!s) continue;
      const phys = s.phys ?? 0n;
      if (r.base === phys) continue;
      out.push(
        ctx.diag(
          this,
          [...r.path, 'base'],
          `${r.label}: base ${hex(r.base)} differs from shared memory ${r.shmem}'s base ${hex(phys)}; ${ctx.platform!.name} has an MPU, which cannot translate`,
          {
            related: [['config', 'shmemlist', r.shmem, 'phys']],
            bao: 'BAO ERROR: IPC base addr must be the same as its shmem base addr.',
          },
        ),
      );
    }
    return out;
  },
});

export const shmemUsage = defineRule({
  id: 'ipc/shmem-usage',
  severity: 'info',
  description: 'A shared memory used by no VM, or by only one VM',
  check(ctx) {
    const users = new Map<number, Set<number>>();
    const add = (k: number, vm: number): void => {
      if (!users.has(k)) users.set(k, new Set());
      users.get(k)!.add(vm);
    };
    for (const r of ipcRefs(ctx)) add(r.shmem, r.vm);
    for (const v of ctx.vms)
      v.vm.platform.remio_devs.forEach((d) => add(d.shmem.shmem_id, v.index));
    const out: Diagnostic[] = [];
    ctx.config.shmemlist.forEach((_, k) => {
      const n = users.get(k)?.size ?? 0;
      if (n >= 2) return;
      out.push(
        ctx.diag(
          this,
          ['config', 'shmemlist', k],
          n === 0
            ? `Shared memory ${k} is used by no IPC: it only takes memory`
            : `Shared memory ${k} is used by one VM only, so it links nothing`,
        ),
      );
    });
    return out;
  },
});

export const ipcNoInterrupt = defineRule({
  id: 'ipc/no-interrupt',
  severity: 'info',
  description: 'An IPC has no notification interrupt',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.ipcs.forEach((c, j) => {
        if (c.interrupts.length === 0)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'ipcs', j, 'interrupts'],
              `${v.label}: IPC ${j} has no interrupt, so the other side cannot notify this VM (polling only)`,
            ),
          );
      });
    return out;
  },
});
