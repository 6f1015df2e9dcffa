// The DTB writer byte for byte against dtc: dtc re-serialising our blob (dtb -> dtb) lays it out
// as libfdt does (header, reservations, structure, strings in first-use order), so the two blobs
// must be identical for every tree shape the machine generates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFdt, virtDeviceTree, type VirtTreeOptions } from '../../../core/emu/fdt/index.js';
import { virtIsa } from '../../../core/emu/fdt/aia.js';
import { missing } from '../support/tools.js';

const skip = missing({ commands: ['dtc'] });
const dir = mkdtempSync(join(tmpdir(), 'bao-studio-fdt-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function viaDtc(blob: Uint8Array, name: string): Uint8Array {
  const inFile = join(dir, `${name}.dtb`);
  const outFile = join(dir, `${name}.dtc.dtb`);
  writeFileSync(inFile, blob);
  const r = spawnSync('dtc', ['-q', '-I', 'dtb', '-O', 'dtb', '-o', outFile, inFile], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`dtc failed on ${name}: ${r.stderr}`);
  return new Uint8Array(readFileSync(outFile));
}

const shapes: [string, VirtTreeOptions][] = [
  ['1 hart, 1 MiB', { harts: 1, ramSize: 1n << 20n }],
  ['4 harts, 256 MiB', { harts: 4, ramSize: 256n << 20n }],
  [
    '8 harts, 3 GiB, Sv39, 12 MHz',
    { harts: 8, ramSize: 3n << 30n, mmuType: 'riscv,sv39', timebaseHz: 12_000_000 },
  ],
  [
    'bootargs (UTF-8) and initrd',
    {
      harts: 2,
      ramSize: 512n << 20n,
      bootargs: 'console=ttyS0 héllo ☃',
      initrd: { start: 0x88000000n, end: 0x88123457n },
    },
  ],
  ['APLIC', { harts: 3, ramSize: 128n << 20n, aia: 'aplic', isa: virtIsa({ aia: 'aplic' }) }],
  [
    'APLIC + IMSIC, 5 guests, Zicbom/Zicboz',
    {
      harts: 4,
      ramSize: 2n << 30n,
      aia: 'aplic-imsic',
      aiaGuests: 5,
      cbomBlockSize: 64,
      cbozBlockSize: 64,
      isa: virtIsa({ aia: 'aplic-imsic', zicbom: true, zicboz: true }),
    },
  ],
];

describe.skipIf(skip)('DTB writer vs dtc', () => {
  for (const [name, o] of shapes)
    it(`writes the bytes dtc writes: ${name}`, () => {
      const blob = encodeFdt(virtDeviceTree(o));
      expect(Buffer.from(viaDtc(blob, name.replace(/\W+/g, '-')))).toEqual(Buffer.from(blob));
    });

  it('keeps the reservation map and boot cpu id as dtc does', () => {
    const blob = encodeFdt(virtDeviceTree({ harts: 4, ramSize: 1n << 30n }), {
      bootCpuId: 3,
      reservations: [
        { address: 0x80000000n, size: 0x40000n },
        { address: 0xfffff000_00000000n, size: 0x1000n },
      ],
    });
    expect(Buffer.from(viaDtc(blob, 'rsv'))).toEqual(Buffer.from(blob));
  });
});
