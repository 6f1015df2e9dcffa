// checkProject on arbitrary (schema-valid) projects: it never throws, and every path it reports
// points into the project, so the UI can always select what a diagnostic is about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAtPath } from '../../../../core/bao/model/path.js';
import { platforms } from '../../../../core/bao/platforms/index.js';
import { checkProject } from '../../../../core/bao/validation/index.js';
import { baseline } from './fixtures.js';

const addr = fc.oneof(
  fc.bigInt({ min: 0n, max: 0xffffffffn }),
  fc.constantFrom(0x80200000n, 0x90000000n, 0x10000000n, 0xc000000n, 0x1000n, 0n),
);
const size = fc.oneof(
  fc.bigInt({ min: 0n, max: 0x10000000n }),
  fc.constantFrom(0x1000n, 0x40n, 0x10000n, 0n),
);
const irq = fc.integer({ min: 0, max: 2000 });

const region = fc.record(
  {
    base: addr,
    size,
    place_phys: fc.boolean(),
    phys: addr,
    colors: fc.bigInt({ min: 0n, max: 0xffn }),
  },
  { requiredKeys: ['base', 'size'] },
);
const dev = fc.record(
  {
    pa: addr,
    va: addr,
    size,
    interrupts: fc.array(irq, { maxLength: 4 }),
    id: fc.integer({ min: 0, max: 100 }),
  },
  { requiredKeys: ['pa', 'va', 'size', 'interrupts'] },
);
const ipc = fc.record({
  base: addr,
  size,
  shmem_id: fc.integer({ min: 0, max: 3 }),
  interrupts: fc.array(irq, { maxLength: 2 }),
});

const vm = fc.record({
  image: fc.record({
    source: fc.constant('builtin' as const),
    name: fc.constantFrom('a', 'b', 'c'),
    path: fc.constantFrom('x', 'y'),
    base_addr: addr,
  }),
  entry: addr,
  cpu_affinity: fc.bigInt({ min: 0n, max: 0xffn }),
  platform: fc.record({
    cpu_num: fc.integer({ min: 0, max: 9 }),
    regions: fc.array(region, { maxLength: 3 }),
    devs: fc.array(dev, { maxLength: 3 }),
    ipcs: fc.array(ipc, { maxLength: 2 }),
    dev_num: fc.integer({ min: 0, max: 4 }),
    arch: fc.constant({}),
  }),
});

describe('validation robustness', () => {
  it('never throws and reports paths that exist in the project', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...platforms.map((p) => p.name)),
        fc.constantFrom('v1.0' as const, 'v2' as const),
        fc.array(vm, { minLength: 0, maxLength: 3 }),
        fc.array(fc.record({ size, place_phys: fc.boolean(), phys: addr }), { maxLength: 2 }),
        (platform, bao, vmlist, shmemlist) => {
          const p = baseline(platform);
          p.target.bao = bao;
          p.config.vmlist = vmlist.map((v) => ({
            ...v,
            platform: { ...v.platform, remio_devs: [], arch: p.config.vmlist[0].platform.arch },
          }));
          p.config.shmemlist = shmemlist;
          const diags = checkProject(p);
          for (const d of diags) {
            expect(['error', 'warning', 'info']).toContain(d.severity);
            // The element exists; a missing optional field is reported at its (existing) owner.
            expect(
              getAtPath(p, d.path.slice(0, -1)),
              `${d.rule} ${JSON.stringify(d.path)}`,
            ).toBeDefined();
            for (const r of d.related ?? [])
              expect(getAtPath(p, r.slice(0, -1)), `${d.rule} related`).toBeDefined();
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
