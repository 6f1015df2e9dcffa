import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../../core/bao/model/index.js';
import { dropEdit } from '../../../renderer/src/canvas/drag.js';
import { platformView } from '../../../renderer/src/domain/platform-view.js';

// What dropping each palette / platform item does, against the real qemu-riscv64-virt catalog.
describe('drop onto the canvas or a VM', () => {
  const platform = platformView('qemu-riscv64-virt', 'v1.0');
  const run = (p: ReturnType<typeof emptyProject>, op: ReturnType<typeof dropEdit>) => {
    expect(op).toBeDefined();
    return op!.edit(p);
  };

  it('creates a VM where a VM is dropped, with the platform PLIC as its virtual controller', () => {
    const p = run(
      emptyProject('qemu-riscv64-virt', 'v1.0'),
      dropEdit({ type: 'vm' }, { position: { x: 500, y: 40 } }, platform),
    );
    expect(p.config.vmlist).toHaveLength(1);
    expect(p.layout['vm:0']).toEqual({ x: 500, y: 40 });
    expect(p.config.vmlist[0]!.platform.arch.irqc).toEqual({ plic: { base: 0xc000000n } });
  });

  it('needs a VM for every resource', () => {
    for (const payload of [
      { type: 'vcpu' },
      { type: 'memory', region: 0 },
      { type: 'device', index: 0 },
      { type: 'ipc' },
    ] as const)
      expect(dropEdit(payload, {}, platform)).toBeUndefined();
    expect(dropEdit({ type: 'device', index: 999 }, { vm: 0 }, platform)).toBeUndefined();
  });

  it('assigns the UART from the catalog, page-rounded, and memory at the start of RAM', () => {
    let p = run(emptyProject('qemu-riscv64-virt', 'v1.0'), dropEdit({ type: 'vm' }, {}, platform));
    const uart = platform!.devices.findIndex((d) => d.name.startsWith('UART'));
    p = run(p, dropEdit({ type: 'device', index: uart }, { vm: 0 }, platform));
    p = run(p, dropEdit({ type: 'memory', region: 0 }, { vm: 0 }, platform));
    p = run(p, dropEdit({ type: 'cpu', cpu: 1 }, { vm: 0 }, platform));
    const vm = p.config.vmlist[0]!;
    expect(vm.platform.devs[0]).toMatchObject({
      pa: 0x10000000n,
      va: 0x10000000n,
      size: 0x1000n,
      interrupts: [10],
    });
    expect(vm.platform.regions[0]).toEqual({ base: 0x80200000n, size: 0x4000000n });
    expect(vm.cpu_affinity).toBe(0b10n);
    expect(vm.platform.cpu_num).toBe(1);
  });

  it('adds a shared memory with an IPC, then maps it into a second VM', () => {
    let p = emptyProject('qemu-riscv64-virt', 'v1.0');
    p = run(p, dropEdit({ type: 'vm' }, {}, platform));
    p = run(p, dropEdit({ type: 'vm' }, {}, platform));
    p = run(p, dropEdit({ type: 'ipc' }, { vm: 0, position: { x: 10, y: 20 } }, platform));
    expect(p.config.shmemlist).toHaveLength(1);
    expect(p.layout['shmem:0']).toEqual({ x: 10, y: 20 });
    p = run(p, dropEdit({ type: 'shmem', shmem: 0 }, { vm: 1 }, platform));
    const [a, b] = p.config.vmlist.map((v) => v.platform.ipcs[0]!);
    expect(b).toEqual(a);
    expect(a!.shmem_id).toBe(0);
  });
});
