// Fields that exist only in Bao v2 (v2.0.0 / main): with a v1.0 target they are unknown struct
// members, a compile error (schema.md).
import type { ModelPath } from '../../model/path.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

export const v2OnlyField = defineRule({
  id: 'version/v2-only-field',
  severity: 'error',
  description: 'A field that only Bao v2 has is used with a v1.0 target',
  refs: ['A2'],
  check(ctx) {
    if (ctx.version !== 'v1.0') return [];
    const found: { path: ModelPath; field: string }[] = [];
    const c = ctx.config;
    if (c.hyp.data_relocate !== undefined)
      found.push({ path: ['config', 'hyp', 'data_relocate'], field: 'hyp.data_relocate' });
    if (c.hyp.data_addr !== undefined)
      found.push({ path: ['config', 'hyp', 'data_addr'], field: 'hyp.data_addr' });
    c.shmemlist.forEach((s, k) => {
      if (s.reserved !== undefined)
        found.push({
          path: ['config', 'shmemlist', k, 'reserved'],
          field: `shmemlist[${k}].reserved`,
        });
    });
    for (const v of ctx.vms) {
      const p = v.vm.platform;
      if (v.vm.image.reserved !== undefined)
        found.push({ path: [...v.path, 'image', 'reserved'], field: `${v.label} image.reserved` });
      p.regions.forEach((r, j) => {
        if (r.reserved !== undefined)
          found.push({
            path: [...v.path, 'platform', 'regions', j, 'reserved'],
            field: `${v.label} regions[${j}].reserved`,
          });
      });
      if (p.remio_devs.length > 0 || p.remio_dev_num !== undefined)
        found.push({
          path: [...v.path, 'platform', 'remio_devs'],
          field: `${v.label} remio_devs (Remote I/O)`,
        });
      if (p.arch.irqc?.aia?.imsic !== undefined)
        found.push({
          path: [...v.path, 'platform', 'arch', 'irqc', 'aia', 'imsic'],
          field: `${v.label} arch.irqc.aia.imsic`,
        });
      if (p.arch.gpsr_groups !== undefined || p.arch.gpsr_num !== undefined)
        found.push({
          path: [...v.path, 'platform', 'arch', 'gpsr_groups'],
          field: `${v.label} arch.gpsr_groups`,
        });
    }
    return found.map((f): Diagnostic =>
      ctx.diag(
        this,
        f.path,
        `${f.field} exists only in Bao v2; Bao v1.0 does not have this field`,
        {
          related: [['target', 'bao']],
          bao: 'Build: gcc error: unknown field in struct initializer',
        },
      ),
    );
  },
});
