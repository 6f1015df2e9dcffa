// The Bao workshop's five qemu-riscv64-virt setups (I–V) as Bao Studio projects. Addresses,
// image bases and entry points are those of the workshop configs (bao-helloworld, risc-v
// branch) and bao-demos: bare-metal at 0x80200000, FreeRTOS at 0x0 with the UART mapped at
// 0xff000000, Linux at 0x90200000 in 1 GiB placed at physical 0x90000000, the shared memory
// seen at 0x70000000 (bare-metal/FreeRTOS) and 0xf0000000 (Linux) with IPC interrupt 52.
//
// The *.baoproj files next to this one are these definitions written with serializeProject
// (`npx tsx assets/examples/write.ts`); a unit test keeps them in sync.
import { Project, PROJECT_FORMAT, PROJECT_FORMAT_VERSION } from '../../core/bao/model/index.js';

const MiB = 0x100000;
const PLIC = { irqc: { plic: { base: '0xc000000' } } };

/** The 8250 UART of QEMU's virt board, with its PLIC interrupt. */
const uart = (va = '0x10000000', irq: number[] = [10]) => ({
  pa: '0x10000000',
  va,
  size: '0x1000',
  interrupts: irq,
  meta: { name: 'UART (ns16550a)' },
});

/** QEMU virt's eight virtio-mmio slots (0x10001000 + n*0x1000, PLIC irqs 1..8) as one window. */
const virtio = {
  pa: '0x10001000',
  va: '0x10001000',
  size: '0x8000',
  interrupts: [1, 2, 3, 4, 5, 6, 7, 8],
  meta: { name: 'virtio-mmio' },
};

const baremetalVm = (cpus: number, memMiB: number, extra: { ipcs?: unknown[] } = {}) => ({
  image: {
    source: 'builtin',
    name: 'baremetal_image',
    path: 'BAO_WRKDIR_IMGS/baremetal.bin',
    base_addr: '0x80200000',
  },
  entry: '0x80200000',
  platform: {
    cpu_num: cpus,
    regions: [{ base: '0x80200000', size: `0x${(memMiB * MiB).toString(16)}` }],
    ...extra,
    devs: [uart()],
    arch: PLIC,
  },
  meta: { name: 'baremetal', guest: 'baremetal', stdoutDev: 0 },
});

const linuxVm = (extra: { ipcs?: unknown[] } = {}) => ({
  image: {
    source: 'builtin',
    name: 'linux_image',
    path: 'BAO_WRKDIR_IMGS/linux.bin',
    base_addr: '0x90200000',
  },
  entry: '0x90200000',
  platform: {
    cpu_num: 3,
    regions: [{ base: '0x90000000', size: '0x40000000', place_phys: true, phys: '0x90000000' }],
    ...extra,
    devs: [virtio],
    arch: PLIC,
  },
  meta: {
    name: 'linux',
    guest: 'linux',
    // The workshop's Linux console is the virtio console (hvc0) in the passed-through window.
    bootargs: 'console=hvc0',
  },
});

/** 64 KiB of shared memory: one IPC link, notification interrupt 52 in both VMs. */
const shmem = { size: '0x10000', meta: { name: 'ipc0' } };
const ipc = (base: string) => ({
  base,
  size: '0x10000',
  shmem_id: 0,
  interrupts: [52],
  meta: { name: 'ipc0' },
});

export interface ExampleInfo {
  /** File stem in assets/examples and the name `new --example` takes. */
  name: string;
  title: string;
  description: string;
}

interface ExampleDefinition extends ExampleInfo {
  config: unknown;
}

const DEFINITIONS: ExampleDefinition[] = [
  {
    name: 'baremetal',
    title: 'I. Bare-metal guest',
    description:
      'Workshop setup I: one bare-metal VM with 1 vCPU and 64 MiB at 0x80200000, owning the UART (0x10000000, irq 10); virtual PLIC at 0xc000000.',
    config: { vmlist: [baremetalVm(1, 64)] },
  },
  {
    name: 'baremetal-4vcpu',
    title: 'II. Bare-metal guest on 4 vCPUs',
    description:
      'Workshop setup II: the bare-metal VM of setup I with 4 vCPUs and 128 MiB, every hart printing on the UART.',
    config: { vmlist: [baremetalVm(4, 128)] },
  },
  {
    name: 'baremetal-freertos',
    title: 'III. Bare-metal + FreeRTOS',
    description:
      'Workshop setup III: a bare-metal VM (3 vCPUs, 64 MiB, UART with irq 10) next to a FreeRTOS VM (1 vCPU, 128 MiB at 0x0) that maps the same UART at 0xff000000 without its interrupt, and a 64 KiB shared memory FreeRTOS sees at 0x70000000 (irq 52), as in the workshop.',
    config: {
      shmemlist: [shmem],
      vmlist: [
        baremetalVm(3, 64),
        {
          image: {
            source: 'builtin',
            name: 'freertos_image',
            path: 'BAO_WRKDIR_IMGS/freertos.bin',
            base_addr: '0x0',
          },
          entry: '0x0',
          platform: {
            cpu_num: 1,
            regions: [{ base: '0x0', size: '0x8000000' }],
            ipcs: [ipc('0x70000000')],
            devs: [uart('0xff000000', [])],
            arch: PLIC,
          },
          meta: { name: 'freertos', guest: 'freertos', stdoutDev: 0 },
        },
      ],
    },
  },
  {
    name: 'baremetal-linux',
    title: 'IV. Bare-metal + Linux',
    description:
      'Workshop setup IV: a bare-metal VM (1 vCPU, 64 MiB, UART) and a Linux VM (3 vCPUs, 1 GiB at 0x90000000 placed physically) that owns the virtio-mmio window (0x10001000, size 0x8000, irqs 1-8) and uses the virtio console.',
    config: { vmlist: [baremetalVm(1, 64), linuxVm()] },
  },
  {
    name: 'baremetal-linux-shmem',
    title: 'V. Bare-metal + Linux with shared-memory IPC',
    description:
      'Workshop setup V: setup IV plus 64 KiB of shared memory and an IPC link (irq 52) in both VMs, at 0x70000000 in the bare-metal VM and 0xf0000000 in Linux (bao,ipcshmem).',
    config: {
      shmemlist: [shmem],
      vmlist: [
        baremetalVm(1, 64, { ipcs: [ipc('0x70000000')] }),
        linuxVm({ ipcs: [ipc('0xf0000000')] }),
      ],
    },
  },
];

/** The examples, for "New from example" and `bao-studio new --example`. */
export const EXAMPLES: readonly ExampleInfo[] = DEFINITIONS.map(({ name, title, description }) => ({
  name,
  title,
  description,
}));

/** A fresh Project for an example (each call returns a new object), or undefined. */
export function exampleProject(name: string): Project | undefined {
  const def = DEFINITIONS.find((d) => d.name === name);
  if (!def) return undefined;
  return Project.parse({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name: def.name,
    description: def.description,
    target: { bao: 'v1.0', platform: 'qemu-riscv64-virt', irqc: 'PLIC' },
    config: def.config,
  });
}
