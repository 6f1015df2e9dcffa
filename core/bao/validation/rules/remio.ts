// Remote I/O (VirtIO over Bao, v2): frontends and backends paired by bind_key (B14, C13).
import type { ModelPath } from '../../model/path.js';
import type { RemioDev } from '../../model/schema.js';
import type { Diagnostic } from '../diagnostic.js';
import type { RuleContext } from '../context.js';
import { defineRule } from '../rule.js';

interface RemioRef {
  vm: number;
  label: string;
  path: ModelPath;
  dev: RemioDev;
}

function remios(ctx: RuleContext): RemioRef[] {
  const out: RemioRef[] = [];
  for (const v of ctx.vms)
    v.vm.platform.remio_devs.forEach((dev, j) =>
      out.push({
        vm: v.index,
        label: `${v.label} Remote I/O device ${j}`,
        path: [...v.path, 'platform', 'remio_devs', j],
        dev,
      }),
    );
  return out;
}

const side = (d: RemioDev): string => (d.type === 'REMIO_DEV_FRONTEND' ? 'frontend' : 'backend');

export const remioPairing = defineRule({
  id: 'remio/pairing',
  severity: 'error',
  description: 'Each Remote I/O bind_key needs exactly one frontend and one backend',
  refs: ['B14'],
  check(ctx) {
    const byKey = new Map<number, RemioRef[]>();
    for (const r of remios(ctx)) {
      if (!byKey.has(r.dev.bind_key)) byKey.set(r.dev.bind_key, []);
      byKey.get(r.dev.bind_key)!.push(r);
    }
    const out: Diagnostic[] = [];
    for (const [key, refs] of byKey) {
      const fe = refs.filter((r) => r.dev.type === 'REMIO_DEV_FRONTEND');
      const be = refs.filter((r) => r.dev.type === 'REMIO_DEV_BACKEND');
      for (const [list, name] of [
        [fe, 'frontend'],
        [be, 'backend'],
      ] as const)
        for (const extra of list.slice(1))
          out.push(
            ctx.diag(
              this,
              [...extra.path, 'bind_key'],
              `${extra.label}: bind_key ${key} already has a ${name} (${list[0].label})`,
              {
                related: [list[0].path],
                bao: `BAO ERROR: Failed to link backend to the frontend, more than one ${name} was atributed to the Remote I/O device ${key}`,
              },
            ),
          );
      if (fe.length === 0 || be.length === 0) {
        const only = refs[0];
        out.push(
          ctx.diag(
            this,
            [...only.path, 'bind_key'],
            `${only.label}: the ${side(only.dev)} with bind_key ${key} has no ${fe.length === 0 ? 'frontend' : 'backend'}`,
            {
              bao: 'BAO ERROR: There is no 1-to-1 mapping between a Remote I/O backend and Remote I/O frontend',
            },
          ),
        );
      } else if (fe[0].vm === be[0].vm)
        out.push(
          ctx.diag(
            this,
            [...be[0].path, 'bind_key'],
            `${be[0].label}: backend and frontend of bind_key ${key} are in the same VM`,
            {
              severity: 'warning',
              related: [fe[0].path],
            },
          ),
        );
    }
    return out;
  },
});

export const remioShmem = defineRule({
  id: 'remio/shmem',
  severity: 'error',
  description:
    'Remote I/O shared memory: valid shmem_id, identical on both sides, not larger than the shared memory',
  refs: ['B14'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const n = ctx.config.shmemlist.length;
    const firstByKey = new Map<number, RemioRef>();
    remios(ctx).forEach((r) => {
      const sh = r.dev.shmem;
      if (sh.shmem_id >= n) {
        out.push(
          ctx.diag(
            this,
            [...r.path, 'shmem', 'shmem_id'],
            `${r.label}: shmem_id ${sh.shmem_id} does not exist (shmemlist has ${n} entries)`,
            {
              bao: `BAO ERROR: Invalid shmem id (${sh.shmem_id}) in the Remote I/O device (${r.dev.bind_key}) configuration`,
            },
          ),
        );
        return;
      }
      const s = ctx.config.shmemlist[sh.shmem_id];
      if (sh.size > s.size)
        out.push(
          ctx.diag(
            this,
            [...r.path, 'shmem', 'size'],
            `${r.label}: shared window size exceeds shared memory ${sh.shmem_id}`,
            {
              severity: 'warning',
              related: [['config', 'shmemlist', sh.shmem_id, 'size']],
              bao: 'BAO WARNING: Trying to map region to smaller shared memory. Truncated',
            },
          ),
        );
      const prev = firstByKey.get(r.dev.bind_key);
      if (!prev) firstByKey.set(r.dev.bind_key, r);
      else if (prev.dev.type !== r.dev.type) {
        const a = prev.dev.shmem;
        if (a.base !== sh.base || a.size !== sh.size || a.shmem_id !== sh.shmem_id)
          out.push(
            ctx.diag(
              this,
              [...r.path, 'shmem'],
              `${r.label}: its shared memory {base, size, shmem_id} differs from the other side of bind_key ${r.dev.bind_key} (${prev.label})`,
              {
                related: [[...prev.path, 'shmem']],
                bao: `BAO ERROR: Invalid shared memory region configuration for Remote I/O device ${r.dev.bind_key}`,
              },
            ),
          );
      }
    });
    return out;
  },
});

export const remioTruncated = defineRule({
  id: 'remio/truncated',
  severity: 'warning',
  description: 'Remote I/O interrupt or bind_key above 255 (Bao sends them as 8-bit values)',
  refs: ['C13'],
  check(ctx) {
    const out: Diagnostic[] = [];
    // Each 8-bit field, and what goes wrong when it wraps.
    const fields = [
      ['interrupt', 'Silent: the wrong interrupt is injected'],
      ['bind_key', 'Silent: requests reach the wrong device'],
    ] as const;
    for (const r of remios(ctx))
      for (const [field, bao] of fields) {
        const value = r.dev[field];
        if (value > 255)
          out.push(
            ctx.diag(
              this,
              [...r.path, field],
              `${r.label}: ${field} ${value} is above 255; Bao passes it between CPUs as 8 bits (${value & 0xff})`,
              { bao },
            ),
          );
      }
    return out;
  },
});

export const remioFrontendWindow = defineRule({
  id: 'remio/frontend-window',
  severity: 'error',
  description: 'A Remote I/O frontend needs its MMIO window (va and size)',
  refs: ['B14'],
  check(ctx) {
    return remios(ctx)
      .filter((r) => r.dev.type === 'REMIO_DEV_FRONTEND' && (r.dev.va === undefined || !r.dev.size))
      .map((r) =>
        ctx.diag(
          this,
          [...r.path, r.dev.va === undefined ? 'va' : 'size'],
          `${r.label}: a frontend needs va and size (the MMIO window the guest's VirtIO driver uses)`,
          {
            bao: 'Silent: the guest driver finds no device',
          },
        ),
      );
  },
});
