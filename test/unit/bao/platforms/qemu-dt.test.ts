// The QEMU boards' device inventories against QEMU's own device tree: run the installed QEMU
// with dumpdtb, decompile with dtc, and compare every device node (address, size, interrupts)
// with the catalog, both ways. Skips with a message when qemu-system-* or dtc is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getPlatform } from '../../../../core/bao/platforms/index.js';
import type { Platform } from '../../../../core/bao/platforms/platform.js';

const dir = mkdtempSync(join(tmpdir(), 'bao-dt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function have(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Dumps QEMU's device tree for `machine` and returns it as DTS text. */
function dumpDts(qemu: string, machine: string, extra: string[]): string {
  const dtb = join(dir, `${basename(qemu)}-${machine.replace(/[^a-z0-9]/gi, '_')}.dtb`);
  const q = spawnSync(
    qemu,
    ['-M', `${machine},dumpdtb=${dtb}`, '-nographic', '-nodefaults', ...extra],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (q.status !== 0) throw new Error(`${qemu} failed: ${q.stderr}`);
  const d = spawnSync('dtc', ['-q', '-I', 'dtb', '-O', 'dts', dtb], { encoding: 'utf8' });
  if (d.status !== 0) throw new Error(`dtc failed: ${d.stderr}`);
  return d.stdout;
}

interface DtNode {
  path: string;
  props: Map<string, string>;
}

/** A small DTS reader: node paths and their raw property values. */
function parseDts(dts: string): DtNode[] {
  const nodes: DtNode[] = [];
  const stack: DtNode[] = [];
  for (const raw of dts.split('\n')) {
    const line = raw.trim();
    const open = /^([^\s=]+) \{$/.exec(line);
    if (open) {
      const name = open[1] === '/' ? '' : open[1];
      const node: DtNode = {
        path: stack.map((n) => n.path.split('/').pop()).join('/') + '/' + name,
        props: new Map(),
      };
      stack.push(node);
      nodes.push(node);
      continue;
    }
    if (line === '};') {
      stack.pop();
      continue;
    }
    const prop = /^([#a-z0-9,_-]+)(?: = (.*))?;$/i.exec(line);
    if (prop && stack.length > 0) stack[stack.length - 1].props.set(prop[1], prop[2] ?? '');
  }
  return nodes;
}

const cells = (v: string | undefined): bigint[] =>
  v ? [...v.matchAll(/0x[0-9a-f]+|\d+/gi)].map((m) => BigInt(m[0])) : [];

/** reg = <hi lo size-hi size-lo ...> with #address-cells = #size-cells = 2 on both boards. */
function regs(n: DtNode): { pa: bigint; size: bigint }[] {
  const c = cells(n.props.get('reg'));
  const out: { pa: bigint; size: bigint }[] = [];
  for (let i = 0; i + 3 < c.length; i += 4)
    out.push({ pa: (c[i] << 32n) | c[i + 1], size: (c[i + 2] << 32n) | c[i + 3] });
  return out;
}

/**
 * Bao interrupt ids: PLIC <source>; APLIC <source type>; GIC <type num flags> → SPI num+32,
 * PPI num+16.
 */
type IrqCells = 'plic' | 'aplic' | 'gic';
function irqs(n: DtNode, mode: IrqCells): number[] {
  const c = cells(n.props.get('interrupts')).map(Number);
  if (mode === 'plic') return c;
  if (mode === 'aplic') return c.filter((_, i) => i % 2 === 0);
  const out: number[] = [];
  for (let i = 0; i + 2 < c.length; i += 3) out.push(c[i] === 0 ? c[i + 1] + 32 : c[i + 1] + 16);
  return out;
}

const PASSTHROUGH =
  /ns16550a|virtio,mmio|goldfish-rtc|sifive,test0|qemu,fw-cfg-mmio|cfi-flash|pci-host-ecam-generic|arm,pl011|arm,pl031|arm,pl061/;

/** Device nodes a guest could be given (enabled for the normal world). */
function dtDevices(nodes: DtNode[], mode: IrqCells) {
  const out: { node: string; pa: bigint; size: bigint; irqs: number[] }[] = [];
  for (const n of nodes) {
    const compat = n.props.get('compatible') ?? '';
    if (!PASSTHROUGH.test(compat) || n.props.get('status') === '"disabled"') continue;
    for (const r of regs(n)) out.push({ node: n.path, ...r, irqs: irqs(n, mode) });
  }
  return out;
}

/** PCIe windows from the host bridge's ranges (child 3 cells, parent 2, size 2). */
function pcieWindows(nodes: DtNode[]): { pa: bigint; size: bigint }[] {
  const host = nodes.find((n) =>
    (n.props.get('compatible') ?? '').includes('pci-host-ecam-generic'),
  )!;
  const c = cells(host.props.get('ranges'));
  const out: { pa: bigint; size: bigint }[] = [];
  for (let i = 0; i + 6 < c.length; i += 7)
    out.push({ pa: (c[i + 3] << 32n) | c[i + 4], size: (c[i + 5] << 32n) | c[i + 6] });
  return out;
}

function compare(plat: Platform, nodes: DtNode[], mode: IrqCells): void {
  const inv = plat.devices.filter((d) => d.size > 0n);
  const dt = dtDevices(nodes, mode);
  expect(dt.length).toBeGreaterThan(10);
  for (const d of dt) {
    const m = inv.find((x) => x.pa === d.pa);
    expect(m, `${d.node} at 0x${d.pa.toString(16)} is missing from the catalog`).toBeDefined();
    expect(m!.size, `${d.node} size`).toBe(d.size);
    // The ECAM node's own interrupts property is absent: INTx come from interrupt-map.
    if (m!.kind !== 'pcie') expect(m!.interrupts, `${d.node} interrupts`).toEqual(d.irqs);
  }
  for (const w of pcieWindows(nodes)) {
    const m = inv.find((x) => x.pa === w.pa && x.kind === 'pcie');
    expect(m, `PCIe window 0x${w.pa.toString(16)}`).toBeDefined();
    expect(m!.size).toBe(w.size);
  }
  // Both ways: every catalog device with a compatible string is in QEMU's tree.
  for (const x of inv.filter((y) => y.compatible && !/secure/.test(y.name)))
    expect(
      dt.some((d) => d.pa === x.pa),
      `${x.name} is not in QEMU's device tree`,
    ).toBe(true);
}

const haveDtc = have('dtc');

describe('qemu-riscv64-virt matches QEMU', () => {
  const ok = haveDtc && have('qemu-system-riscv64');
  it.skipIf(!ok)('devices, sizes and interrupts match -M virt (PLIC)', () => {
    const nodes = parseDts(dumpDts('qemu-system-riscv64', 'virt', ['-bios', 'none']));
    const plat = getPlatform('qemu-riscv64-virt')!;
    compare(plat, nodes, 'plic');
    const plic = nodes.find((n) => n.path.includes('plic@'))!;
    const choice =
      plat.irqc.type === 'riscv' ? plat.irqc.choices.find((c) => c.kind === 'PLIC')! : undefined;
    expect(regs(plic)[0]).toEqual({ pa: choice!.base, size: choice!.size });
    // QEMU builds the PLIC with num_sources = riscv,ndev; source 0 is reserved.
    expect(choice!.maxInterruptId).toBe(Number(cells(plic.props.get('riscv,ndev'))[0]) - 1);
    const mem = nodes.find((n) => n.path.startsWith('/memory@'))!;
    expect(regs(mem)[0].pa).toBe(0x80000000n);
    expect(plat.memory[0].base).toBe(0x80200000n); // Bao leaves OpenSBI's 2 MiB alone
  });
  it.skipIf(!ok)('APLIC and IMSIC addresses match -M virt,aia=aplic-imsic', () => {
    const plat = getPlatform('qemu-riscv64-virt')!;
    if (plat.irqc.type !== 'riscv') throw new Error('not RISC-V');
    const aia = plat.irqc.choices.find((c) => c.kind === 'AIA')!;
    const nodes = parseDts(
      dumpDts('qemu-system-riscv64', `virt,${aia.qemuMachineOption}`, ['-bios', 'none']),
    );
    const aplics = nodes.filter((n) => n.path.includes('aplic@'));
    // The S-level APLIC is the one without riscv,children (the M-level one delegates to it).
    const s = aplics.find((n) => !n.props.has('riscv,children'))!;
    expect(regs(s)[0]).toEqual({ pa: aia.base, size: aia.size });
    expect(nodes.some((n) => n.path.endsWith(`imsics@${aia.imsic!.base.toString(16)}`))).toBe(true);
    expect(Number(cells(s.props.get('riscv,num-sources'))[0]) - 1).toBe(aia.maxInterruptId);
    compare(plat, nodes, 'aplic');
  });
  it.skipIf(!ok)('the APLIC choice matches -M virt,aia=aplic', () => {
    const plat = getPlatform('qemu-riscv64-virt')!;
    if (plat.irqc.type !== 'riscv') throw new Error('not RISC-V');
    const aplic = plat.irqc.choices.find((c) => c.kind === 'APLIC')!;
    const nodes = parseDts(
      dumpDts('qemu-system-riscv64', `virt,${aplic.qemuMachineOption}`, ['-bios', 'none']),
    );
    const s = nodes
      .filter((n) => n.path.includes('aplic@'))
      .find((n) => !n.props.has('riscv,children'))!;
    expect(regs(s)[0]).toEqual({ pa: aplic.base, size: aplic.size });
    expect(nodes.some((n) => n.path.includes('imsics@'))).toBe(false); // wired APLIC, no MSIs
  });
  if (!ok)
    it.skip('qemu-system-riscv64 or dtc not installed: QEMU device-tree comparison skipped', () => {});
});

describe('qemu-riscv32-virt matches QEMU', () => {
  const ok = haveDtc && have('qemu-system-riscv32');
  it.skipIf(!ok)('devices, sizes and interrupts match -M virt', () => {
    const nodes = parseDts(dumpDts('qemu-system-riscv32', 'virt', ['-bios', 'none']));
    const plat = getPlatform('qemu-riscv32-virt')!;
    const inv = plat.devices.filter((d) => d.size > 0n);
    for (const d of dtDevices(nodes, 'plic')) {
      const m = inv.find((x) => x.pa === d.pa);
      expect(m, `${d.node}`).toBeDefined();
      expect(m!.size).toBe(d.size);
    }
  });
  if (!ok) it.skip('qemu-system-riscv32 or dtc not installed: skipped', () => {});
});

describe('qemu-aarch64-virt matches QEMU', () => {
  const qemu = process.env.QEMU_SYSTEM_AARCH64 ?? 'qemu-system-aarch64';
  const ok = haveDtc && have(qemu);
  it.skipIf(!ok)('devices, sizes and interrupts match -M virt as the Bao demos run it', () => {
    // The options the catalog says QEMU must run with (those of the Bao demos).
    const plat = getPlatform('qemu-aarch64-virt')!;
    const q = plat.qemu!;
    const nodes = parseDts(dumpDts(qemu, q.machine, ['-cpu', q.cpu!, '-smp', String(q.smp)]));
    compare(plat, nodes, 'gic');
    const gic = nodes.find((n) => (n.props.get('compatible') ?? '').includes('arm,gic-v3'))!;
    const [gicd, gicr] = regs(gic);
    if (plat.irqc.type !== 'GICv3') throw new Error('not GICv3');
    expect(gicd.pa).toBe(plat.irqc.gicd);
    expect(gicr.pa).toBe(plat.irqc.gicr);
    expect(plat.systemDevices.find((s) => s.pa === gicr.pa)?.size).toBe(gicr.size);
    const timer = nodes.find((n) => n.path === '/timer')!;
    expect(irqs(timer, 'gic')).toContain(27); // the virtual timer PPI the inventory offers
  });
  if (!ok)
    it.skip(`${qemu} or dtc not installed (Debian: qemu-system-arm; or set QEMU_SYSTEM_AARCH64): skipped`, () => {});
});
