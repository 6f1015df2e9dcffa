// The workshop examples: the committed .baoproj files are the definitions (written with
// serializeProject), each setup says what issue 2 §8 and the workshop configs say, and none has
// a validation error.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  newBlankProject,
  newProjectFromExample,
  UnknownExampleError,
} from '../../../assets/examples/index.js';
import { parseProject, serializeProject, type Project } from '../../../core/bao/model/index.js';
import { checkProject } from '../../../core/bao/validation/index.js';

const DIR = join(import.meta.dirname, '../../../assets/examples');
const MiB = 1n << 20n;

describe('example files', () => {
  it('has one .baoproj per example and nothing else', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.baoproj'))
      .sort();
    expect(files).toEqual(EXAMPLES.map((e) => `${e.name}.baoproj`).sort());
  });

  it.each(EXAMPLES.map((e) => e.name))('%s.baoproj is the definition, serialized', (name) => {
    const text = readFileSync(join(DIR, `${name}.baoproj`), 'utf8');
    expect(text).toBe(serializeProject(newProjectFromExample(name)));
    expect(parseProject(text, name)).toEqual(newProjectFromExample(name));
  });

  it.each(EXAMPLES.map((e) => e.name))('%s has no validation errors', (name) => {
    const errors = checkProject(newProjectFromExample(name)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('each has a title and a description', () => {
    for (const e of EXAMPLES) {
      expect(e.title).toMatch(/^[IV]+\. /);
      expect(e.description.length).toBeGreaterThan(40);
    }
  });
});

const vm = (p: Project, i: number) => p.config.vmlist[i];

describe('the workshop setups', () => {
  it('all target Bao v1.0 on qemu-riscv64-virt with the PLIC at 0xc000000', () => {
    for (const { name } of EXAMPLES) {
      const p = newProjectFromExample(name);
      expect(p.target).toEqual({ bao: 'v1.0', platform: 'qemu-riscv64-virt', irqc: 'PLIC' });
      for (const v of p.config.vmlist) expect(v.platform.arch.irqc?.plic?.base).toBe(0xc000000n);
    }
  });

  it('I: one bare-metal VM, 1 vCPU, 64 MiB at 0x80200000, UART 0x10000000 irq 10', () => {
    const p = newProjectFromExample('baremetal');
    expect(p.config.vmlist).toHaveLength(1);
    const v = vm(p, 0);
    expect(v.meta?.guest).toBe('baremetal');
    expect(v.platform.cpu_num).toBe(1);
    expect(v.platform.regions).toEqual([{ base: 0x80200000n, size: 64n * MiB }]);
    expect(v.image.base_addr).toBe(0x80200000n);
    expect(v.entry).toBe(0x80200000n);
    expect(v.platform.devs).toHaveLength(1);
    expect(v.platform.devs[0]).toMatchObject({
      pa: 0x10000000n,
      va: 0x10000000n,
      interrupts: [10],
    });
  });

  it('II: the same with 4 vCPUs and 128 MiB', () => {
    const v = vm(newProjectFromExample('baremetal-4vcpu'), 0);
    expect(v.platform.cpu_num).toBe(4);
    expect(v.platform.regions[0].size).toBe(128n * MiB);
  });

  it('III: bare-metal (3 vCPUs) + FreeRTOS (1 vCPU, 128 MiB at 0x0, UART at va 0xff000000)', () => {
    const p = newProjectFromExample('baremetal-freertos');
    expect(vm(p, 0).platform.cpu_num).toBe(3);
    const rtos = vm(p, 1);
    expect(rtos.meta?.guest).toBe('freertos');
    expect(rtos.platform.cpu_num).toBe(1);
    expect(rtos.platform.regions).toEqual([{ base: 0n, size: 128n * MiB }]);
    expect(rtos.entry).toBe(0n);
    expect(rtos.platform.devs[0]).toMatchObject({ pa: 0x10000000n, va: 0xff000000n });
  });

  it('IV: bare-metal (1 vCPU) + Linux (3 vCPUs, 1 GiB at 0x90000000 placed physically, virtio irqs 1-8)', () => {
    const p = newProjectFromExample('baremetal-linux');
    expect(vm(p, 0).platform.cpu_num).toBe(1);
    const linux = vm(p, 1);
    expect(linux.meta?.guest).toBe('linux');
    expect(linux.platform.cpu_num).toBe(3);
    expect(linux.platform.regions).toEqual([
      { base: 0x90000000n, size: 1024n * MiB, place_phys: true, phys: 0x90000000n },
    ]);
    expect(linux.platform.devs).toEqual([
      expect.objectContaining({
        pa: 0x10001000n,
        va: 0x10001000n,
        size: 0x8000n,
        interrupts: [1, 2, 3, 4, 5, 6, 7, 8],
      }),
    ]);
    expect(p.config.shmemlist).toEqual([]);
  });

  it('V: IV + 64 KiB shared memory and an IPC with irq 52 in both VMs', () => {
    const iv = newProjectFromExample('baremetal-linux');
    const v = newProjectFromExample('baremetal-linux-shmem');
    expect(v.config.shmemlist).toHaveLength(1);
    expect(v.config.shmemlist[0].size).toBe(64n * 1024n);
    for (let i = 0; i < 2; i++) {
      expect(vm(v, i).platform.ipcs).toEqual([
        expect.objectContaining({ size: 64n * 1024n, shmem_id: 0, interrupts: [52] }),
      ]);
      // Apart from the IPC, each VM is setup IV's.
      expect({ ...vm(v, i).platform, ipcs: [] }).toEqual(vm(iv, i).platform);
    }
  });
});

describe('newProjectFromExample / newBlankProject', () => {
  it('returns a fresh object each time', () => {
    const a = newProjectFromExample('baremetal');
    a.config.vmlist[0].platform.cpu_num = 4;
    expect(newProjectFromExample('baremetal').config.vmlist[0].platform.cpu_num).toBe(1);
  });

  it('names the known examples when the name is wrong', () => {
    expect(() => newProjectFromExample('nope')).toThrow(UnknownExampleError);
    expect(() => newProjectFromExample('nope')).toThrow(/baremetal-linux-shmem/);
  });

  it('makes a blank design for a platform', () => {
    const p = newBlankProject('qemu-aarch64-virt', 'v1.0', 'mine');
    expect(p.target).toEqual({ bao: 'v1.0', platform: 'qemu-aarch64-virt' });
    expect(p.name).toBe('mine');
    expect(p.config.vmlist).toEqual([]);
  });
});
