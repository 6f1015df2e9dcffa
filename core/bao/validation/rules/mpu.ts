// MPU-only rules (Armv8-R, RH850, TriCore): no address translation, 64-byte granularity.
import { hex } from '../../model/numbers.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

export const mpuPlacement = defineRule({
  id: 'mpu/place-phys-forced',
  severity: 'warning',
  description:
    'MPU builds force every region to place_phys with phys = base: another phys is ignored',
  refs: ['B5'],
  needsPlatform: true,
  check(ctx) {
    if (!ctx.mpu) return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (r.phys === undefined || r.phys === r.base) return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'regions', j, 'phys'],
            `${v.label}: memory region ${j} has phys ${hex(r.phys)} ≠ base ${hex(r.base)}; ${ctx.platform!.name} has an MPU, so Bao uses phys = base`,
            {
              bao: 'Silent: Bao overrides place_phys/phys with the base address',
            },
          ),
        );
      });
    return out;
  },
});

export const mpuCodeMemory = defineRule({
  id: 'mpu/region-in-code-memory',
  severity: 'warning',
  description: 'Non-unified memory: a VM region lies in read-only/execute (MEM_RX) memory',
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    if (!plat.nonUnifiedMemory) return [];
    const rx = plat.memory.filter((m) => m.perms === 'MEM_RX');
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        const m = rx.find((x) => r.base >= x.base && r.base + r.size <= x.base + x.size);
        if (!m || (r.base <= v.vm.image.base_addr && v.vm.image.base_addr < r.base + r.size))
          return;
        out.push(
          ctx.diag(
            this,
            [...v.path, 'platform', 'regions', j],
            `${v.label}: memory region ${j} lies in code memory (MEM_RX) and holds no image; the guest cannot use it for data`,
            {
              bao: 'Silent: writes to it fault or are ignored',
            },
          ),
        );
      });
    return out;
  },
});

/** Fewest EL1 MPU regions an Armv8-R core implements (Cortex-R52: 16, 20 or 24; R82: 16+). */
const ARMV8R_MIN_MPU_REGIONS = 16;

export const mpuEntries = defineRule({
  id: 'mpu/entries',
  severity: 'warning',
  description: 'Armv8-R: a VM needs more MPU regions than the smallest core configuration has',
  refs: ['C17'],
  needsPlatform: true,
  check(ctx) {
    if (ctx.platform!.profile !== 'armv8-r') return [];
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      // Adjacent windows merge into one MPU region (mpu/mem.c merges neighbours).
      const ranges = ctx
        .guestSpace(v.index)
        .filter((s) => s.mapped)
        .map((s) => s.range)
        .sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
      let n = 0;
      let endPrev = -1n;
      for (const r of ranges) {
        if (r.base !== endPrev) n++;
        endPrev = r.base + r.size;
      }
      if (n <= ARMV8R_MIN_MPU_REGIONS) continue;
      out.push(
        ctx.diag(
          this,
          [...v.path, 'platform'],
          `${v.label} needs ${n} MPU regions (memory, IPCs and devices that are not adjacent); Armv8-R cores may implement only ${ARMV8R_MIN_MPU_REGIONS}`,
          {
            bao: 'Silent: the mappings that do not fit are dropped',
          },
        ),
      );
    }
    return out;
  },
});
