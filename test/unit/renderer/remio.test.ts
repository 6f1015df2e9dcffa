// Creating Bao v2 Remote I/O (VirtIO) frontend/backend pairs: free bind_key, one new shared
// memory mapped at the same guest address on both sides, a free MMIO window and interrupts; the
// result validates cleanly and generates remio_devs in config.c.
import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../../core/bao/model/index.js';
import { DesignerStore } from '../../../renderer/src/state/store.js';
import {
  addRemioPair,
  addVm,
  assignDevice,
  assignMemory,
  createIpcLink,
  deleteAt,
} from '../../../renderer/src/state/edits.js';
import { platformView } from '../../../renderer/src/domain/platform-view.js';

const virt = platformView('qemu-riscv64-virt', 'v2')!;
const overlaps = (a: bigint, as: bigint, b: bigint, bs: bigint) => a < b + bs && b < a + as;

function store() {
  const s = new DesignerStore(emptyProject('qemu-riscv64-virt', 'v2'));
  for (const vm of [0, 1]) {
    s.apply('VM', (p) => addVm(p, virt).project);
    s.apply('Mem', (p) => assignMemory(p, vm, virt));
  }
  s.apply('UART', (p) =>
    assignDevice(
      p,
      0,
      virt.devices.find((d) => /uart/i.test(d.name))!,
      virt.pageSize,
    ),
  );
  return s;
}

describe('Remote I/O pairs', () => {
  it('creates a frontend and a backend that Bao would accept', () => {
    const s = store();
    s.apply('IPC', (p) => createIpcLink(p, [0, 1]).project);
    const rulesBefore = s.getState().derived.diagnostics.map((d) => d.rule);
    let made!: ReturnType<typeof addRemioPair>;
    s.apply('Remio', (p) => (made = addRemioPair(p, 0, 1)).project);
    const { config } = s.getState().project;
    const [fe] = config.vmlist[0]!.platform.remio_devs;
    const [be] = config.vmlist[1]!.platform.remio_devs;
    expect(made.bindKey).toBe(0);
    expect(made.shmem).toBe(1); // after the IPC's shared memory
    expect(config.shmemlist[1]!.size).toBe(fe!.shmem.size);
    expect(fe!.type).toBe('REMIO_DEV_FRONTEND');
    expect(be!.type).toBe('REMIO_DEV_BACKEND');
    expect(fe!.shmem).toEqual(be!.shmem);
    expect(fe!.shmem.shmem_id).toBe(1);
    expect(fe!.va).toBeDefined();
    expect(fe!.size).toBeGreaterThan(0n);
    // Nothing the frontend maps collides with the VM's memory, devices, IPC or its own shared window.
    const vm0 = config.vmlist[0]!.platform;
    const taken = [
      ...vm0.regions.map((r) => [r.base, r.size] as const),
      ...vm0.devs.map((d) => [d.va, d.size] as const),
      ...vm0.ipcs.map((c) => [c.base, c.size] as const),
    ];
    for (const [b, sz] of taken) {
      expect(overlaps(fe!.va!, fe!.size!, b, sz)).toBe(false);
      expect(overlaps(fe!.shmem.base, fe!.shmem.size, b, sz)).toBe(false);
    }
    expect(overlaps(fe!.va!, fe!.size!, fe!.shmem.base, fe!.shmem.size)).toBe(false);
    // Interrupts: not the UART's nor the IPC's.
    const used = [
      ...vm0.devs.flatMap((d) => d.interrupts),
      ...vm0.ipcs.flatMap((c) => c.interrupts),
    ];
    expect(used).not.toContain(fe!.interrupt);
    // No new problem, and config.c carries both sides.
    expect(s.getState().derived.diagnostics.map((d) => d.rule)).toEqual(rulesBefore);
    const c = s.getState().derived.files[0]!.text!;
    expect(c).toMatch(/REMIO_DEV_FRONTEND/);
    expect(c).toMatch(/REMIO_DEV_BACKEND/);
  });

  it('gives the next pair the next free bind_key and its own shared memory', () => {
    const s = store();
    s.apply('R', (p) => addRemioPair(p, 0, 1).project);
    s.apply('R', (p) => addRemioPair(p, 1, 0).project);
    const { config } = s.getState().project;
    const keys = config.vmlist.flatMap((v) => v.platform.remio_devs.map((r) => r.bind_key));
    expect(keys.sort()).toEqual([0, 0, 1, 1]);
    expect(config.shmemlist).toHaveLength(2);
    const fe1 = config.vmlist[1]!.platform.remio_devs.find((r) => r.bind_key === 1)!;
    const be0 = config.vmlist[1]!.platform.remio_devs.find((r) => r.bind_key === 0)!;
    expect(fe1.type).toBe('REMIO_DEV_FRONTEND');
    expect(overlaps(fe1.shmem.base, fe1.shmem.size, be0.shmem.base, be0.shmem.size)).toBe(false);
    expect(fe1.interrupt).not.toBe(be0.interrupt);
    expect(s.getState().derived.diagnostics.filter((d) => d.rule.startsWith('remio/'))).toEqual([]);
    // Deleting a shared memory removes the Remote I/O devices on it and renumbers the others.
    s.apply('Del', (p) => deleteAt(p, ['config', 'shmemlist', 0]));
    const after = s.getState().project.config.vmlist.flatMap((v) => v.platform.remio_devs);
    expect(after.map((r) => [r.bind_key, r.shmem.shmem_id])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('is reported when the target is Bao v1.0', () => {
    const s = store();
    s.apply('R', (p) => addRemioPair(p, 0, 1).project);
    s.apply('v1', (p) => ({ ...p, target: { ...p.target, bao: 'v1.0' } }));
    expect(s.getState().derived.diagnostics.map((d) => d.rule)).toContain('version/v2-only-field');
  });
});
