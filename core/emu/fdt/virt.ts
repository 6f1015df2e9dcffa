// The device tree of QEMU 7.2's `virt` board, node for node and phandle for phandle as QEMU's
// hw/riscv/virt.c builds it, for the devices our machine emulates. Left out on purpose (we do
// not emulate them, and advertising them would make Linux probe absent hardware): pci@30000000,
// flash@20000000, fw-cfg@10100000, platform-bus@4000000. /chosen/rng-seed (QEMU's is random) is
// added by the boot plan with a fixed seed (loaders/boot-plan.ts: Linux needs one at boot).
import { cells, flag, hiLo, node, strings, type FdtNode } from './tree.js';
import { VIRT } from '../memory-map.js';
import { aiaNodes, type AiaMode } from './aia.js';

/** QEMU 7.2's default `rv64` CPU as its device tree describes it. */
export const QEMU_RV64_ISA = 'rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc';

export interface VirtTreeOptions {
  harts: number;
  ramSize: bigint;
  isa?: string;
  mmuType?: 'riscv,sv39' | 'riscv,sv48';
  /** mtime frequency in Hz (timebase-frequency); QEMU's is 10 MHz. */
  timebaseHz?: number;
  bootargs?: string;
  initrd?: { start: bigint; end: bigint };
  /** Interrupt controllers as QEMU's `-M virt,aia=…,aia-guests=…` (default: the PLIC). */
  aia?: AiaMode;
  aiaGuests?: number;
  /** Zicbom/Zicboz cache-block sizes (riscv,cbom-block-size / riscv,cboz-block-size). */
  cbomBlockSize?: number;
  cbozBlockSize?: number;
}

/** Interrupt numbers of the CPU-local interrupt controller (mip bits). */
const IRQ_M_SOFT = 3;
const IRQ_M_TIMER = 7;
const IRQ_M_EXT = 11;
const IRQ_S_EXT = 9;

export function virtDeviceTree(o: VirtTreeOptions): FdtNode {
  if (!Number.isInteger(o.harts) || o.harts < 1 || o.harts > 8)
    throw new RangeError(`harts must be 1..8, not ${o.harts}`);
  const isa = o.isa ?? QEMU_RV64_ISA;
  const mmuType = o.mmuType ?? 'riscv,sv48';
  // QEMU hands out phandles starting at 1, walking the harts from the last to the first.
  let next = 1;
  const cpuPhandle: number[] = [];
  const intcPhandle: number[] = [];
  for (let h = o.harts - 1; h >= 0; h--) {
    cpuPhandle[h] = next++;
    intcPhandle[h] = next++;
  }
  const aia = o.aia && o.aia !== 'none' ? o.aia : undefined;
  const aiaTree = aia
    ? aiaNodes({ mode: aia, harts: o.harts, guests: o.aiaGuests ?? 0, intc: intcPhandle, next })
    : undefined;
  if (aiaTree) next = aiaTree.next;
  const plicPhandle = aiaTree ? aiaTree.deviceParent : next++;
  const testPhandle = next;
  // With the APLIC, device interrupts carry a trigger type: 4 = level high.
  const irqCells = (irq: number) =>
    aiaTree ? cells('interrupts', irq, 4) : cells('interrupts', irq);
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

  const cpuNodes = range(o.harts).map((h) =>
    node(
      `cpu@${h}`,
      [
        cells('phandle', cpuPhandle[h]),
        strings('device_type', 'cpu'),
        cells('reg', h),
        strings('status', 'okay'),
        strings('compatible', 'riscv'),
        ...(o.cbozBlockSize ? [cells('riscv,cboz-block-size', o.cbozBlockSize)] : []),
        ...(o.cbomBlockSize ? [cells('riscv,cbom-block-size', o.cbomBlockSize)] : []),
        strings('riscv,isa', isa),
        strings('mmu-type', mmuType),
      ],
      [
        node('interrupt-controller', [
          cells('#interrupt-cells', 1),
          flag('interrupt-controller'),
          strings('compatible', 'riscv,cpu-intc'),
          cells('phandle', intcPhandle[h]),
        ]),
      ],
    ),
  );
  const cpuMap = node(
    'cpu-map',
    [],
    [
      node(
        'cluster0',
        [],
        range(o.harts).map((h) => node(`core${h}`, [cells('cpu', cpuPhandle[h])])),
      ),
    ],
  );
  const cpus = node(
    'cpus',
    [
      cells('#address-cells', 1),
      cells('#size-cells', 0),
      cells('timebase-frequency', o.timebaseHz ?? 10_000_000),
    ],
    [...cpuNodes, cpuMap],
  );

  const reg = (base: number | bigint, size: number | bigint): ReturnType<typeof cells> =>
    cells('reg', ...hiLo(base), ...hiLo(size));
  const virtio = range(VIRT.virtioCount)
    .reverse()
    .map((i) => {
      const base = VIRT.virtioBase + i * VIRT.virtioStride;
      return node(`virtio_mmio@${base.toString(16)}`, [
        irqCells(VIRT.virtioIrq + i),
        cells('interrupt-parent', plicPhandle),
        reg(base, VIRT.virtioStride),
        strings('compatible', 'virtio,mmio'),
      ]);
    });
  const plicIrqs = range(o.harts).flatMap((h) => [
    intcPhandle[h],
    IRQ_M_EXT,
    intcPhandle[h],
    IRQ_S_EXT,
  ]);
  const clintIrqs = range(o.harts).flatMap((h) => [
    intcPhandle[h],
    IRQ_M_SOFT,
    intcPhandle[h],
    IRQ_M_TIMER,
  ]);
  const soc = node(
    'soc',
    [
      cells('#address-cells', 2),
      cells('#size-cells', 2),
      strings('compatible', 'simple-bus'),
      flag('ranges'),
    ],
    [
      node(`rtc@${VIRT.rtcBase.toString(16)}`, [
        irqCells(VIRT.rtcIrq),
        cells('interrupt-parent', plicPhandle),
        reg(VIRT.rtcBase, 0x1000),
        strings('compatible', 'google,goldfish-rtc'),
      ]),
      node(`serial@${VIRT.uartBase.toString(16)}`, [
        irqCells(VIRT.uartIrq),
        cells('interrupt-parent', plicPhandle),
        cells('clock-frequency', VIRT.uartClockHz),
        reg(VIRT.uartBase, 0x100),
        strings('compatible', 'ns16550a'),
      ]),
      node(`test@${VIRT.testBase.toString(16)}`, [
        cells('phandle', testPhandle),
        reg(VIRT.testBase, 0x1000),
        strings('compatible', 'sifive,test1', 'sifive,test0', 'syscon'),
      ]),
      ...virtio,
      ...(aiaTree
        ? aiaTree.nodes
        : [
            node(`plic@${VIRT.plicBase.toString(16)}`, [
              cells('phandle', plicPhandle),
              cells('riscv,ndev', VIRT.plicSources),
              reg(VIRT.plicBase, VIRT.plicSize),
              cells('interrupts-extended', ...plicIrqs),
              flag('interrupt-controller'),
              strings('compatible', 'sifive,plic-1.0.0', 'riscv,plic0'),
              cells('#address-cells', 0),
              cells('#interrupt-cells', 1),
            ]),
          ]),
      node(`clint@${VIRT.clintBase.toString(16)}`, [
        cells('interrupts-extended', ...clintIrqs),
        reg(VIRT.clintBase, 0x10000),
        strings('compatible', 'sifive,clint0', 'riscv,clint0'),
      ]),
    ],
  );

  // QEMU adds these one by one with libfdt, which puts each new property first.
  const chosenProps = [strings('stdout-path', `/soc/serial@${VIRT.uartBase.toString(16)}`)];
  if (o.bootargs !== undefined) chosenProps.unshift(strings('bootargs', o.bootargs));
  if (o.initrd) chosenProps.unshift(...initrdProps(o.initrd).reverse());

  return node(
    '',
    [
      cells('#address-cells', 2),
      cells('#size-cells', 2),
      strings('compatible', 'riscv-virtio'),
      strings('model', 'riscv-virtio,qemu'),
    ],
    [
      node('pmu', [
        // QEMU's default event → counter map (OpenSBI's PMU reads it).
        cells(
          'riscv,event-to-mhpmcounters',
          0x01,
          0x01,
          0x7fff9,
          0x02,
          0x02,
          0x7fffc,
          0x10019,
          0x10019,
          0x7fff8,
          0x1001b,
          0x1001b,
          0x7fff8,
          0x10021,
          0x10021,
          0x7fff8,
          0,
          0,
          0,
          0,
          0,
        ),
        strings('compatible', 'riscv,pmu'),
      ]),
      node('chosen', chosenProps),
      node('poweroff', [
        cells('value', 0x5555),
        cells('offset', 0),
        cells('regmap', testPhandle),
        strings('compatible', 'syscon-poweroff'),
      ]),
      node('reboot', [
        cells('value', 0x7777),
        cells('offset', 0),
        cells('regmap', testPhandle),
        strings('compatible', 'syscon-reboot'),
      ]),
      node(`memory@${VIRT.ramBase.toString(16)}`, [
        strings('device_type', 'memory'),
        reg(VIRT.ramBase, o.ramSize),
      ]),
      cpus,
      soc,
    ],
  );
}

/** /chosen initrd properties as QEMU 7.2 writes them: one cell each (riscv_load_initrd). */
export function initrdProps(initrd: { start: bigint; end: bigint }): ReturnType<typeof cells>[] {
  return [
    cells('linux,initrd-start', Number(initrd.start & 0xffffffffn)),
    cells('linux,initrd-end', Number(initrd.end & 0xffffffffn)),
  ];
}
