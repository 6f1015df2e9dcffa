import { describe, expect, it } from 'vitest';
import { emptyProject, parseProject, serializeProject } from '../../../core/bao/model/index.js';
import { DesignerStore } from '../../../renderer/src/state/store.js';
import {
  addVcpu,
  addVm,
  assignDevice,
  assignMemory,
  cpuOwners,
  createIpcLink,
  deleteAt,
  setAt,
} from '../../../renderer/src/state/edits.js';
import { elementOf } from '../../../renderer/src/state/selection.js';
import type { PlatformView } from '../../../renderer/src/domain/platform-view.js';

const virt: PlatformView = {
  name: 'qemu-riscv64-virt',
  arch: 'riscv64',
  cpus: 4,
  regions: [{ base: 0x80200000n, size: 0xffe00000n }],
  devices: [
    { name: 'UART0', pa: 0x10000000n, size: 0x1000n, interrupts: [10] },
    { name: 'virtio', pa: 0x10001000n, size: 0x8000n, interrupts: [1, 2, 3, 4, 5, 6, 7, 8] },
  ],
  irqc: { type: 'PLIC', plic: 0xc000000n },
  versions: ['v1.0', 'v2'],
  pageSize: 0x1000n,
};

function twoVmStore() {
  const store = new DesignerStore(emptyProject('qemu-riscv64-virt', 'v1.0'));
  store.apply('Add VM', (p) => addVm(p, virt).project);
  store.apply('Add VM', (p) => addVm(p, virt).project);
  return store;
}

describe('designer store', () => {
  it('records every edit and undoes/redoes it exactly', () => {
    const store = twoVmStore();
    const empty = store.getState().past[0]!;
    store.apply('CPU', (p) => addVcpu(p, 0));
    store.apply('Memory', (p) => assignMemory(p, 0, virt));
    const s1 = store.getState().project;
    expect(s1.config.vmlist[0]!.platform.cpu_num).toBe(1);
    expect(s1.config.vmlist[0]!.platform.regions).toEqual([
      { base: 0x80200000n, size: 0x4000000n },
    ]);
    expect(store.getState().past).toHaveLength(4);

    expect(store.undo()).toBe(true);
    expect(store.getState().project.config.vmlist[0]!.platform.regions).toHaveLength(0);
    expect(store.undo()).toBe(true);
    expect(store.getState().project.config.vmlist[0]!.platform.cpu_num).toBe(0);
    expect(store.redo()).toBe(true);
    expect(store.redo()).toBe(true);
    expect(store.getState().project).toBe(s1);
    expect(store.redo()).toBe(false);

    while (store.undo());
    expect(store.getState().project).toBe(empty);
    expect(store.getState().dirty).toBe(false);
  });

  it('never mutates a project kept in history', () => {
    const store = twoVmStore();
    const before = serializeProject(store.getState().project);
    const kept = store.getState().project;
    store.apply('Device', (p) => assignDevice(p, 1, virt.devices[0]!));
    store.apply('Edit', (p) =>
      setAt(p, ['config', 'vmlist', 1, 'platform', 'devs', 0, 'va'], 0xff000000n),
    );
    expect(serializeProject(kept)).toBe(before);
  });

  it('tracks the dirty flag against the saved project, through undo', () => {
    const store = twoVmStore();
    store.markSaved('/tmp/p.json');
    expect(store.getState().dirty).toBe(false);
    store.apply('CPU', (p) => addVcpu(p, 1));
    expect(store.getState().dirty).toBe(true);
    store.undo();
    expect(store.getState().dirty).toBe(false);
    store.redo();
    expect(store.getState().dirty).toBe(true);
  });

  it('starts a new redo branch after an edit', () => {
    const store = twoVmStore();
    store.apply('CPU', (p) => addVcpu(p, 0));
    store.undo();
    expect(store.getState().future).toHaveLength(1);
    store.apply('CPU', (p) => addVcpu(p, 1));
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().project.config.vmlist[1]!.platform.cpu_num).toBe(1);
  });

  it('does not record a no-op edit', () => {
    const store = twoVmStore();
    store.apply('Dev', (p) => assignDevice(p, 0, virt.devices[0]!));
    const n = store.getState().past.length;
    expect(store.apply('Dev again', (p) => assignDevice(p, 0, virt.devices[0]!))).toBe(false);
    expect(store.getState().past).toHaveLength(n);
  });

  it('selects the element and the field a diagnostic path names', () => {
    const store = twoVmStore();
    store.apply('Dev', (p) => assignDevice(p, 1, virt.devices[0]!));
    store.reveal(['vmlist', 1, 'platform', 'devs', 0, 'pa']);
    const sel = store.getState().selection!;
    expect(sel.path).toEqual(['config', 'vmlist', 1, 'platform', 'devs', 0]);
    expect(sel.field).toEqual(['config', 'vmlist', 1, 'platform', 'devs', 0, 'pa']);
    // Deleting the selected element clears the selection.
    store.apply('Delete', (p) => deleteAt(p, sel.path));
    expect(store.getState().selection).toBeNull();
  });
});

describe('drag-assign logic', () => {
  it('gives a new VM the platform interrupt controller and boots it from its first region', () => {
    const { project } = addVm(emptyProject('qemu-riscv64-virt', 'v1.0'), virt);
    const vm = project.config.vmlist[0]!;
    expect(vm.platform.arch.irqc).toEqual({ plic: { base: 0xc000000n } });
    const p2 = assignMemory(project, 0, virt);
    expect(p2.config.vmlist[0]!.image.base_addr).toBe(0x80200000n);
    expect(p2.config.vmlist[0]!.entry).toBe(0x80200000n);
  });

  it('places memory for a second VM after the first one, without overlap', () => {
    let p = twoVmStore().getState().project;
    p = assignMemory(p, 0, virt);
    p = assignMemory(p, 1, virt, 0, 0x8000000n);
    const [a, b] = [
      p.config.vmlist[0]!.platform.regions[0]!,
      p.config.vmlist[1]!.platform.regions[0]!,
    ];
    expect(b.base).toBeGreaterThanOrEqual(a.base + a.size);
    expect(b.size).toBe(0x8000000n);
  });

  it('pins a CPU dragged from the platform and counts palette vCPUs as unpinned', () => {
    let p = twoVmStore().getState().project;
    p = addVcpu(p, 0, 2);
    expect(p.config.vmlist[0]!.cpu_affinity).toBe(0b100n);
    expect(addVcpu(p, 0, 2)).toBe(p); // the same CPU twice is a no-op
    p = addVcpu(p, 1);
    p = addVcpu(p, 1);
    expect(p.config.vmlist[1]!.cpu_affinity).toBeUndefined();
    expect(cpuOwners(p, 4)).toEqual([1, 1, 0, undefined]);
    p = deleteAt(p, ['config', 'vmlist', 0, 'platform', 'cpu_num', 2]);
    expect(p.config.vmlist[0]!.platform.cpu_num).toBe(0);
    expect(p.config.vmlist[0]!.cpu_affinity).toBeUndefined();
  });

  it('passes a device through identity-mapped with its interrupts and name', () => {
    const p = assignDevice(twoVmStore().getState().project, 0, virt.devices[1]!);
    expect(p.config.vmlist[0]!.platform.devs[0]).toEqual({
      pa: 0x10001000n,
      va: 0x10001000n,
      size: 0x8000n,
      interrupts: [1, 2, 3, 4, 5, 6, 7, 8],
      meta: { name: 'virtio' },
    });
  });

  it('rounds a device window smaller than a page up to the page size', () => {
    const small = { name: 'UART0', pa: 0x10000000n, size: 0x100n, interrupts: [10] };
    const p = assignDevice(twoVmStore().getState().project, 0, small, virt.pageSize);
    expect(p.config.vmlist[0]!.platform.devs[0]!.size).toBe(0x1000n);
    expect(assignDevice(p, 1, small).config.vmlist[1]!.platform.devs[0]!.size).toBe(0x100n);
  });

  it('links two VMs with a shared memory and one IPC each, avoiding used interrupts', () => {
    let p = twoVmStore().getState().project;
    p = setAt(
      p,
      ['config', 'vmlist', 1, 'platform', 'devs'],
      [{ pa: 0x1000n, va: 0x1000n, size: 0x1000n, interrupts: [52] }],
    );
    const r = createIpcLink(p, [0, 1]);
    expect(r.shmem).toBe(0);
    expect(r.project.config.shmemlist).toHaveLength(1);
    const [i0, i1] = [
      r.project.config.vmlist[0]!.platform.ipcs[0]!,
      r.project.config.vmlist[1]!.platform.ipcs[0]!,
    ];
    expect(i0).toEqual(i1);
    expect(i0.shmem_id).toBe(0);
    expect(i0.size).toBe(r.project.config.shmemlist[0]!.size);
    expect(i0.interrupts).toEqual([53]);
  });

  it('deletes a shared memory with its IPCs and renumbers later ids and layout keys', () => {
    let p = twoVmStore().getState().project;
    p = createIpcLink(p, [0, 1], 0x1000n, { x: 1, y: 1 }).project;
    p = createIpcLink(p, [0, 1], 0x2000n, { x: 2, y: 2 }).project;
    p = deleteAt(p, ['config', 'shmemlist', 0]);
    expect(p.config.shmemlist).toHaveLength(1);
    expect(p.config.vmlist[0]!.platform.ipcs.map((i) => i.shmem_id)).toEqual([0]);
    expect(p.config.vmlist[0]!.platform.ipcs[0]!.size).toBe(0x2000n);
    expect(p.layout).toEqual({ 'shmem:0': { x: 2, y: 2 } });
  });

  it('deletes a VM and shifts the layout of later VMs', () => {
    let p = emptyProject('qemu-riscv64-virt', 'v1.0');
    for (let i = 0; i < 3; i++) p = addVm(p, virt, { x: i * 100, y: 0 }).project;
    p = deleteAt(p, ['config', 'vmlist', 1]);
    expect(p.config.vmlist).toHaveLength(2);
    expect(p.layout).toEqual({ 'vm:0': { x: 0, y: 0 }, 'vm:1': { x: 200, y: 0 } });
  });

  it('round-trips an edited project through the project file format', () => {
    let p = twoVmStore().getState().project;
    p = assignMemory(addVcpu(p, 0, 1), 0, virt);
    p = createIpcLink(assignDevice(p, 1, virt.devices[0]!), [0, 1]).project;
    expect(parseProject(serializeProject(p))).toEqual(p);
  });

  it('resolves element paths for selection', () => {
    const p = assignDevice(twoVmStore().getState().project, 1, virt.devices[0]!);
    expect(
      elementOf(p, ['config', 'vmlist', 1, 'platform', 'devs', 0, 'interrupts', 0])?.kind,
    ).toBe('dev');
    expect(elementOf(p, ['config', 'vmlist', 1, 'platform', 'devs', 3])?.kind).toBe('vm');
    expect(elementOf(p, ['config', 'vmlist', 7])).toBeUndefined();
    expect(elementOf(p, ['vmlist', 0, 'cpu_affinity'])?.path).toEqual(['config', 'vmlist', 0]);
  });
});
