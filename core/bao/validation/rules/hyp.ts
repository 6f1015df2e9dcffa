// Hypervisor settings (config.hyp) and colors: what Bao ignores or cannot do (C8, C9, C19, B19,
// B20).
import { hex } from '../../model/numbers.js';
import type { ModelPath } from '../../model/path.js';
import type { Diagnostic } from '../diagnostic.js';
import { contains } from '../ranges.js';
import { defineRule } from '../rule.js';

export const relocateIgnored = defineRule({
  id: 'hyp/relocate-ignored',
  severity: 'warning',
  description: 'hyp.base_addr without hyp.relocate (or data_addr without data_relocate) is ignored',
  refs: ['C9'],
  check(ctx) {
    const h = ctx.config.hyp;
    const out: Diagnostic[] = [];
    if (h.base_addr !== undefined && !h.relocate) {
      const same = ctx.platform?.hypervisor.base === h.base_addr;
      out.push(
        ctx.diag(
          this,
          ['config', 'hyp', 'base_addr'],
          `hyp.base_addr ${hex(h.base_addr)} is set but hyp.relocate is not, so Bao ignores it${same ? ' (harmless: it equals where Bao is linked anyway)' : ''}`,
          {
            related: [['config', 'hyp', 'relocate']],
            severity: same ? 'info' : 'warning',
            bao: 'Silent: the build uses PLAT_BASE_ADDR',
          },
        ),
      );
    }
    if (h.data_addr !== undefined && !h.data_relocate)
      out.push(
        ctx.diag(
          this,
          ['config', 'hyp', 'data_addr'],
          `hyp.data_addr ${hex(h.data_addr)} is set but hyp.data_relocate is not, so Bao ignores it`,
          {
            related: [['config', 'hyp', 'data_relocate']],
            bao: 'Silent: the build uses PLAT_DATA_ADDR',
          },
        ),
      );
    return out;
  },
});

export const relocateMmu = defineRule({
  id: 'hyp/relocate-mmu',
  severity: 'info',
  description: 'hyp.relocate only changes where Bao is linked on MPU builds',
  needsPlatform: true,
  check(ctx) {
    if (!ctx.config.hyp.relocate || ctx.mpu) return [];
    return [
      ctx.diag(
        this,
        ['config', 'hyp', 'relocate'],
        `hyp.relocate has an effect only on MPU platforms; on ${ctx.platform!.name} Bao runs wherever the boot loader puts it`,
      ),
    ];
  },
});

export const dataRelocate = defineRule({
  id: 'hyp/data-addr',
  severity: 'error',
  description: 'hyp.data_addr (data_relocate) is not inside a writable platform memory region',
  needsPlatform: true,
  check(ctx) {
    const h = ctx.config.hyp;
    if (!h.data_relocate || h.data_addr === undefined) return [];
    const plat = ctx.platform!;
    const ok = plat.memory.some(
      (m) => m.perms !== 'MEM_RX' && contains(m, { base: h.data_addr!, size: 1n }),
    );
    if (ok) return [];
    return [
      ctx.diag(
        this,
        ['config', 'hyp', 'data_addr'],
        `hyp.data_addr ${hex(h.data_addr)} is not inside a writable (MEM_RWX) memory region of ${plat.name}`,
        {
          bao: 'Bao hangs at boot: its data and stacks are not in RAM',
        },
      ),
    ];
  },
});

export const colorsIgnored = defineRule({
  id: 'mem/colors-ignored',
  severity: 'warning',
  description:
    'Cache colors are set on a platform where coloring has no effect (RISC-V, MPU builds)',
  refs: ['C8', 'B19'],
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    if (plat.coloring) return [];
    const out: Diagnostic[] = [];
    const why = ctx.mpu
      ? 'MPU builds have no coloring'
      : `${plat.name} describes no cache, so COLOR_NUM is 1`;
    const flag = (path: ModelPath, what: string, colors: bigint | undefined, bao: string): void => {
      if (!colors) return;
      out.push(
        ctx.diag(this, path, `${what}: colors ${hex(colors)} have no effect (${why})`, { bao }),
      );
    };
    flag(
      ['config', 'hyp', 'colors'],
      'Hypervisor',
      ctx.config.hyp.colors,
      ctx.mpu
        ? 'BAO WARNING: Trying to color hypervisor, but implementation does not suuport it'
        : 'Silent: colors are masked to nothing',
    );
    for (const v of ctx.vms) {
      flag([...v.path, 'colors'], v.label, v.vm.colors, 'Silent: colors are masked to nothing');
      v.vm.platform.regions.forEach((r, j) =>
        flag(
          [...v.path, 'platform', 'regions', j, 'colors'],
          `${v.label} memory region ${j}`,
          r.colors,
          'Silent: colors are masked to nothing',
        ),
      );
    }
    ctx.config.shmemlist.forEach((s, k) =>
      flag(
        ['config', 'shmemlist', k, 'colors'],
        `Shared memory ${k}`,
        s.colors,
        'Silent: colors are masked to nothing',
      ),
    );
    return out;
  },
});

export const coloredPlacePhys = defineRule({
  id: 'mem/colored-place-phys',
  severity: 'warning',
  description: 'A place_phys region or shared memory is also colored',
  refs: ['C19'],
  check(ctx) {
    if (ctx.platform && !ctx.platform.coloring) return []; // colors are inert there
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      v.vm.platform.regions.forEach((r, j) => {
        if (r.place_phys && r.colors)
          out.push(
            ctx.diag(
              this,
              [...v.path, 'platform', 'regions', j, 'colors'],
              `${v.label}: memory region ${j} is place_phys and colored (${hex(r.colors)}); Bao reserves ${hex(r.size)} contiguous bytes but the colored mapping skips pages of other colors and runs past them`,
              { bao: 'Silent: the mapping may use pages outside the reservation' },
            ),
          );
      });
    ctx.config.shmemlist.forEach((s, k) => {
      if (s.place_phys && s.colors)
        out.push(
          ctx.diag(
            this,
            ['config', 'shmemlist', k, 'colors'],
            `Shared memory ${k} is place_phys and colored (${hex(s.colors)})`,
            {
              bao: 'Silent: the mapping may use pages outside the reservation',
            },
          ),
        );
    });
    return out;
  },
});

export const consoleAlignment = defineRule({
  id: 'hyp/console-alignment',
  severity: 'warning',
  description: 'The platform console base is not page aligned',
  refs: ['B20'],
  needsPlatform: true,
  check(ctx) {
    const base = ctx.platform!.console.base;
    if (base === undefined || base % ctx.pageSize === 0n) return [];
    return [
      ctx.diag(
        this,
        ['target', 'platform'],
        `${ctx.platform!.name}: console base ${hex(base)} is not aligned to the page size ${hex(ctx.pageSize)}`,
        {
          bao: 'BAO WARNING: console base must be page aligned',
        },
      ),
    ];
  },
});
