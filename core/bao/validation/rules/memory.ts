// Memory regions and shared memories: alignment, size, physical placement (B1-B4, B7, B16) and
// what fits in the platform.
import { formatSize, hex } from '../../model/numbers.js';
import type { ModelPath } from '../../model/path.js';
import { RuleContext } from '../context.js';
import type { Diagnostic } from '../diagnostic.js';
import { contains, fmtRange, overlaps } from '../ranges.js';
import { defineRule } from '../rule.js';

function reserveFailure(ctx: RuleContext): string {
  return ctx.version === 'v1.0'
    ? 'BAO ERROR: failed reserving memory in root pool'
    : 'BAO ERROR: Failed to reserved static allocated memory';
}

export const zeroSize = defineRule({
  id: 'mem/zero-size',
  severity: 'error',
  description: 'A memory region or shared memory has size 0',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (r.size === 0n)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'regions', j, 'size'],
              `${v.label}: memory region ${j} at ${hex(r.base)} has size 0`,
              {
                bao: 'Silent: nothing is mapped',
              },
            ),
          );
      });
    ctx.config.shmemlist.forEach((s, k) => {
      if (s.size === 0n)
        out.push(
          ctx.diag(this, ['config', 'shmemlist', k, 'size'], `Shared memory ${k} has size 0`, {
            bao: 'Silent: IPCs on it map nothing',
          }),
        );
    });
    return out;
  },
});

export const alignment = defineRule({
  id: 'mem/alignment',
  severity: 'error',
  description:
    'A memory region, IPC window or shared memory is not aligned to the page size (4 KiB with an MMU, 64 B with an MPU)',
  refs: ['B7', 'B16'],
  check(ctx) {
    const page = ctx.pageSize;
    const unit = ctx.mpu ? `the MPU granularity (${page} bytes)` : `the page size (${hex(page)})`;
    const out: Diagnostic[] = [];
    const check = (
      path: ModelPath,
      what: string,
      field: string,
      value: bigint | undefined,
      bao: string,
    ): void => {
      if (value === undefined || value % page === 0n) return;
      out.push(
        ctx.diag(
          this,
          [...path, field],
          `${what}: ${field} ${hex(value)} is not a multiple of ${unit}`,
          { bao },
        ),
      );
    };
    for (const v of ctx.vms) {
      v.vm.platform.regions.forEach((r, j) => {
        const p: ModelPath = [...v.path, 'platform', 'regions', j];
        const w = `${v.label}: memory region ${j}`;
        check(
          p,
          w,
          'base',
          r.base,
          ctx.mpu
            ? 'Silent: the MPU cannot map it and the region is dropped'
            : `BAO ERROR: failed to allocate vm's region at ${hex(r.base)}`,
        );
        check(
          p,
          w,
          'size',
          r.size,
          ctx.mpu
            ? 'BAO ERROR: trying to set mpu region which is not a multiple of granularity'
            : 'Silent: Bao rounds the size up to whole pages, so the guest gets more memory than configured',
        );
        if (r.place_phys && !ctx.mpu) check(p, w, 'phys', r.phys, reserveFailure(ctx));
      });
      v.vm.platform.ipcs.forEach((c, j) => {
        const p: ModelPath = [...v.path, 'platform', 'ipcs', j];
        check(
          p,
          `${v.label}: IPC ${j}`,
          'base',
          c.base,
          ctx.mpu
            ? 'Silent: the MPU cannot map it'
            : `BAO ERROR: failed to allocate vm's region at ${hex(c.base)}`,
        );
        check(
          p,
          `${v.label}: IPC ${j}`,
          'size',
          c.size,
          ctx.mpu
            ? 'BAO ERROR: trying to set mpu region which is not a multiple of granularity'
            : 'Silent: rounded up to whole pages',
        );
      });
    }
    ctx.config.shmemlist.forEach((s, k) => {
      const p: ModelPath = ['config', 'shmemlist', k];
      check(
        p,
        `Shared memory ${k}`,
        'size',
        s.size,
        ctx.mpu
          ? 'BAO ERROR: trying to set mpu region which is not a multiple of granularity'
          : 'Silent: rounded up to whole pages',
      );
      if (s.place_phys || ctx.mpu)
        check(p, `Shared memory ${k}`, 'phys', s.phys, reserveFailure(ctx));
    });
    return out;
  },
});

export const outsidePlatformMemory = defineRule({
  id: 'mem/outside-platform',
  severity: 'error',
  description:
    'Physically placed memory (place_phys region, loaded image, shared memory, MPU region) is not inside one platform memory region',
  refs: ['B1', 'B2'],
  needsPlatform: true,
  check(ctx) {
    const mem = ctx.platform!.memory;
    const list = mem.map((m) => fmtRange(m)).join(', ');
    return ctx
      .physReservations()
      .filter((item) => !mem.some((m) => contains(m, item.range)))
      .map((item) => {
        const partly = mem.some((m) => overlaps(m, item.range));
        return ctx.diag(
          this,
          item.path,
          `${item.what} is ${partly ? 'not entirely inside one' : 'outside every'} memory region of ${ctx.platform!.name} (${list})`,
          {
            bao:
              ctx.version === 'v1.0'
                ? 'Silent on v1.0: memory outside every page pool is not reserved, so Bao may hand the same pages out twice or map non-RAM'
                : reserveFailure(ctx),
          },
        );
      });
  },
});

export const physOverlap = defineRule({
  id: 'mem/phys-overlap',
  severity: 'error',
  description:
    'Two static physical reservations (place_phys regions, loaded images, shared memories) overlap',
  refs: ['B2', 'B3'],
  check(ctx) {
    return RuleContext.overlapsAmong(ctx.physReservations()).map(([a, b]) => {
      const b3 = a.vm !== undefined && a.vm === b.vm && (a.kind === 'image' || b.kind === 'image');
      return ctx.diag(
        this,
        b.path,
        `${b.what} overlaps ${a.what}${b3 ? '; an image inside a place_phys region of its VM must lie entirely inside it' : ''}`,
        { related: [a.path], bao: reserveFailure(ctx) },
      );
    });
  },
});

export const hypervisorOverlap = defineRule({
  id: 'mem/hypervisor-overlap',
  severity: 'error',
  description: 'Physically placed memory overlaps the memory where Bao itself is loaded',
  refs: ['B2'],
  needsPlatform: true,
  check(ctx) {
    const hyp = ctx.hypervisorRange();
    if (!hyp) return [];
    return ctx
      .physReservations()
      .filter((item) => overlaps(item.range, hyp))
      .map((item) =>
        ctx.diag(
          this,
          item.path,
          `${item.what} overlaps the hypervisor's own image ${fmtRange(hyp)} (${ctx.platform!.hypervisor.source})`,
          { bao: reserveFailure(ctx) },
        ),
      );
  },
});

export const hypervisorOutside = defineRule({
  id: 'mem/hypervisor-outside',
  severity: 'error',
  description:
    'Bao’s own image (hyp.base_addr when relocated) is not inside a platform memory region',
  refs: ['B1'],
  needsPlatform: true,
  check(ctx) {
    const hyp = ctx.hypervisorRange();
    if (!hyp) return [];
    const mem = ctx.platform!.memory;
    if (mem.some((m) => contains(m, hyp))) return [];
    const relocated = ctx.config.hyp.relocate && ctx.config.hyp.base_addr !== undefined;
    return [
      ctx.diag(
        this,
        relocated ? ['config', 'hyp', 'base_addr'] : ['target', 'platform'],
        `The hypervisor image ${fmtRange(hyp)} is not inside one memory region of ${ctx.platform!.name} (${mem.map((m) => fmtRange(m)).join(', ')})`,
        { bao: "BAO ERROR: couldn't not initialize root pool" },
      ),
    ];
  },
});

export const capacity = defineRule({
  id: 'mem/capacity',
  severity: 'error',
  description: 'The VMs and shared memories need more memory than the platform has',
  refs: ['B4', 'B6'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const usable = plat.memory
      .filter((m) => !plat.nonUnifiedMemory || m.perms !== 'MEM_RX')
      .reduce((s, m) => s + m.size, 0n);
    let need = ctx.hypervisorRange()?.size ?? plat.hypervisor.size;
    for (const item of ctx.physReservations()) need += item.range.size;
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (ctx.regionPhys(v.index, j) === undefined) need += r.size;
      });
    ctx.config.shmemlist.forEach((s, k) => {
      if (ctx.shmemPhys(k) === undefined) need += s.size;
    });
    if (need <= usable) return [];
    return [
      ctx.diag(
        this,
        ['config', 'vmlist'],
        `The system needs ${formatSize(need)} of memory (hypervisor, VM regions and shared memories) but ${plat.name} has ${formatSize(usable)}`,
        {
          bao: 'BAO ERROR: failed to allocate vm\'s region (or "failed to allocate shared memory")',
        },
      ),
    ];
  },
});

export const shmemPhysMissing = defineRule({
  id: 'mem/shmem-phys-missing',
  severity: 'error',
  description:
    'A place_phys shared memory (or any shared memory on an MPU build) has no physical address',
  refs: ['B5'],
  check(ctx) {
    const out: Diagnostic[] = [];
    ctx.config.shmemlist.forEach((s, k) => {
      if ((s.place_phys || ctx.mpu) && s.phys === undefined)
        out.push(
          ctx.diag(
            this,
            ['config', 'shmemlist', k, 'phys'],
            `Shared memory ${k} is ${ctx.mpu ? 'physically placed (MPU builds force place_phys)' : 'place_phys'} but has no phys address, so it is placed at 0x0`,
            { bao: 'Silent: the shared memory is placed at physical address 0' },
          ),
        );
    });
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (r.place_phys && r.phys === undefined && !ctx.mpu)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'regions', j, 'phys'],
              `${v.label}: memory region ${j} is place_phys but has no phys address, so it is placed at 0x0`,
              {
                bao: 'Silent: the region is placed at physical address 0',
              },
            ),
          );
      });
    return out;
  },
});
