// The AIA device tree (APLIC/IMSIC nodes, two-cell device interrupts, Smaia/Ssaia and the other
// extensions in riscv,isa) against the one QEMU 7.2 builds for the same -M virt,aia=… options.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFdt, toDts, virtDeviceTree, type FdtNode } from '../../../core/emu/fdt/index.js';
import { virtIsa, imsicSStride } from '../../../core/emu/fdt/aia.js';
import { QEMU, missing } from '../support/tools.js';

// QEMU devices we do not emulate (core/emu/fdt/virt.ts says why), and its random seed.
const NOT_EMULATED = [
  '/soc/pci@30000000',
  '/flash@20000000',
  '/fw-cfg@10100000',
  '/platform-bus@4000000',
];

function prune(n: FdtNode, path = ''): FdtNode {
  return {
    name: n.name,
    props: n.props.filter((p) => !(path === '/chosen' && p.name === 'rng-seed')),
    children: n.children
      .filter((c) => !NOT_EMULATED.includes(`${path}/${c.name}`))
      .map((c) => prune(c, `${path}/${c.name}`)),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'aia-fdt-'));
function qemuTree(machine: string, cpu: string, smp: number): FdtNode {
  const out = join(dir, `${machine.replace(/[,=]/g, '_')}-${cpu.replace(/[,=]/g, '_')}-${smp}.dtb`);
  const r = spawnSync(
    QEMU,
    ['-M', `${machine},dumpdtb=${out}`, '-cpu', cpu, '-smp', String(smp), '-m', '1G', '-nographic'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`QEMU failed: ${r.stderr}`);
  return prune(decodeFdt(readFileSync(out), out).root);
}

const skip = missing({ commands: [QEMU] });
describe.skipIf(skip)(`AIA device tree vs QEMU 7.2${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const cases = [
    { aia: 'aplic', guests: 0, smp: 1, cpu: 'rv64' },
    { aia: 'aplic', guests: 0, smp: 4, cpu: 'rv64' },
    { aia: 'aplic-imsic', guests: 0, smp: 2, cpu: 'rv64' },
    { aia: 'aplic-imsic', guests: 1, smp: 4, cpu: 'rv64' },
    { aia: 'aplic-imsic', guests: 3, smp: 3, cpu: 'rv64,svpbmt=on,svinval=on' },
  ] as const;
  for (const c of cases) {
    const machine = `virt,aia=${c.aia}${c.guests ? `,aia-guests=${c.guests}` : ''}`;
    it(`-M ${machine} -cpu ${c.cpu} -smp ${c.smp}`, () => {
      const ext = c.cpu.includes('svpbmt') ? { svpbmt: true, svinval: true } : {};
      const ours = virtDeviceTree({
        harts: c.smp,
        ramSize: 1n << 30n,
        aia: c.aia,
        aiaGuests: c.guests,
        isa: virtIsa({ aia: c.aia, ...ext }),
      });
      expect(toDts(ours)).toBe(toDts(qemuTree(machine, c.cpu, c.smp)));
    });
  }
});

describe('AIA tree helpers', () => {
  it('spaces S-level IMSIC files by the guest files rounded up to a power of two', () => {
    expect([0, 1, 2, 3, 4, 7].map(imsicSStride)).toEqual([
      0x1000, 0x2000, 0x4000, 0x4000, 0x8000, 0x8000,
    ]);
  });
  it('puts Zicbom/Zicboz first among the Z extensions and drops h without the H extension', () => {
    expect(virtIsa({ h: false, zicbom: true, zicboz: true, aia: 'aplic-imsic' })).toBe(
      'rv64imafdc_zicbom_zicboz_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_smaia_ssaia_sstc',
    );
  });
  it('gives CPUs the cache-block sizes when asked', () => {
    const t = virtDeviceTree({
      harts: 1,
      ramSize: 1n << 30n,
      cbomBlockSize: 64,
      cbozBlockSize: 64,
    });
    const dts = toDts(t);
    expect(dts).toContain('riscv,cbom-block-size = <0x40>');
    expect(dts).toContain('riscv,cboz-block-size = <0x40>');
  });
});
