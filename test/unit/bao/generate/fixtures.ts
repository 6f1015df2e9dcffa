// Projects that exercise every field the generators write, beyond the workshop examples.
import {
  Project,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
} from '../../../../core/bao/model/index.js';

const base = { format: PROJECT_FORMAT, formatVersion: PROJECT_FORMAT_VERSION };

/** RISC-V, every optional field set: hyp, colors, loaded + field-style images, remio, AIA. */
export function riscvKitchenSink(
  bao: 'v1.0' | 'v2' = 'v2',
  irqc: 'PLIC' | 'APLIC' | 'AIA' = 'AIA',
): Project {
  return Project.parse({
    ...base,
    name: 'kitchen-sink',
    description: 'Every field */ and a comment terminator in the text.',
    target: { bao, platform: 'qemu-riscv64-virt', irqc },
    config: {
      hyp: {
        relocate: false,
        base_addr: '0x80200000',
        data_relocate: false,
        data_addr: '0x0',
        colors: '0x3',
      },
      shmemlist: [
        { size: '0x10000', meta: { name: 'ipc shm' } },
        { size: '0x1000000', place_phys: true, phys: '0xd0000000', colors: '0x1', reserved: false },
      ],
      vmlist: [
        {
          image: {
            source: 'loaded',
            base_addr: '0x90200000',
            load_addr: '0x90200000',
            size: '0x2000000',
          },
          entry: '0x90200000',
          cpu_affinity: '0x6',
          colors: '0xf',
          platform: {
            cpu_num: 2,
            regions: [
              {
                base: '0x90000000',
                size: '0x40000000',
                place_phys: true,
                phys: '0x90000000',
                reserved: false,
              },
            ],
            ipcs: [
              {
                base: '0xf0000000',
                size: '0x10000',
                shmem_id: 0,
                interrupts: [52],
                meta: { name: 'to rtos' },
              },
            ],
            devs: [
              {
                pa: '0x10000000',
                va: '0x10000000',
                size: '0x1000',
                interrupts: [10],
                meta: { name: 'UART0' },
              },
              { pa: '0x10001000', va: '0x10001000', size: '0x2000', interrupts: [1, 2] },
              {
                pa: '0x101000',
                va: '0x101000',
                size: '0x1000',
                interrupts: [11],
                id: 3,
                meta: { name: 'RTC', comment: 'goldfish' },
              },
              {
                pa: '0x30000000',
                va: '0x30000000',
                size: '0x1000',
                interrupts: [],
                meta: { name: 'a block with no driver' },
              },
            ],
            remio_devs: [
              {
                bind_key: 0,
                type: 'REMIO_DEV_FRONTEND',
                va: '0xa0000000',
                size: '0x200',
                interrupt: 40,
                shmem: { base: '0xd0000000', size: '0x1000000', shmem_id: 1 },
              },
            ],
            arch: {
              irqc: { aia: { aplic: { base: '0xd000000' }, imsic: { base: '0x28000000' } } },
            },
          },
          meta: {
            name: 'linux main',
            guest: 'linux',
            bootargs: 'console=ttyS0 quiet',
            stdoutDev: 0,
          },
        },
        {
          image: {
            source: 'builtin',
            path: '/abs/path/rtos.bin',
            path_style: 'string',
            base_addr: '0x0',
            style: 'fields',
            inplace: false,
            reserved: false,
          },
          entry: '0x100',
          platform: {
            cpu_num: 1,
            regions: [{ base: '0x0', size: '0x8000000' }],
            region_num: 2,
            ipcs: [
              {
                base: '0x70000000',
                size: '0x10000',
                shmem_id: 0,
                interrupts: [52],
                interrupt_num: 2,
              },
            ],
            dev_num: 1,
            arch: { irqc: { aia: { aplic: { base: '0xd000000' } } } },
          },
          meta: { name: 'rtos', guest: 'freertos' },
        },
      ],
    },
  });
}

/** qemu-aarch64-virt, GICv3, a PL011 and the virtio window, SMMU groups. */
export function armProject(gic: 'v2' | 'v3' = 'v3'): Project {
  return Project.parse({
    ...base,
    name: 'arm',
    target: { bao: 'v2', platform: 'qemu-aarch64-virt' },
    config: {
      shmemlist: [{ size: '0x200000' }],
      vmlist: [
        {
          image: {
            source: 'builtin',
            name: 'linux_image',
            path: 'BAO_WRKDIR_IMGS/linux.bin',
            base_addr: '0x60000000',
          },
          entry: '0x60000000',
          platform: {
            cpu_num: 2,
            regions: [{ base: '0x60000000', size: '0x40000000' }],
            ipcs: [{ base: '0xf0000000', size: '0x200000', shmem_id: 0, interrupts: [52] }],
            devs: [
              {
                pa: '0x9000000',
                va: '0x9000000',
                size: '0x10000',
                interrupts: [33],
                meta: { name: 'PL011' },
              },
              {
                pa: '0x0',
                va: '0x0',
                size: '0x0',
                interrupts: [27],
                meta: { name: 'Arch timer interrupt' },
              },
              {
                pa: '0xa003000',
                va: '0xa003000',
                size: '0x1000',
                interrupts: [72, 73, 74, 75, 76, 77, 78, 79],
                meta: { name: 'virtio devices' },
              },
            ],
            arch: {
              gic:
                gic === 'v3'
                  ? { gicd_addr: '0x8000000', gicr_addr: '0x80a0000' }
                  : { gicd_addr: '0x8000000', gicc_addr: '0x8010000', interrupt_num: 64 },
              smmu: { global_mask: 0x10, groups: [{ mask: 0x0, id: 0x8 }] },
            },
          },
          meta: { name: 'linux', guest: 'linux' },
        },
      ],
    },
  });
}
