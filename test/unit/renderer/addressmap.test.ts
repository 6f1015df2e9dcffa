import { describe, expect, it } from 'vitest';
import { newProjectFromExample } from '../../../assets/examples/index.js';
import { addressMaps } from '../../../renderer/src/addressmap/entries.js';
import { addRemioPair, setAt } from '../../../renderer/src/state/edits.js';
import { platformView } from '../../../renderer/src/domain/platform-view.js';

describe('address maps', () => {
  const example = newProjectFromExample('baremetal-linux-shmem');
  const platform = platformView('qemu-riscv64-virt', 'v1.0');

  it('lists each VM guest-physical map sorted, with no overlap in the workshop setup', () => {
    const maps = addressMaps(example, platform);
    expect(maps.guests.map((g) => g.name)).toEqual(['baremetal', 'linux']);
    const linux = maps.guests[1]!.entries;
    expect(linux.map((e) => e.kind)).toEqual(['device', 'memory', 'ipc']);
    expect(linux.map((e) => e.base)).toEqual([0x10001000n, 0x90000000n, 0xf0000000n]);
    expect(maps.guests.flatMap((g) => g.entries).every((e) => e.overlaps.length === 0)).toBe(true);
  });

  it('puts placed regions on the host map and the others aside', () => {
    const maps = addressMaps(example, platform);
    expect(maps.host.some((e) => e.kind === 'memory' && e.base === 0x90000000n)).toBe(true);
    expect(maps.floating.map((e) => e.name)).toEqual(['baremetal region 0']);
    expect(maps.host.find((e) => e.kind === 'platform-memory')?.base).toBe(0x80200000n);
  });

  it('marks both sides of a guest-physical overlap', () => {
    const broken = setAt(
      example,
      ['config', 'vmlist', 1, 'platform', 'ipcs', 0, 'base'],
      0x90100000n,
    );
    const linux = addressMaps(broken, platform).guests[1]!.entries;
    const region = linux.find((e) => e.kind === 'memory')!;
    const ipc = linux.find((e) => e.kind === 'ipc')!;
    expect(region.overlaps).toEqual([ipc.name]);
    expect(ipc.overlaps).toEqual([region.name]);
    expect(linux.find((e) => e.kind === 'device')!.overlaps).toEqual([]);
  });

  it('flags a device given to two VMs on the host map, not a VM against itself', () => {
    const shared = setAt(
      example,
      ['config', 'vmlist', 1, 'platform', 'devs', 0, 'pa'],
      0x10000000n,
    );
    const host = addressMaps(shared, platform).host.filter((e) => e.kind === 'device');
    expect(host.every((e) => e.overlaps.length === 1)).toBe(true);
  });
});

describe('address maps with Remote I/O', () => {
  it('shows both sides of a pair at the same shared window and the frontend MMIO window', () => {
    const v2 = { ...newProjectFromExample('baremetal-linux-shmem') };
    v2.target = { ...v2.target, bao: 'v2' };
    const p = addRemioPair(v2, 0, 1).project;
    const maps = addressMaps(p, platformView('qemu-riscv64-virt', 'v2'));
    const [fe, be] = [0, 1].map((i) => maps.guests[i]!.entries.filter((e) => e.kind === 'remio'));
    expect(fe).toHaveLength(2);
    expect(be).toHaveLength(1);
    const feShared = fe!.find((e) => /shared/.test(e.name))!;
    expect(feShared.base).toBe(be![0]!.base);
    expect(maps.guests.flatMap((g) => g.entries).every((e) => e.overlaps.length === 0)).toBe(true);
  });
});
