// For every validation rule: a project that breaks it (the rule reports, with its id, severity
// and the model path of the culprit) and one that does not. The baseline projects come from
// fixtures.ts; each case changes only what it needs.
import { describe, expect, it } from 'vitest';
import type { ModelPath } from '../../../../core/bao/model/path.js';
import type { Project } from '../../../../core/bao/model/schema.js';
import { getPlatform } from '../../../../core/bao/platforms/index.js';
import type { Severity } from '../../../../core/bao/validation/diagnostic.js';
import { rules, type CheckOptions } from '../../../../core/bao/validation/index.js';
import { baseline, clone, diagsOf, workshop } from './fixtures.js';

type P = Project;
const edit = (p: P, f: (p: P) => void): P => {
  const c = clone(p);
  f(c);
  return c;
};
const vm0 = (p: P) => p.config.vmlist[0];
const vm1 = (p: P) => p.config.vmlist[1];

const rv = () => baseline('qemu-riscv64-virt', 'v1.0');
const rv2 = () => baseline('qemu-riscv64-virt', 'v2');
const a64 = () => baseline('qemu-aarch64-virt', 'v2');
const fvpr = () => baseline('fvp-r', 'v2');
const zcu = () => baseline('zcu104', 'v2');
const rh850 = () => baseline('rh850-u2a16', 'v2');
const tc = () => baseline('tc4dx', 'v2');

/** Two VMs on qemu-riscv64-virt (v2) linked by a Remote I/O backend/frontend pair. */
function remioPair(): P {
  const p = workshop('IV', 'v2', 'PLIC');
  p.config.shmemlist = [{ size: 0x1000000n }];
  vm0(p).platform.remio_devs = [
    {
      interrupt: 60,
      bind_key: 0,
      type: 'REMIO_DEV_BACKEND',
      shmem: { base: 0x50000000n, size: 0x1000000n, shmem_id: 0 },
    },
  ];
  vm1(p).platform.remio_devs = [
    {
      va: 0xa000000n,
      size: 0x200n,
      interrupt: 60,
      bind_key: 0,
      type: 'REMIO_DEV_FRONTEND',
      shmem: { base: 0x50000000n, size: 0x1000000n, shmem_id: 0 },
    },
  ];
  return p;
}

/** Two copies of the qemu-aarch64-virt baseline VM, with their own memory. */
function a64Two(): P {
  const p = a64();
  const second = clone(vm0(p));
  second.meta = { name: 'second' };
  second.cpu_affinity = 2n;
  second.platform.devs[0].interrupts = [34];
  p.config.vmlist.push(second);
  return p;
}

interface Case {
  rule: string;
  severity: Severity;
  path: ModelPath;
  fail: () => P;
  pass: () => P;
  options?: CheckOptions;
  passOptions?: CheckOptions;
}

const regions = (i: number, ...rest: (string | number)[]): ModelPath => [
  'config',
  'vmlist',
  i,
  'platform',
  'regions',
  ...rest,
];
const devs = (i: number, ...rest: (string | number)[]): ModelPath => [
  'config',
  'vmlist',
  i,
  'platform',
  'devs',
  ...rest,
];
const ipcs = (i: number, ...rest: (string | number)[]): ModelPath => [
  'config',
  'vmlist',
  i,
  'platform',
  'ipcs',
  ...rest,
];
const arch = (i: number, ...rest: (string | number)[]): ModelPath => [
  'config',
  'vmlist',
  i,
  'platform',
  'arch',
  ...rest,
];
const remio = (i: number, ...rest: (string | number)[]): ModelPath => [
  'config',
  'vmlist',
  i,
  'platform',
  'remio_devs',
  ...rest,
];

const rvPlatform = getPlatform('qemu-riscv64-virt')!;

const cases: Case[] = [
  // platform
  {
    rule: 'platform/unknown',
    severity: 'error',
    path: ['target', 'platform'],
    fail: () => edit(rv(), (p) => (p.target.platform = 'qemu-sparc-virt')),
    pass: rv,
  },
  {
    rule: 'platform/version',
    severity: 'error',
    path: ['target', 'platform'],
    fail: () => edit(baseline('k3-com260'), (p) => (p.target.bao = 'v1.0')),
    pass: () => baseline('k3-com260'),
  },
  {
    rule: 'platform/irqc-choice',
    severity: 'error',
    path: ['target', 'irqc'],
    fail: () => edit(rv(), (p) => (p.target.irqc = 'AIA')),
    pass: () => baseline('qemu-riscv64-virt', 'v2', 'AIA'),
  },
  {
    rule: 'version/v2-only-field',
    severity: 'error',
    path: ['config', 'hyp', 'data_relocate'],
    fail: () => edit(rv(), (p) => (p.config.hyp.data_relocate = true)),
    pass: () => edit(rv2(), (p) => (p.config.hyp.data_relocate = false)),
  },
  // counts
  {
    rule: 'config/count-mismatch',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'platform', 'dev_num'],
    fail: () => edit(rv(), (p) => (vm0(p).platform.dev_num = 2)),
    pass: () => edit(rv(), (p) => (vm0(p).platform.dev_num = 1)),
  },
  {
    rule: 'config/empty-vmlist',
    severity: 'error',
    path: ['config', 'vmlist'],
    fail: () => edit(rv(), (p) => (p.config.vmlist = [])),
    pass: rv,
  },
  // cpus
  {
    rule: 'cpu/affinity-count',
    severity: 'warning',
    path: ['config', 'vmlist', 0, 'cpu_affinity'],
    fail: () => edit(rv(), (p) => (vm0(p).cpu_affinity = 0b11n)),
    pass: rv,
  },
  {
    rule: 'cpu/affinity-nonexistent',
    severity: 'warning',
    path: ['config', 'vmlist', 0, 'cpu_affinity'],
    fail: () => edit(rv(), (p) => (vm0(p).cpu_affinity = 0x10n)),
    pass: rv,
  },
  {
    rule: 'cpu/affinity-overlap',
    severity: 'warning',
    path: ['config', 'vmlist', 1, 'cpu_affinity'],
    fail: () =>
      edit(workshop('IV'), (p) => ((vm0(p).cpu_affinity = 1n), (vm1(p).cpu_affinity = 0b111n))),
    pass: () =>
      edit(workshop('IV'), (p) => ((vm0(p).cpu_affinity = 1n), (vm1(p).cpu_affinity = 0b1110n))),
  },
  {
    rule: 'cpu/total',
    severity: 'error',
    path: ['config', 'vmlist', 1, 'platform', 'cpu_num'],
    fail: () => edit(workshop('IV'), (p) => (vm1(p).platform.cpu_num = 4)),
    pass: () => workshop('IV'),
  },
  {
    rule: 'cpu/unused',
    severity: 'info',
    path: ['config', 'vmlist'],
    fail: rv,
    pass: () => workshop('II'),
  },
  {
    rule: 'cpu/zero',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'platform', 'cpu_num'],
    fail: () => edit(rv(), (p) => (vm0(p).platform.cpu_num = 0)),
    pass: rv,
  },
  // memory
  {
    rule: 'mem/alignment',
    severity: 'error',
    path: regions(0, 0, 'base'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.regions[0].base = 0x80200800n)),
    pass: rv,
  },
  {
    rule: 'mem/capacity',
    severity: 'error',
    path: ['config', 'vmlist'],
    fail: () => edit(rv(), (p) => (vm0(p).platform.regions[0].size = 0x100000000n)),
    pass: rv,
  },
  {
    rule: 'mem/hypervisor-outside',
    severity: 'error',
    path: ['config', 'hyp', 'base_addr'],
    fail: () => edit(fvpr(), (p) => (p.config.hyp = { relocate: true, base_addr: 0x90000000n })),
    pass: () => edit(fvpr(), (p) => (p.config.hyp = { relocate: true, base_addr: 0x0n })),
  },
  {
    rule: 'mem/hypervisor-overlap',
    severity: 'error',
    path: regions(1, 0),
    fail: () => edit(workshop('IV'), (p) => (vm1(p).platform.regions[0].phys = 0x80200000n)),
    pass: () => workshop('IV'),
  },
  {
    rule: 'mem/outside-platform',
    severity: 'error',
    path: regions(0, 0),
    fail: () =>
      edit(rv(), (p) =>
        Object.assign(vm0(p).platform.regions[0], { place_phys: true, phys: 0x40000000n }),
      ),
    pass: () =>
      edit(rv(), (p) =>
        Object.assign(vm0(p).platform.regions[0], { place_phys: true, phys: 0x90000000n }),
      ),
  },
  {
    rule: 'mem/phys-overlap',
    severity: 'error',
    path: regions(1, 0),
    fail: () =>
      edit(workshop('IV'), (p) =>
        Object.assign(vm0(p).platform.regions[0], { place_phys: true, phys: 0x90000000n }),
      ),
    pass: () =>
      edit(workshop('IV'), (p) =>
        Object.assign(vm0(p).platform.regions[0], { place_phys: true, phys: 0x88000000n }),
      ),
  },
  {
    rule: 'mem/shmem-phys-missing',
    severity: 'error',
    path: ['config', 'shmemlist', 0, 'phys'],
    fail: () => edit(workshop('V'), (p) => (p.config.shmemlist[0].place_phys = true)),
    pass: () =>
      edit(workshop('V'), (p) =>
        Object.assign(p.config.shmemlist[0], { place_phys: true, phys: 0x88000000n }),
      ),
  },
  {
    rule: 'mem/zero-size',
    severity: 'error',
    path: regions(0, 0, 'size'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.regions[0].size = 0n)),
    pass: rv,
  },
  {
    rule: 'mem/guest-overlap',
    severity: 'error',
    path: regions(0, 1),
    fail: () =>
      edit(rv(), (p) => vm0(p).platform.regions.push({ base: 0x82000000n, size: 0x4000000n })),
    pass: () =>
      edit(rv(), (p) => vm0(p).platform.regions.push({ base: 0x90000000n, size: 0x4000000n })),
  },
  {
    rule: 'dev/va-overlap',
    severity: 'error',
    path: devs(0, 0),
    fail: () => edit(rv(), (p) => (vm0(p).platform.devs[0].va = 0x80300000n)),
    pass: rv,
  },
  {
    rule: 'arch/intc-window-overlap',
    severity: 'error',
    path: arch(0, 'irqc', 'plic', 'base'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.arch.irqc = { plic: { base: 0x80000000n } })),
    pass: rv,
  },
  {
    rule: 'mem/colored-place-phys',
    severity: 'warning',
    path: regions(0, 0, 'colors'),
    fail: () =>
      edit(zcu(), (p) =>
        Object.assign(vm0(p).platform.regions[0], {
          place_phys: true,
          phys: 0x10000000n,
          colors: 0b11n,
        }),
      ),
    pass: () => edit(zcu(), (p) => Object.assign(vm0(p).platform.regions[0], { colors: 0b11n })),
  },
  {
    rule: 'mem/colors-ignored',
    severity: 'warning',
    path: ['config', 'vmlist', 0, 'colors'],
    fail: () => edit(rv(), (p) => (vm0(p).colors = 0b11n)),
    pass: () => edit(zcu(), (p) => (vm0(p).colors = 0b11n)),
  },
  // hypervisor settings
  {
    rule: 'hyp/console-alignment',
    severity: 'warning',
    path: ['target', 'platform'],
    fail: rv,
    options: { platform: { ...rvPlatform, console: { base: 0x10000100n, driver: 'uart8250' } } },
    pass: rv,
    passOptions: {
      platform: { ...rvPlatform, console: { base: 0x10000000n, driver: 'uart8250' } },
    },
  },
  {
    rule: 'hyp/data-addr',
    severity: 'error',
    path: ['config', 'hyp', 'data_addr'],
    fail: () => edit(rh850(), (p) => (p.config.hyp = { data_relocate: true, data_addr: 0x0n })),
    pass: () =>
      edit(rh850(), (p) => (p.config.hyp = { data_relocate: true, data_addr: 0xfe400000n })),
  },
  {
    rule: 'hyp/relocate-ignored',
    severity: 'warning',
    path: ['config', 'hyp', 'base_addr'],
    fail: () => edit(fvpr(), (p) => (p.config.hyp = { base_addr: 0x1000000n })),
    pass: () => edit(fvpr(), (p) => (p.config.hyp = { relocate: true, base_addr: 0x0n })),
  },
  {
    rule: 'hyp/relocate-mmu',
    severity: 'info',
    path: ['config', 'hyp', 'relocate'],
    fail: () => edit(rv(), (p) => (p.config.hyp = { relocate: true })),
    pass: () => edit(fvpr(), (p) => (p.config.hyp = { relocate: true, base_addr: 0x0n })),
  },
  // images
  {
    rule: 'image/entry',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'entry'],
    fail: () => edit(rv(), (p) => (vm0(p).entry = 0x70000000n)),
    pass: rv,
  },
  {
    rule: 'image/fields',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'image', 'load_addr'],
    fail: () =>
      edit(
        rv(),
        (p) => (vm0(p).image = { source: 'loaded', base_addr: 0x80200000n, size: 0x10000n }),
      ),
    pass: () =>
      edit(
        rv(),
        (p) =>
          (vm0(p).image = {
            source: 'loaded',
            base_addr: 0x80200000n,
            load_addr: 0x90000000n,
            size: 0x10000n,
          }),
      ),
  },
  {
    rule: 'image/outside-region',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'image', 'base_addr'],
    fail: () => edit(rv(), (p) => (vm0(p).image.base_addr = 0x70000000n)),
    pass: rv,
  },
  {
    rule: 'image/larger-than-region',
    severity: 'error',
    path: ['config', 'vmlist', 0, 'image', 'size'],
    fail: rv,
    options: { imageSizes: new Map([[0, 0x5000000n]]) },
    pass: rv,
    passOptions: { imageSizes: new Map([[0, 0x100000n]]) },
  },
  {
    rule: 'image/load-overlap',
    severity: 'error',
    path: ['config', 'vmlist', 1, 'image', 'load_addr'],
    fail: () =>
      edit(
        workshop('IV'),
        (p) =>
          (vm1(p).image = {
            source: 'loaded',
            base_addr: 0x90200000n,
            load_addr: 0x90300000n,
            size: 0x1000000n,
          }),
      ),
    pass: () =>
      edit(
        workshop('IV'),
        (p) =>
          (vm1(p).image = {
            source: 'loaded',
            base_addr: 0x90200000n,
            load_addr: 0x91200000n,
            size: 0x1000000n,
          }),
      ),
  },
  {
    rule: 'image/duplicate-name',
    severity: 'error',
    path: ['config', 'vmlist', 1, 'image', 'name'],
    fail: () => edit(workshop('IV'), (p) => (vm1(p).image.name = 'baremetal')),
    pass: () => edit(workshop('IV'), (p) => (vm1(p).image = { ...vm0(p).image })),
  },
  {
    rule: 'image/alignment',
    severity: 'warning',
    path: ['config', 'vmlist', 1, 'image', 'base_addr'],
    fail: () =>
      edit(
        workshop('IV'),
        (p) => ((vm1(p).image.base_addr = 0x90100000n), (vm1(p).entry = 0x90100000n)),
      ),
    pass: () => workshop('IV'),
  },
  {
    rule: 'mem/no-region',
    severity: 'error',
    path: regions(0),
    fail: () => edit(rv(), (p) => (vm0(p).platform.regions = [])),
    pass: rv,
  },
  {
    rule: 'mem/guest-address-limit',
    severity: 'error',
    path: regions(0, 1),
    fail: () =>
      edit(rv(), (p) => vm0(p).platform.regions.push({ base: 0x1fffff00000n, size: 0x200000n })),
    pass: () =>
      edit(rv(), (p) => vm0(p).platform.regions.push({ base: 0x1ffffe00000n, size: 0x200000n })),
  },
  // devices
  {
    rule: 'dev/alignment',
    severity: 'error',
    path: devs(0, 0, 'va'),
    fail: () => edit(a64(), (p) => (vm0(p).platform.devs[0].va = 0x9000100n)),
    pass: a64,
  },
  {
    rule: 'dev/identity',
    severity: 'error',
    path: devs(0, 0, 'va'),
    fail: () => edit(fvpr(), (p) => (vm0(p).platform.devs[0].va = 0xff000000n)),
    pass: fvpr,
  },
  {
    rule: 'dev/bao-console',
    severity: 'info',
    path: devs(0, 0, 'pa'),
    fail: a64,
    pass: () =>
      edit(a64(), (p) =>
        Object.assign(vm0(p).platform.devs[0], {
          pa: 0x9010000n,
          va: 0x9010000n,
          interrupts: [34],
        }),
      ),
  },
  {
    rule: 'dev/empty',
    severity: 'warning',
    path: devs(0, 1),
    fail: () =>
      edit(rv(), (p) => vm0(p).platform.devs.push({ pa: 0n, va: 0n, size: 0n, interrupts: [] })),
    pass: rv,
  },
  {
    rule: 'dev/exposes-neighbours',
    severity: 'warning',
    path: devs(0, 0, 'size'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.devs[0].size = 0x10000n)),
    pass: rv,
  },
  {
    rule: 'dev/iommu',
    severity: 'error',
    path: devs(0, 0, 'id'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.devs[0].id = 5)),
    pass: () => edit(zcu(), (p) => (vm0(p).platform.devs[0].id = 5)),
  },
  {
    rule: 'dev/platform-conflict',
    severity: 'error',
    path: devs(0, 0, 'pa'),
    fail: () =>
      edit(rv(), (p) => Object.assign(vm0(p).platform.devs[0], { pa: 0xc000000n, va: 0xc000000n })),
    pass: rv,
  },
  {
    rule: 'dev/shared',
    severity: 'warning',
    path: devs(1, 0, 'pa'),
    fail: () => workshop('III'),
    pass: () => workshop('IV'),
  },
  {
    rule: 'dev/tricore-not-protectable',
    severity: 'error',
    path: devs(0, 0, 'pa'),
    fail: () =>
      edit(tc(), (p) =>
        Object.assign(vm0(p).platform.devs[0], { pa: 0xf46c0100n, va: 0xf46c0100n }),
      ),
    pass: tc,
  },
  {
    rule: 'dev/unknown-address',
    severity: 'warning',
    path: devs(0, 0, 'pa'),
    fail: () =>
      edit(rv(), (p) =>
        Object.assign(vm0(p).platform.devs[0], { pa: 0x18000000n, va: 0x18000000n }),
      ),
    pass: rv,
  },
  // interrupts
  {
    rule: 'irq/duplicate',
    severity: 'error',
    path: devs(1, 0, 'interrupts', 7),
    fail: () => edit(workshop('IV'), (p) => (vm1(p).platform.devs[0].interrupts[7] = 10)),
    pass: () => workshop('IV'),
  },
  {
    rule: 'irq/hypervisor-reserved',
    severity: 'error',
    path: devs(0, 0, 'interrupts', 0),
    fail: () => edit(rh850(), (p) => (vm0(p).platform.devs[0].interrupts = [3])),
    pass: rh850,
  },
  {
    rule: 'irq/range',
    severity: 'error',
    path: devs(0, 0, 'interrupts', 0),
    fail: () => edit(rv(), (p) => (vm0(p).platform.devs[0].interrupts = [96])),
    pass: rv,
  },
  {
    rule: 'irq/ipc-collision',
    severity: 'warning',
    path: ipcs(0, 0, 'interrupts', 0),
    fail: () => edit(workshop('V'), (p) => (vm0(p).platform.ipcs[0].interrupts = [10])),
    pass: () => workshop('V'),
  },
  {
    rule: 'irq/spi32-shared',
    severity: 'warning',
    path: devs(1, 0, 'interrupts', 0),
    fail: () =>
      edit(
        a64Two(),
        (p) => (
          (vm0(p).platform.devs[0].interrupts = [32]),
          (vm1(p).platform.devs[0].interrupts = [32])
        ),
      ),
    pass: a64Two,
  },
  {
    rule: 'irq/vgic-size',
    severity: 'warning',
    path: devs(0, 0, 'interrupts', 0),
    fail: () =>
      edit(
        a64(),
        (p) => (
          (vm0(p).platform.devs[0].interrupts = [70]),
          (vm0(p).platform.arch.gic!.interrupt_num = 64)
        ),
      ),
    pass: () =>
      edit(
        a64(),
        (p) => (
          (vm0(p).platform.devs[0].interrupts = [70]),
          (vm0(p).platform.arch.gic!.interrupt_num = 128)
        ),
      ),
  },
  // IPC
  {
    rule: 'ipc/mpu-base',
    severity: 'error',
    path: ipcs(0, 0, 'base'),
    fail: () =>
      edit(
        fvpr(),
        (p) => (
          (p.config.shmemlist = [{ size: 0x10000n, phys: 0x70000000n }]),
          (vm0(p).platform.ipcs = [
            { base: 0x70010000n, size: 0x10000n, shmem_id: 0, interrupts: [52] },
          ])
        ),
      ),
    pass: () =>
      edit(
        fvpr(),
        (p) => (
          (p.config.shmemlist = [{ size: 0x10000n, phys: 0x70000000n }]),
          (vm0(p).platform.ipcs = [
            { base: 0x70000000n, size: 0x10000n, shmem_id: 0, interrupts: [52] },
          ])
        ),
      ),
  },
  {
    rule: 'ipc/no-interrupt',
    severity: 'info',
    path: ipcs(0, 0, 'interrupts'),
    fail: () => edit(workshop('V'), (p) => (vm0(p).platform.ipcs[0].interrupts = [])),
    pass: () => workshop('V'),
  },
  {
    rule: 'ipc/peer-size',
    severity: 'warning',
    path: ipcs(1, 0, 'size'),
    fail: () => edit(workshop('V'), (p) => (vm1(p).platform.ipcs[0].size = 0x8000n)),
    pass: () => workshop('V'),
  },
  {
    rule: 'ipc/shmem-id',
    severity: 'error',
    path: ipcs(0, 0, 'shmem_id'),
    fail: () => edit(workshop('V'), (p) => (vm0(p).platform.ipcs[0].shmem_id = 1)),
    pass: () => workshop('V'),
  },
  {
    rule: 'ipc/size',
    severity: 'warning',
    path: ipcs(0, 0, 'size'),
    fail: () => edit(workshop('V'), (p) => (p.config.shmemlist[0].size = 0x8000n)),
    pass: () => workshop('V'),
  },
  {
    rule: 'ipc/shmem-usage',
    severity: 'info',
    path: ['config', 'shmemlist', 1],
    fail: () => edit(workshop('V'), (p) => p.config.shmemlist.push({ size: 0x1000n })),
    pass: () => workshop('V'),
  },
  // Remote I/O
  {
    rule: 'remio/frontend-window',
    severity: 'error',
    path: remio(1, 0, 'va'),
    fail: () => edit(remioPair(), (p) => delete vm1(p).platform.remio_devs[0].va),
    pass: remioPair,
  },
  {
    rule: 'remio/pairing',
    severity: 'error',
    path: remio(1, 0, 'bind_key'),
    fail: () => edit(remioPair(), (p) => (vm0(p).platform.remio_devs = [])),
    pass: remioPair,
  },
  {
    rule: 'remio/shmem',
    severity: 'error',
    path: remio(1, 0, 'shmem'),
    fail: () => edit(remioPair(), (p) => (vm1(p).platform.remio_devs[0].shmem.base = 0x60000000n)),
    pass: remioPair,
  },
  {
    rule: 'remio/truncated',
    severity: 'warning',
    path: remio(1, 0, 'interrupt'),
    fail: () => edit(remioPair(), (p) => (vm1(p).platform.remio_devs[0].interrupt = 300)),
    pass: remioPair,
  },
  // arch blocks
  {
    rule: 'arch/gic-missing',
    severity: 'error',
    path: arch(0, 'gic', 'gicr_addr'),
    fail: () => edit(a64(), (p) => delete vm0(p).platform.arch.gic!.gicr_addr),
    pass: a64,
  },
  {
    rule: 'arch/mmu-ignored',
    severity: 'info',
    path: ['config', 'vmlist', 0, 'platform', 'mmu'],
    fail: () => edit(rv(), (p) => (vm0(p).platform.mmu = true)),
    pass: () => edit(fvpr(), (p) => (vm0(p).platform.mmu = true)),
  },
  {
    rule: 'arch/riscv-imsic-missing',
    severity: 'warning',
    path: arch(0, 'irqc', 'aia'),
    fail: () => edit(rv2(), (p) => delete vm0(p).platform.arch.irqc!.aia!.imsic),
    pass: rv2,
  },
  {
    rule: 'arch/riscv-irqc-missing',
    severity: 'error',
    path: arch(0, 'irqc'),
    fail: () => edit(rv(), (p) => (vm0(p).platform.arch = {})),
    pass: rv,
  },
  {
    rule: 'arch/riscv-irqc-style',
    severity: 'warning',
    path: arch(0, 'irqc', 'plic', 'base'),
    fail: () => edit(rv(), (p) => (p.target.bao = 'v2')),
    pass: () => edit(rv(), (p) => ((p.target.bao = 'v2'), (p.target.irqc = 'PLIC'))),
  },
  {
    rule: 'arch/tricore-gpsr',
    severity: 'error',
    path: arch(0, 'gpsr_groups', 0),
    fail: () => edit(tc(), (p) => (vm0(p).platform.arch.gpsr_groups = [0])),
    pass: () => edit(tc(), (p) => (vm0(p).platform.arch.gpsr_groups = [1])),
  },
  {
    rule: 'arch/foreign-field',
    severity: 'error',
    path: arch(0, 'irqc'),
    fail: () => edit(a64(), (p) => (vm0(p).platform.arch.irqc = { plic: { base: 0xc000000n } })),
    pass: a64,
  },
  {
    rule: 'arch/patched-field',
    severity: 'warning',
    path: arch(0, 'smc_passthrough'),
    fail: () =>
      edit(a64(), (p) => (vm0(p).platform.arch.smc_passthrough = { smcs: [0xc2000001n] })),
    pass: a64,
  },
  // MPU
  {
    rule: 'mpu/region-in-code-memory',
    severity: 'warning',
    path: regions(0, 1),
    fail: () =>
      edit(rh850(), (p) => vm0(p).platform.regions.push({ base: 0x4000000n, size: 0x10000n })),
    pass: rh850,
  },
  {
    rule: 'mpu/entries',
    severity: 'warning',
    path: ['config', 'vmlist', 0, 'platform'],
    fail: () =>
      edit(fvpr(), (p) => {
        for (let i = 0; i < 16; i++)
          vm0(p).platform.regions.push({
            base: 0x20000000n + BigInt(i) * 0x20000n,
            size: 0x10000n,
          });
      }),
    pass: () =>
      edit(fvpr(), (p) => {
        for (let i = 0; i < 16; i++)
          vm0(p).platform.regions.push({
            base: 0x20000000n + BigInt(i) * 0x10000n,
            size: 0x10000n,
          });
      }),
  },
  {
    rule: 'mpu/place-phys-forced',
    severity: 'warning',
    path: regions(0, 0, 'phys'),
    fail: () =>
      edit(fvpr(), (p) =>
        Object.assign(vm0(p).platform.regions[0], { place_phys: true, phys: 0x50000000n }),
      ),
    pass: fvpr,
  },
];

describe('validation rules: a failing and a passing case each', () => {
  it('covers every rule exactly once', () => {
    const ids = cases.map((c) => c.rule).sort();
    expect(ids).toEqual(rules.map((r) => r.id).sort());
  });

  for (const c of cases) {
    describe(c.rule, () => {
      it(`reports ${c.severity} at ${c.path.join('.')}`, () => {
        const found = diagsOf(c.fail(), c.rule, c.options);
        expect(found.length, `expected ${c.rule} to fire`).toBeGreaterThan(0);
        const hit = found.find((d) => JSON.stringify(d.path) === JSON.stringify(c.path));
        expect(
          hit,
          `paths reported: ${found.map((d) => JSON.stringify(d.path)).join(' ')}`,
        ).toBeDefined();
        expect(hit!.severity).toBe(c.severity);
        expect(hit!.message.length).toBeGreaterThan(10);
      });
      it('stays quiet on the fixed project', () => {
        expect(diagsOf(c.pass(), c.rule, c.passOptions)).toEqual([]);
      });
    });
  }
});
