// QEMU's placement of -bios/-kernel/-initrd/-dtb and its boot ROM, against QEMU itself: the
// bytes it has in memory before the first instruction must be the bytes our plan writes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  planBoot,
  ImageError,
  type BootFile,
  type BootOptions,
} from '../../../core/emu/loaders/index.js';
import {
  decodeFdt,
  encodeFdt,
  findNode,
  toDts,
  virtDeviceTree,
  type FdtNode,
  type FdtProperty,
} from '../../../core/emu/fdt/index.js';
import { FW_DYNAMIC, FW_JUMP, QEMU, missing } from '../support/tools.js';
import { qemuDtb, qemuMemory } from '../support/qemu.js';

const dir = mkdtempSync(join(tmpdir(), 'boot-plan-'));
function file(name: string, bytes: Uint8Array): BootFile & { path: string } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { name: path, bytes, path };
}
const load = (path: string): BootFile & { path: string } => ({
  name: path,
  bytes: readFileSync(path),
  path,
});
// Distinct, recognisable contents.
const pattern = (n: number, seed: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) & 0xff);

/** A minimal RV64 ELF with the given PT_LOAD segments (for loader tests). */
function makeElf(
  segs: { paddr: bigint; vaddr?: bigint; data: Uint8Array; memsz?: bigint }[],
  entry: bigint,
  machine = 243,
): Uint8Array {
  const phoff = 64;
  let off = phoff + segs.length * 56;
  const total = off + segs.reduce((s, x) => s + x.data.length, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  dv.setUint16(16, 2, true);
  dv.setUint16(18, machine, true);
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, entry, true);
  dv.setBigUint64(32, BigInt(phoff), true);
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, segs.length, true);
  segs.forEach((s, i) => {
    const p = phoff + i * 56;
    dv.setUint32(p, 1, true);
    dv.setUint32(p + 4, 5, true);
    dv.setBigUint64(p + 8, BigInt(off), true);
    dv.setBigUint64(p + 16, s.vaddr ?? s.paddr, true);
    dv.setBigUint64(p + 24, s.paddr, true);
    dv.setBigUint64(p + 32, BigInt(s.data.length), true);
    dv.setBigUint64(p + 40, s.memsz ?? BigInt(s.data.length), true);
    out.set(s.data, off);
    off += s.data.length;
  });
  return out;
}

const skip = missing({ commands: [QEMU], files: [FW_JUMP, FW_DYNAMIC] });
describe.skipIf(skip)('boot placement matches QEMU 7.2', () => {
  const raw = file('kernel.bin', pattern(5000, 3));
  const initrd = file('initrd.img', pattern(3000, 11));
  const elfKernel = file(
    'kernel.elf',
    makeElf(
      [{ paddr: 0x80400000n, vaddr: 0xffffffc000000000n, data: pattern(4096, 5) }],
      0xffffffc000000010n,
    ),
  );
  const blob = file('blob.bin', pattern(777, 42));
  const elfLoad = file(
    'extra.elf',
    makeElf([{ paddr: 0x91000000n, data: pattern(300, 9), memsz: 0x2000n }], 0x91000000n),
  );
  const userDtb = file('user.dtb', encodeFdt(virtDeviceTree({ harts: 1, ramSize: 512n << 20n })));
  const cases: { title: string; qemu: string[]; opts: BootOptions }[] = [
    {
      title: '-bios none -kernel raw, 128M',
      qemu: ['-m', '128M', '-bios', 'none', '-kernel', raw.path],
      opts: { harts: 1, ramSize: 128n << 20n, kernel: raw },
    },
    {
      title: 'fw_dynamic + raw kernel + initrd, 1G, 2 harts',
      qemu: [
        '-m',
        '1G',
        '-smp',
        '2',
        '-bios',
        FW_DYNAMIC,
        '-kernel',
        raw.path,
        '-initrd',
        initrd.path,
        '-append',
        'console=hvc0',
      ],
      opts: {
        harts: 2,
        ramSize: 1n << 30n,
        bios: load(FW_DYNAMIC),
        kernel: raw,
        initrd,
        bootargs: 'console=hvc0',
      },
    },
    {
      title: 'fw_jump + ELF kernel linked high, 4G, 4 harts',
      qemu: ['-m', '4G', '-smp', '4', '-bios', FW_JUMP, '-kernel', elfKernel.path],
      opts: { harts: 4, ramSize: 4n << 30n, bios: load(FW_JUMP), kernel: elfKernel },
    },
    {
      title: '-device loader (raw at an address, ELF at its own) and a user -dtb with -append',
      qemu: [
        '-m',
        '512M',
        '-bios',
        FW_JUMP,
        '-kernel',
        raw.path,
        '-dtb',
        userDtb.path,
        '-append',
        'root=/dev/vda',
        '-device',
        `loader,file=${blob.path},addr=0x90000000`,
        '-device',
        `loader,file=${elfLoad.path}`,
      ],
      opts: {
        harts: 1,
        ramSize: 512n << 20n,
        bios: load(FW_JUMP),
        kernel: raw,
        dtb: userDtb,
        bootargs: 'root=/dev/vda',
        loaders: [
          { file: blob, addr: 0x90000000n },
          { file: elfLoad, addr: 0n },
        ],
      },
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const plan = planBoot(c.opts);
      const ranges = plan.regions
        .filter((r) => r.addr !== plan.fdtAddr)
        .map((r) => ({ addr: r.addr, size: r.data.length }));
      const mem = qemuMemory(c.qemu, [{ addr: 0x1000n, size: 0x100 }, ...ranges]);
      // The whole ROM page QEMU writes, not just our bytes: nothing missing after ours either.
      const rom = new Uint8Array(0x100);
      rom.set(plan.regions.find((r) => r.source === 'boot ROM')!.data);
      expect(Buffer.from(rom).toString('hex')).toBe(mem[0].toString('hex'));
      ranges.forEach((r, i) =>
        expect(
          Buffer.from(plan.regions.filter((x) => x.addr !== plan.fdtAddr)[i].data).equals(
            mem[i + 1],
          ),
          `region at 0x${r.addr.toString(16)}`,
        ).toBe(true),
      );
      // QEMU's device tree (with its /chosen initrd and bootargs) against ours. QEMU's rng-seed
      // is random, ours fixed: same place and size (a generated tree only), value aside.
      const q = decodeFdt(qemuDtb('', c.qemu)).root;
      const qc = findNode(q, '/chosen')!;
      const ours = findNode(decodeFdt(plan.fdt).root, '/chosen')!;
      const seed = (n: FdtNode): FdtProperty | undefined =>
        n.props.find((p) => p.name === 'rng-seed');
      expect(seed(ours)?.value.length).toBe(seed(qc)?.value.length);
      for (const n of [ours, qc])
        for (const p of n.props) if (p.name === 'rng-seed') p.value.fill(0);
      expect(toDts(ours)).toBe(toDts(qc));
    });
  }
});

describe('/chosen/rng-seed (Linux has entropy at boot, as under QEMU)', () => {
  const chosenOf = (o: Partial<BootOptions>): FdtNode =>
    findNode(
      decodeFdt(planBoot({ harts: 1, ramSize: 128n << 20n, bootargs: 'x', ...o }).fdt).root,
      '/chosen',
    )!;
  const seedOf = (n: FdtNode): string | undefined => {
    const p = n.props.find((q) => q.name === 'rng-seed');
    return p && Buffer.from(p.value).toString('hex');
  };
  it('a fixed 32-byte seed by default, the same in every plan, before bootargs', () => {
    const a = chosenOf({});
    expect(seedOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(seedOf(a)).not.toMatch(/^(00)+$/);
    expect(seedOf(chosenOf({}))).toBe(seedOf(a));
    expect(a.props.map((p) => p.name)).toEqual(['rng-seed', 'bootargs', 'stdout-path']);
  });
  it('a given seed, or none when empty', () => {
    expect(seedOf(chosenOf({ rngSeed: new Uint8Array(16).fill(7) }))).toBe('07'.repeat(16));
    expect(seedOf(chosenOf({ rngSeed: new Uint8Array(0) }))).toBeUndefined();
  });
});

describe('bad images give a clear error naming the file', () => {
  const ram = 128n << 20n;
  it('truncated ELF', () => {
    const good = makeElf([{ paddr: 0x80000000n, data: pattern(256, 1) }], 0x80000000n);
    const k = file('cut.elf', good.subarray(0, 200));
    expect(() => planBoot({ harts: 1, ramSize: ram, kernel: k })).toThrow(ImageError);
    expect(() => planBoot({ harts: 1, ramSize: ram, kernel: k })).toThrow(
      /cut\.elf: truncated ELF/,
    );
  });
  it('wrong machine', () => {
    const k = file(
      'x86.elf',
      makeElf([{ paddr: 0x80000000n, data: pattern(16, 1) }], 0x80000000n, 62),
    );
    expect(() => planBoot({ harts: 1, ramSize: ram, kernel: k })).toThrow(
      /x86\.elf: wrong machine: e_machine 62/,
    );
  });
  it('overlapping segments', () => {
    const k = file(
      'ovl.elf',
      makeElf(
        [
          { paddr: 0x80000000n, data: pattern(64, 1) },
          { paddr: 0x80000020n, data: pattern(64, 2) },
        ],
        0x80000000n,
      ),
    );
    expect(() => planBoot({ harts: 1, ramSize: ram, kernel: k })).toThrow(
      /ovl\.elf: overlapping segments/,
    );
  });
  it('too big for RAM', () => {
    const k = file(
      'big.elf',
      makeElf([{ paddr: 0x80000000n, data: pattern(64, 1), memsz: 256n << 20n }], 0x80000000n),
    );
    expect(() => planBoot({ harts: 1, ramSize: ram, kernel: k })).toThrow(
      /big\.elf: .* too big for RAM/,
    );
  });
  it('kernel overlapping the firmware', () => {
    const bios = file(
      'fw.elf',
      makeElf([{ paddr: 0x80000000n, data: pattern(64, 1), memsz: 0x300000n }], 0x80000000n),
    );
    const k = file('k.elf', makeElf([{ paddr: 0x80200000n, data: pattern(64, 1) }], 0x80200000n));
    expect(() => planBoot({ harts: 1, ramSize: ram, bios, kernel: k })).toThrow(
      /overlaps .*fw\.elf/,
    );
  });
  it('a broken user DTB', () => {
    const dtb = file('broken.dtb', pattern(100, 0));
    expect(() => planBoot({ harts: 1, ramSize: ram, dtb })).toThrow(
      /broken\.dtb: not a flattened device tree/,
    );
  });
});
