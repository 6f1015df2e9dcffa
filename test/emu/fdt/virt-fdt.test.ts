// Our `virt` device tree against the one QEMU 7.2 itself builds (dumpdtb): same nodes, same
// properties, same phandles, for the devices we emulate.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeFdt,
  encodeFdt,
  toDts,
  virtDeviceTree,
  type FdtNode,
} from '../../../core/emu/fdt/index.js';
import { QEMU, missing } from '../support/tools.js';

// Nodes and properties QEMU has that we leave out on purpose (see core/emu/fdt/virt.ts).
const NOT_EMULATED = [
  '/pci@30000000',
  '/soc/pci@30000000',
  '/flash@20000000',
  '/fw-cfg@10100000',
  '/platform-bus@4000000',
];
const RANDOM_PROPS = ['/chosen:rng-seed'];

function prune(n: FdtNode, path = ''): FdtNode {
  return {
    name: n.name,
    props: n.props.filter((p) => !RANDOM_PROPS.includes(`${path || '/'}:${p.name}`)),
    children: n.children
      .filter((c) => !NOT_EMULATED.includes(`${path}/${c.name}`))
      .map((c) => prune(c, `${path}/${c.name}`)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'fdt-'));
function qemuTree(extra: string[], smp: number, mem: string): FdtNode {
  const out = join(dir, `q-${smp}-${mem}-${extra.length}.dtb`);
  const r = spawnSync(
    QEMU,
    ['-M', `virt,dumpdtb=${out}`, '-smp', String(smp), '-m', mem, '-nographic', ...extra],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`QEMU failed: ${r.stderr}`);
  return prune(decodeFdt(readFileSync(out), out).root);
}

const skip = missing({ commands: [QEMU] });
describe.skipIf(skip)('virt device tree vs QEMU 7.2', () => {
  for (const [smp, mem, size] of [
    [1, '128M', 128n << 20n],
    [4, '2G', 2n << 30n],
    [8, '1G', 1n << 30n],
  ] as const) {
    it(`matches QEMU's tree with -smp ${smp} -m ${mem}`, () => {
      const ours = virtDeviceTree({ harts: smp, ramSize: size });
      expect(toDts(ours)).toBe(toDts(qemuTree([], smp, mem)));
    });
  }

  // bootargs and initrd in /chosen are compared with QEMU in test/emu/loaders (they need -kernel).

  it('encodes a blob that dtc reads back to the same tree', () => {
    const blob = encodeFdt(virtDeviceTree({ harts: 4, ramSize: 1n << 30n }));
    const file = join(dir, 'ours.dtb');
    writeFileSync(file, blob);
    const r = spawnSync('dtc', ['-I', 'dtb', '-O', 'dtb', '-o', join(dir, 'round.dtb'), file], {
      encoding: 'utf8',
    });
    if (r.error) return; // dtc absent: the QEMU comparisons above still decode our own format
    expect(r.status, r.stderr).toBe(0);
    expect(toDts(decodeFdt(readFileSync(join(dir, 'round.dtb'))).root)).toBe(
      toDts(decodeFdt(blob).root),
    );
  });
});

describe('FDT reader errors', () => {
  it('names the file on a bad blob', () => {
    expect(() => decodeFdt(new Uint8Array(64), 'my.dtb')).toThrow(
      /my\.dtb: not a flattened device tree/,
    );
    const blob = encodeFdt(virtDeviceTree({ harts: 1, ramSize: 1n << 27n }));
    expect(() => decodeFdt(blob.subarray(0, 100), 'cut.dtb')).toThrow(/cut\.dtb: truncated/);
  });
});
