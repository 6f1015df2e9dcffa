// The AIA interrupt controllers of QEMU 7.2's `virt` board (`-M virt,aia=aplic` and
// `aia=aplic-imsic[,aia-guests=N]`), node for node and phandle for phandle as hw/riscv/virt.c
// writes them, and the CPU `riscv,isa` string for the extensions a machine enables.
import { cells, flag, hiLo, node, strings, type FdtNode } from './tree.js';

export type AiaMode = 'none' | 'aplic' | 'aplic-imsic';

/** Where QEMU 7.2 puts the AIA blocks (VIRT_APLIC_M/S, VIRT_IMSIC_M/S). */
export const AIA_MAP = {
  aplicM: 0x0c000000,
  aplicS: 0x0d000000,
  /** QEMU sizes the APLIC window for its maximum hart count, whatever -smp says. */
  aplicSize: 0x8000,
  imsicM: 0x24000000,
  imsicS: 0x28000000,
  /** QEMU's VIRT_IRQCHIP_NUM_SOURCES: riscv,num-sources. */
  sources: 96,
  /** QEMU's VIRT_IRQCHIP_NUM_MSIS: riscv,num-ids. */
  msis: 255,
  /** OpenSBI and Linux take interrupt identity 1 of every file for IPIs. */
  ipiId: 1,
} as const;

/** Bits of the guest index in an S-level IMSIC address: ceil(log2(1 + guests)). */
export function imsicGuestBits(guests: number): number {
  let bits = 0;
  while (1 << bits < 1 + guests) bits++;
  return bits;
}

/** Bytes between two harts' S-level IMSIC files: the hart's S file plus its guest files. */
export function imsicSStride(guests: number): number {
  return 0x1000 << imsicGuestBits(guests);
}

const IRQ_M_EXT = 11;
const IRQ_S_EXT = 9;

export interface AiaTreeInput {
  mode: Exclude<AiaMode, 'none'>;
  harts: number;
  guests: number;
  /** phandle of each hart's cpu interrupt controller */
  intc: number[];
  /** first free phandle */
  next: number;
}

export interface AiaTree {
  /** soc children in QEMU's order (it adds nodes at the front, so last created comes first) */
  nodes: FdtNode[];
  /** interrupt-parent for the devices: the S-level APLIC */
  deviceParent: number;
  next: number;
}

/**
 * QEMU 7.2 (create_fdt_imsic / create_fdt_socket_aplic): phandles go IMSIC M, IMSIC S, APLIC M,
 * APLIC S; the M-level APLIC delegates all sources to the S-level one (riscv,delegate).
 */
export function aiaNodes(o: AiaTreeInput): AiaTree {
  let next = o.next;
  const range = Array.from({ length: o.harts }, (_, i) => i);
  const reg = (base: number, size: number) => cells('reg', ...hiLo(base), ...hiLo(size));
  const nodes: FdtNode[] = [];
  let msiM = 0;
  let msiS = 0;
  if (o.mode === 'aplic-imsic') {
    msiM = next++;
    msiS = next++;
    const imsic = (base: number, size: number, phandle: number, irq: number, guestBits: number) =>
      node(`imsics@${base.toString(16)}`, [
        cells('phandle', phandle),
        ...(guestBits ? [cells('riscv,guest-index-bits', guestBits)] : []),
        cells('riscv,ipi-id', AIA_MAP.ipiId),
        cells('riscv,num-ids', AIA_MAP.msis),
        reg(base, size),
        cells('interrupts-extended', ...range.flatMap((h) => [o.intc[h], irq])),
        flag('msi-controller'),
        flag('interrupt-controller'),
        cells('#interrupt-cells', 0),
        strings('compatible', 'riscv,imsics'),
      ]);
    nodes.push(
      imsic(
        AIA_MAP.imsicS,
        o.harts * imsicSStride(o.guests),
        msiS,
        IRQ_S_EXT,
        imsicGuestBits(o.guests),
      ),
      imsic(AIA_MAP.imsicM, o.harts * 0x1000, msiM, IRQ_M_EXT, 0),
    );
  }
  const aplicM = next++;
  const aplicS = next++;
  const delivery = (msi: number, irq: number) =>
    o.mode === 'aplic-imsic'
      ? cells('msi-parent', msi)
      : cells('interrupts-extended', ...range.flatMap((h) => [o.intc[h], irq]));
  const common = (msi: number, irq: number, base: number) => [
    cells('riscv,num-sources', AIA_MAP.sources),
    reg(base, AIA_MAP.aplicSize),
    delivery(msi, irq),
    flag('interrupt-controller'),
    cells('#interrupt-cells', 2),
    strings('compatible', 'riscv,aplic'),
  ];
  nodes.unshift(
    node(`aplic@${AIA_MAP.aplicS.toString(16)}`, [
      cells('phandle', aplicS),
      ...common(msiS, IRQ_S_EXT, AIA_MAP.aplicS),
    ]),
    node(`aplic@${AIA_MAP.aplicM.toString(16)}`, [
      cells('phandle', aplicM),
      cells('riscv,delegate', aplicS, 1, AIA_MAP.sources),
      cells('riscv,children', aplicS),
      ...common(msiM, IRQ_M_EXT, AIA_MAP.aplicM),
    ]),
  );
  return { nodes, deviceParent: aplicS, next };
}

/** Extensions that change the `riscv,isa` string. */
export interface IsaExtensions {
  h?: boolean;
  zicbom?: boolean;
  zicboz?: boolean;
  aia?: AiaMode;
  sstc?: boolean;
  svinval?: boolean;
  svpbmt?: boolean;
}

/**
 * The string QEMU writes for its default `rv64` CPU with these extensions, in QEMU's canonical
 * order (riscv_isa_string). Zicbom/Zicboz postdate QEMU 7.2; they go where later QEMUs put them,
 * first among the Z extensions. Smaia/Ssaia appear with the IMSIC only (`aia=aplic` keeps the
 * CPU without AIA CSRs).
 */
export function virtIsa(e: IsaExtensions = {}): string {
  const parts = [e.h === false ? 'rv64imafdc' : 'rv64imafdch'];
  if (e.zicbom) parts.push('zicbom');
  if (e.zicboz) parts.push('zicboz');
  parts.push('zicsr', 'zifencei', 'zihintpause', 'zba', 'zbb', 'zbc', 'zbs');
  if (e.aia === 'aplic-imsic') parts.push('smaia', 'ssaia');
  if (e.sstc !== false) parts.push('sstc');
  if (e.svinval) parts.push('svinval');
  if (e.svpbmt) parts.push('svpbmt');
  return parts.join('_');
}
