// Property: any valid model (within what config.c can say) → generateConfigC → importConfigC
// gives the model back. What a C file cannot carry is left out of the arbitrary models, on
// purpose: presentation data other than names/comments (bootargs, layout; the guest kind is the
// importer's guess from the names), a
// description, v2-only fields in v1.0 projects (the generator omits them and validation flags
// them), and a lone one-line comment without a name (it reads back as the name).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateConfigC } from '../../../../core/bao/generate/config-c.js';
import { guessGuestKind } from '../../../../core/bao/import/guest-kind.js';
import { importConfigC, impliedIrqc } from '../../../../core/bao/import/index.js';
import {
  Project,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
} from '../../../../core/bao/model/schema.js';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const addr = fc.oneof(
  u64,
  fc.bigInt({ min: 0n, max: 0xffff_ffffn }).map((n) => n & ~0xfffn),
);
const u32 = fc.nat({ max: 0xffff_ffff });
const small = fc.nat({ max: 64 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_()+.-]{0,9}$/);
const name = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .map((w) => w.join(' ').slice(0, 60).trim());
const proseLine = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const longLine = fc
  .array(word, { minLength: 12, maxLength: 16 })
  .map((w) => `Note: ${w.join(' ')} ${'x'.repeat(61)}`);
const codeLine = fc.constantFrom('.id = 3,', '.colors = 0x1;', '60,', '{ .pa = 0x1000 }');

/** meta as import reads it back: a name-like name first, then any lines as the comment. */
const meta = fc.oneof(
  fc.constant(undefined),
  fc.record({ name }),
  fc.record({
    name,
    comment: fc
      .array(fc.oneof(proseLine, codeLine), { minLength: 1, maxLength: 3 })
      .map((l) => l.join('\n')),
  }),
  fc.record({
    comment: fc
      .tuple(longLine, fc.array(proseLine, { maxLength: 2 }))
      .map(([a, b]) => [a, ...b].join('\n')),
  }),
);

/** A declared count, kept only when it differs from the list length (the model's convention). */
const declaredFor = (len: number, d: number | undefined) =>
  d === undefined || d === len ? undefined : d;

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function withCount<K extends string>(list: unknown[], key: K, declared: number | undefined) {
  const d = declaredFor(list.length, declared);
  return d === undefined ? {} : { [key]: d };
}

const irqs = fc.tuple(fc.array(u32, { maxLength: 4 }), opt(small)).map(([interrupts, d]) => ({
  interrupts,
  ...withCount(interrupts, 'interrupt_num', d),
}));

const region = (v2: boolean) =>
  fc
    .record({
      base: addr,
      size: addr,
      colors: opt(u64),
      place_phys: opt(fc.boolean()),
      phys: opt(addr),
      reserved: v2 ? opt(fc.boolean()) : fc.constant(undefined),
      meta,
    })
    .map(strip);

const dev = fc
  .tuple(fc.record({ pa: addr, va: addr, size: addr, id: opt(u32), meta }), irqs)
  .map(([d, i]) => strip({ ...d, ...i }));

const ipc = fc
  .tuple(fc.record({ base: addr, size: addr, shmem_id: small, meta }), irqs)
  .map(([c, i]) => strip({ ...c, ...i }));

const remio = fc
  .record({
    va: opt(addr),
    size: opt(addr),
    interrupt: fc.nat({ max: 1023 }),
    bind_key: small,
    type: fc.constantFrom('REMIO_DEV_FRONTEND' as const, 'REMIO_DEV_BACKEND' as const),
    shmem: fc.record({ base: addr, size: addr, shmem_id: small }),
    meta,
  })
  .map(strip);

const listWithCount = <T>(item: fc.Arbitrary<T>, key: string, max = 3) =>
  fc
    .tuple(fc.array(item, { maxLength: max }), opt(small))
    .map(([list, d]) => ({ list, count: withCount(list, key, d) }));

const arch = (v2: boolean) =>
  fc
    .record({
      irqc: opt(
        fc
          .record({
            plic: opt(fc.record({ base: addr })),
            aia: opt(
              fc
                .record({
                  aplic: fc.record({ base: addr }),
                  imsic: v2 ? opt(fc.record({ base: addr })) : fc.constant(undefined),
                })
                .map(strip),
            ),
          })
          .map(strip)
          .filter((i) => Object.keys(i).length > 0),
      ),
      gic: opt(
        fc
          .record({
            gicd_addr: opt(addr),
            gicc_addr: opt(addr),
            gicr_addr: opt(addr),
            interrupt_num: opt(fc.nat({ max: 1024 })),
          })
          .map(strip)
          .filter((g) => Object.keys(g).length > 0),
      ),
      smmu: opt(
        fc
          .tuple(opt(u32), listWithCount(fc.record({ mask: u32, id: u32 }), 'group_num'))
          .map(([global_mask, g]) => strip({ global_mask, groups: g.list, ...g.count }))
          .filter((s) => s.global_mask !== undefined || s.groups.length > 0 || 'group_num' in s),
      ),
      smc: opt(listWithCount(u64, 'num')),
      gpsr: v2 ? opt(listWithCount(fc.nat({ max: 0xffff }), 'gpsr_num')) : fc.constant(undefined),
    })
    .map(({ irqc, gic, smmu, smc, gpsr }) =>
      strip({
        irqc,
        gic,
        smmu,
        smc_passthrough: smc ? { smcs: smc.list, ...smc.count } : undefined,
        ...(gpsr ? { gpsr_groups: gpsr.list, ...gpsr.count } : {}),
      }),
    );

const pathFor = (style: 'xstr' | 'string' | 'bare') =>
  style === 'string'
    ? fc.stringMatching(/^\/[A-Za-z0-9_./ +-]{1,30}$/).map((s) => s.trim())
    : fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}(\/[A-Za-z0-9_+-]{1,8}){0,3}\.bin$/);

const image = (v2: boolean, id: string) =>
  fc.oneof(
    fc
      .record({
        path_style: fc.constantFrom('xstr' as const, 'string' as const, 'bare' as const),
        base_addr: addr,
        inplace: opt(fc.boolean()),
        reserved: v2 ? opt(fc.boolean()) : fc.constant(undefined),
        macro: fc.boolean(),
      })
      .chain((r) =>
        pathFor(r.path_style).map((path) =>
          strip({
            source: 'builtin' as const,
            name: id,
            path,
            path_style: r.path_style,
            base_addr: r.base_addr,
            inplace: r.inplace,
            reserved: r.reserved,
            style:
              r.macro && r.inplace === undefined && r.reserved === undefined
                ? ('macro' as const)
                : ('fields' as const),
          }),
        ),
      ),
    fc
      .record({
        base_addr: addr,
        load_addr: opt(addr),
        size: opt(addr),
        inplace: opt(fc.boolean()),
        reserved: v2 ? opt(fc.boolean()) : fc.constant(undefined),
        macro: fc.boolean(),
      })
      .map((r) =>
        strip({
          source: 'loaded' as const,
          base_addr: r.base_addr,
          load_addr: r.load_addr,
          size: r.size,
          inplace: r.inplace,
          reserved: r.reserved,
          style:
            r.macro &&
            r.load_addr !== undefined &&
            r.size !== undefined &&
            r.inplace === undefined &&
            r.reserved === undefined
              ? ('macro' as const)
              : ('fields' as const),
        }),
      ),
  );

const vm = (v2: boolean, i: number) =>
  fc
    .record({
      image: image(v2, `guest${i}_image`),
      entry: addr,
      cpu_affinity: opt(u64),
      colors: opt(u64),
      cpu_num: fc.nat({ max: 16 }),
      mmu: opt(fc.boolean()),
      regions: listWithCount(region(v2), 'region_num'),
      devs: listWithCount(dev, 'dev_num'),
      ipcs: listWithCount(ipc, 'ipc_num', 2),
      remio: v2 ? listWithCount(remio, 'remio_dev_num', 2) : fc.constant({ list: [], count: {} }),
      arch: arch(v2),
      meta,
    })
    .map((r) => {
      // The importer guesses the guest kind from names that survive the round trip.
      const guest = guessGuestKind({ image: r.image, meta: r.meta });
      return strip({
        image: r.image,
        entry: r.entry,
        cpu_affinity: r.cpu_affinity,
        colors: r.colors,
        meta: guest ? { ...r.meta, guest } : r.meta,
        platform: strip({
          cpu_num: r.cpu_num,
          mmu: r.mmu,
          regions: r.regions.list,
          ...r.regions.count,
          devs: r.devs.list,
          ...r.devs.count,
          ipcs: r.ipcs.list,
          ...r.ipcs.count,
          remio_devs: r.remio.list,
          ...r.remio.count,
          arch: r.arch,
        }),
      });
    });

const project = fc.constantFrom('v1.0' as const, 'v2' as const).chain((bao) => {
  const v2 = bao === 'v2';
  return fc
    .record({
      hyp: fc
        .record({
          relocate: opt(fc.boolean()),
          base_addr: opt(addr),
          data_relocate: v2 ? opt(fc.boolean()) : fc.constant(undefined),
          data_addr: v2 ? opt(addr) : fc.constant(undefined),
          colors: opt(u64),
        })
        .map(strip),
      shmem: listWithCount(
        fc
          .record({
            size: addr,
            colors: opt(u64),
            place_phys: opt(fc.boolean()),
            phys: opt(addr),
            reserved: v2 ? opt(fc.boolean()) : fc.constant(undefined),
            meta,
          })
          .map(strip),
        'shmemlist_size',
      ),
      vms: fc
        .integer({ min: 1, max: 3 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => vm(v2, i)))),
      vmlist_size: opt(small),
    })
    .map((r) => {
      const config = {
        hyp: r.hyp,
        shmemlist: r.shmem.list,
        ...r.shmem.count,
        vmlist: r.vms,
        ...withCount(r.vms, 'vmlist_size', r.vmlist_size),
      };
      const p = Project.parse({
        format: PROJECT_FORMAT,
        formatVersion: PROJECT_FORMAT_VERSION,
        name: 'prop',
        target: { bao, platform: 'qemu-riscv64-virt' },
        config,
      });
      // The IRQC= choice is the importer's inference (tested on its own in styles.test.ts).
      const irqc = impliedIrqc(p.config, p.target.platform, bao);
      return irqc ? { ...p, target: { ...p.target, irqc } } : p;
    });
});

describe('property: generate → import round-trips random models', () => {
  it('gives back the model it was generated from', () => {
    fc.assert(
      fc.property(project, (p) => {
        const text = generateConfigC(p);
        const back = importConfigC(text, {
          file: 'prop.c',
          platform: p.target.platform,
          name: p.name,
        });
        expect(back.project).toEqual(p);
      }),
      { numRuns: 250, seed: 0x1234 },
    );
  });
});
