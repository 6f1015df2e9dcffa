// Memory regions and shared memories: alignment, size, physical placement (B1-B4, B7, B16) and
// what fits in the platform.
import { formatSize, hex } from '../../model/numbers.js';
import type { ModelPath } from '../../model/path.js';
import { RuleContext } from '../context.js';
import type { Diagnostic } from '../diagnostic.js';
import { contains, fmtRange, overlaps, type Range } from '../ranges.js';
import { defineRule } from '../rule.js';

/**
 * Bao reserves static memory in mem_init, before console_init: the ERROR it raises there is
 * never printed (checked on QEMU with v1.0.0 and v2.0.0). The user sees nothing after the
 * firmware's banner, not even "Bao Hypervisor".
 */
export const EARLY_HANG =
  'Hangs before its console is up: nothing is printed after the firmware banner';

function reserveFailure(ctx: RuleContext): string {
  const what =
    ctx.version === 'v1.0'
      ? 'BAO ERROR: failed reserving memory in root pool'
      : 'BAO ERROR: Failed to reserved static allocated memory';
  return `${EARLY_HANG} (mem_init stops at "${what}")`;
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

// Sizes are always mapped as whole pages (NUM_PAGES; on MPU builds too, so the MPU
// granularity error B16 cannot be reached from a config): an odd size only grows the mapping.
// An unaligned base cannot be mapped at all (MMU) or lands the MPU region elsewhere.
export const alignment = defineRule({
  id: 'mem/alignment',
  severity: 'error',
  description:
    'A memory region, IPC window or shared memory base is not page aligned (4 KiB with an MMU, 64 B with an MPU); an unaligned size is a warning',
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
      const isSize = field === 'size';
      out.push(
        ctx.diag(
          this,
          [...path, field],
          `${what}: ${field} ${hex(value)} is not a multiple of ${unit}`,
          {
            bao: isSize
              ? `Silent: Bao maps whole pages, so ${what.replace(/^.*: /, '')} really spans ${hex(value + page - (value % page))} bytes`
              : bao,
            severity: isSize ? 'warning' : 'error',
          },
        ),
      );
    };
    const unmappable = (base: bigint): string =>
      ctx.mpu
        ? 'Silent: the MPU region starts at the aligned-down address'
        : `BAO ERROR: failed to allocate vm's region at ${hex(base)}`;
    for (const v of ctx.vms) {
      v.vm.platform.regions.forEach((r, j) => {
        const p: ModelPath = [...v.path, 'platform', 'regions', j];
        const w = `${v.label}: memory region ${j}`;
        check(p, w, 'base', r.base, unmappable(r.base));
        check(p, w, 'size', r.size, '');
        if (r.place_phys && !ctx.mpu) check(p, w, 'phys', r.phys, reserveFailure(ctx));
      });
      v.vm.platform.ipcs.forEach((c, j) => {
        const p: ModelPath = [...v.path, 'platform', 'ipcs', j];
        check(p, `${v.label}: IPC ${j}`, 'base', c.base, unmappable(c.base));
        check(p, `${v.label}: IPC ${j}`, 'size', c.size, '');
      });
    }
    ctx.config.shmemlist.forEach((s, k) => {
      const p: ModelPath = ['config', 'shmemlist', k];
      check(p, `Shared memory ${k}`, 'size', s.size, '');
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
    const list =
      mem.length <= 4
        ? mem.map((m) => fmtRange(m)).join(', ')
        : `${mem.length} regions, e.g. ${mem
            .slice(0, 3)
            .map((m) => fmtRange(m))
            .join(', ')}`;
    return ctx
      .physReservations()
      .filter((item) => !mem.some((m) => contains(m, item.range)))
      .map((item) => {
        const partly = mem.some((m) => overlaps(m, item.range));
        return ctx.diag(
          this,
          item.path,
          `${item.what} is ${partly ? 'not entirely inside one' : 'outside every'} memory region of ${ctx.platform!.name} (${
            partly
              ? mem
                  .filter((m) => overlaps(m, item.range))
                  .map((m) => fmtRange(m))
                  .join(' and ') + ' are separate page pools'
              : list
          })`,
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
  description:
    'Physically placed memory overlaps the memory where Bao itself is loaded (or its data, on non-unified memory)',
  refs: ['B2'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const hyp: { range: Range; what: string }[] = [];
    const img = ctx.hypervisorRange();
    if (img)
      hyp.push({
        range: img,
        what: `the hypervisor's own image ${fmtRange(img)} (${plat.hypervisor.source})`,
      });
    const data = ctx.hypervisorDataRange();
    if (data)
      hyp.push({
        range: data,
        what: `the hypervisor's data memory ${fmtRange(data)} (PLAT_DATA_ADDR: the first MEM_RWX region after regions[0])`,
      });
    const out: Diagnostic[] = [];
    for (const item of ctx.physReservations())
      for (const h of hyp)
        if (overlaps(item.range, h.range))
          out.push(
            ctx.diag(this, item.path, `${item.what} overlaps ${h.what}`, {
              bao: reserveFailure(ctx),
            }),
          );
    return out;
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
        { bao: `${EARLY_HANG} (mem_init stops at "BAO ERROR: couldn't not initialize root pool")` },
      ),
    ];
  },
});

export const capacity = defineRule({
  id: 'mem/capacity',
  severity: 'error',
  description: 'The VMs and shared memories that Bao allocates need more memory than is left',
  refs: ['B4', 'B6'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const total = plat.memory.reduce((s, m) => s + m.size, 0n);
    // Static reservations and Bao itself come off the top; the rest is what allocation has.
    let taken = ctx.hypervisorRange()?.size ?? plat.hypervisor.size;
    taken += ctx.hypervisorDataRange()?.size ?? 0n;
    for (const item of ctx.physReservations()) taken += item.range.size;
    let need = 0n;
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (ctx.regionPhys(v.index, j) === undefined) need += r.size;
      });
    ctx.config.shmemlist.forEach((s, k) => {
      if (ctx.shmemPhys(k) === undefined) need += s.size;
    });
    if (need === 0n || taken + need <= total) return [];
    const free = total > taken ? total - taken : 0n;
    return [
      ctx.diag(
        this,
        ['config', 'vmlist'],
        `The VM regions and shared memories Bao allocates need ${formatSize(need)} but only ${formatSize(free)} of ${plat.name}'s ${formatSize(total)} is left after the hypervisor and the physically placed memory`,
        {
          bao: 'BAO ERROR: failed to allocate vm\'s region at … (or "failed to allocate shared memory")',
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

export const noRegion = defineRule({
  id: 'mem/no-region',
  severity: 'error',
  description: 'A VM has no memory region',
  check(ctx) {
    return ctx.vms
      .filter((v) => v.vm.platform.regions.length === 0)
      .map((v) =>
        ctx.diag(
          this,
          [...v.path, 'platform', 'regions'],
          `${v.label} has no memory region: its image has nowhere to go`,
          {
            bao: 'Silent: the VM starts with no memory and faults at once',
          },
        ),
      );
  },
});

/** Width of the guest-physical address space Bao's stage 2 gives a VM, by architecture. */
function guestAddressBits(arch: string, profile: string): number | undefined {
  switch (arch) {
    case 'riscv64':
      return 41; // Sv39x4
    case 'riscv32':
      return 34; // Sv32x4
    case 'aarch32':
      return profile === 'armv8-r' ? 32 : 40; // MPU: physical; LPAE stage 2: 40-bit IPA
    case 'rh850':
    case 'tricore':
      return 32;
    default:
      return undefined; // AArch64: depends on the CPU's PARange
  }
}

export const guestAddressLimit = defineRule({
  id: 'mem/guest-address-limit',
  severity: 'error',
  description: 'A region, IPC or device lies beyond the guest address space of the architecture',
  refs: ['B7', 'C3'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const bits = guestAddressBits(plat.arch, plat.profile);
    if (bits === undefined) return [];
    const limit = 1n << BigInt(bits);
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      for (const item of ctx.guestSpace(v.index)) {
        if (item.range.base + item.range.size <= limit) continue;
        out.push(
          ctx.diag(
            this,
            item.path,
            `${v.label}: ${item.what} goes beyond the ${bits}-bit guest address space of ${plat.arch} (${hex(limit)})`,
            {
              bao:
                item.kind === 'region' || item.kind === 'ipc'
                  ? `BAO ERROR: failed to allocate vm's region at ${hex(item.range.base)}`
                  : 'Silent: the mapping fails and Bao ignores the result',
            },
          ),
        );
      }
    return out;
  },
});
