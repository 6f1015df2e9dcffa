// Whole projects: the five workshop setups (issue 2 §8) and a minimal VM on every platform must
// validate without errors; messages name the VM, the element and what it clashes with; Bao's
// own words come along for the boot-time checks.
import { describe, expect, it } from 'vitest';
import { platforms } from '../../../../core/bao/platforms/index.js';
import { checkProject } from '../../../../core/bao/validation/index.js';
import { baseline, clone, diagsOf, workshop } from './fixtures.js';

const setups = ['I', 'II', 'III', 'IV', 'V'] as const;

describe('workshop setups on qemu-riscv64-virt', () => {
  for (const s of setups) {
    it(`setup ${s} has no errors with Bao v1.0 (PLIC)`, () => {
      expect(checkProject(workshop(s, 'v1.0')).filter((d) => d.severity === 'error')).toEqual([]);
    });
    it(`setup ${s} has no errors with Bao v2 (IRQC=PLIC and the AIA default)`, () => {
      expect(checkProject(workshop(s, 'v2', 'PLIC')).filter((d) => d.severity === 'error')).toEqual(
        [],
      );
      expect(checkProject(workshop(s, 'v2')).filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  it('setup III warns that the UART is given to both VMs (as the workshop does)', () => {
    const d = diagsOf(workshop('III'), 'dev/shared');
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain('VM 1 "freertos"');
    expect(d[0].message).toContain('VM 0 "baremetal"');
    expect(d[0].message).toContain('[0x10000000–0x10001000)');
  });

  it('setups IV and V have nothing but infos', () => {
    for (const s of ['IV', 'V'] as const)
      expect(checkProject(workshop(s)).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('every catalog platform', () => {
  for (const p of platforms)
    for (const v of p.baoVersions)
      it(`${p.name} (${v}): a one-VM baseline validates without errors or warnings`, () => {
        const found = checkProject(baseline(p.name, v)).filter((d) => d.severity !== 'info');
        expect(found.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
      });
});

describe('messages and Bao output', () => {
  it('a region over a device names the VM, both elements and their ranges', () => {
    const p = workshop('IV');
    p.config.vmlist[1].platform.devs[0].va = 0x90000000n;
    const [d] = diagsOf(p, 'dev/va-overlap');
    expect(d.message).toBe(
      'VM 1 "linux": device 0 "virtio devices" [0x90000000–0x90008000) overlaps memory region 0 [0x90000000–0xd0000000)',
    );
    expect(d.related).toEqual([['config', 'vmlist', 1, 'platform', 'regions', 0]]);
    expect(d.bao).toMatch(/^Silent/);
  });

  it('a duplicated interrupt carries what Bao prints', () => {
    const p = workshop('IV');
    p.config.vmlist[1].platform.devs[0].interrupts[0] = 10;
    const [d] = diagsOf(p, 'irq/duplicate');
    expect(d.bao).toBe('BAO ERROR: Failed to assign interrupt id 10');
    expect(d.message).toContain('VM 0 "baremetal" device 0 "UART0"');
  });

  it('a physical overlap reports the message of the targeted Bao version', () => {
    const p = workshop('IV');
    Object.assign(p.config.vmlist[0].platform.regions[0], { place_phys: true, phys: 0x90000000n });
    // Bao fails in mem_init, before its console is up: its message never reaches the UART.
    expect(diagsOf(p, 'mem/phys-overlap')[0].bao).toMatch(/^Hangs before its console is up/);
    expect(diagsOf(p, 'mem/phys-overlap')[0].bao).toContain(
      'BAO ERROR: failed reserving memory in root pool',
    );
    p.target.bao = 'v2';
    p.target.irqc = 'PLIC';
    expect(diagsOf(p, 'mem/phys-overlap')[0].bao).toContain(
      'BAO ERROR: Failed to reserved static allocated memory',
    );
  });

  it('memory outside the platform is silent on v1.0 and a boot hang on v2', () => {
    const p = baseline('qemu-riscv64-virt', 'v1.0');
    Object.assign(p.config.vmlist[0].platform.regions[0], { place_phys: true, phys: 0x40000000n });
    expect(diagsOf(p, 'mem/outside-platform')[0].bao).toMatch(/^Silent on v1\.0/);
  });

  it('devices without names take the platform inventory name', () => {
    const p = baseline('qemu-riscv64-virt', 'v1.0');
    p.config.vmlist[0].platform.devs[0].va = 0x80300000n;
    expect(diagsOf(p, 'dev/va-overlap')[0].message).toContain('device 0 "UART0 (ns16550a)"');
  });

  it('errors come before warnings and infos', () => {
    const p = workshop('III');
    p.config.vmlist[0].platform.cpu_num = 0;
    const sev = checkProject(p).map((d) => d.severity);
    expect(sev).toEqual(
      [...sev].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(sev[0]).toBe('error');
  });

  it('an unknown platform is reported once and platform rules are skipped', () => {
    const p = workshop('IV');
    p.target.platform = 'nope';
    const d = checkProject(p);
    expect(d.map((x) => x.rule)).toEqual(['platform/unknown']);
  });
});

describe('rule variants', () => {
  it('mem/alignment: an unaligned size is only a warning', () => {
    const p = baseline('qemu-riscv64-virt', 'v1.0');
    p.config.vmlist[0].platform.regions[0].size = 0x4000800n;
    const [d] = diagsOf(p, 'mem/alignment');
    expect(d.severity).toBe('warning');
    expect(d.path).toEqual(['config', 'vmlist', 0, 'platform', 'regions', 0, 'size']);
  });

  it('mem/alignment: MPU builds use 64-byte granularity', () => {
    const p = baseline('fvp-r', 'v2');
    p.config.vmlist[0].platform.regions[0].base += 0x40n;
    p.config.vmlist[0].image.base_addr += 0x40n;
    p.config.vmlist[0].entry += 0x40n;
    expect(diagsOf(p, 'mem/alignment')).toEqual([]);
    p.config.vmlist[0].platform.regions[0].base += 0x20n;
    expect(diagsOf(p, 'mem/alignment')[0].severity).toBe('error');
  });

  it('hyp/relocate-ignored: harmless (info) when base_addr equals where Bao is linked', () => {
    const p = baseline('tc4dx', 'v2');
    p.config.hyp = { base_addr: 0xa0000000n };
    expect(diagsOf(p, 'hyp/relocate-ignored')[0].severity).toBe('info');
  });

  it('image/entry: inside memory but outside the image is a warning', () => {
    const p = baseline('qemu-riscv64-virt', 'v1.0');
    p.config.vmlist[0].entry = 0x80300000n;
    const [d] = diagsOf(p, 'image/entry', { imageSizes: new Map([[0, 0x10000n]]) });
    expect(d.severity).toBe('warning');
    expect(diagsOf(p, 'image/entry')).toEqual([]); // size unknown: cannot tell
  });

  it('image/alignment: a misaligned entry is an error', () => {
    const p = baseline('qemu-aarch64-virt', 'v2');
    p.config.vmlist[0].entry += 2n;
    const [d] = diagsOf(p, 'image/alignment');
    expect(d.severity).toBe('error');
    expect(d.path).toEqual(['config', 'vmlist', 0, 'entry']);
    const r = baseline('qemu-riscv64-virt', 'v2');
    r.config.vmlist[0].entry += 2n; // compressed instructions: 2 bytes is fine on RISC-V
    expect(diagsOf(r, 'image/alignment')).toEqual([]);
  });

  it('image/load-overlap: load_addr = base_addr in a relocated place_phys region is never copied', () => {
    const p = workshop('IV');
    p.config.vmlist[1].platform.regions[0].phys = 0xa0000000n;
    p.config.vmlist[1].image = {
      source: 'loaded',
      base_addr: 0x90200000n,
      load_addr: 0x90200000n,
      size: 0x1000000n,
    };
    const [d] = diagsOf(p, 'image/load-overlap');
    expect(d.bao).toMatch(/^Silent/);
    expect(d.message).toContain('physical 0xa0200000');
    p.config.vmlist[1].platform.regions[0].phys = 0x90000000n; // identity: really in place
    expect(diagsOf(p, 'image/load-overlap')).toEqual([]);
  });

  it('image/load-overlap: a built-in image whose run range overlaps Bao itself', () => {
    const p = baseline('qemu-riscv64-virt', 'v1.0');
    Object.assign(p.config.vmlist[0].platform.regions[0], { place_phys: true, phys: 0x90000000n });
    const [d] = diagsOf(p, 'image/load-overlap');
    expect(d.path).toEqual(['config', 'vmlist', 0, 'image', 'base_addr']);
    expect(d.bao).toContain('failed installing vm image');
  });

  it('dev/iommu: the same stream id in two VMs is an SMMU conflict', () => {
    const p = baseline('zcu104', 'v2');
    p.config.vmlist[0].platform.devs[0].id = 7;
    const second = clone(p.config.vmlist[0]);
    second.platform.devs[0] = {
      pa: 0xff010000n,
      va: 0xff010000n,
      size: 0x1000n,
      interrupts: [54],
      id: 7,
    };
    second.cpu_affinity = 2n;
    p.config.vmlist.push(second);
    const [d] = diagsOf(p, 'dev/iommu');
    expect(d.bao).toBe('BAO ERROR: SMMU sme conflict');
    expect(d.path).toEqual(['config', 'vmlist', 1, 'platform', 'devs', 0, 'id']);
  });

  it('irq/duplicate: Armv8 PPIs (the timer, 27) may be shared', () => {
    const p = baseline('qemu-aarch64-virt', 'v2');
    p.config.vmlist[0].platform.devs.push({ pa: 0n, va: 0n, size: 0n, interrupts: [27] });
    const second = clone(p.config.vmlist[0]);
    second.platform.devs = [{ pa: 0n, va: 0n, size: 0n, interrupts: [27] }];
    second.cpu_affinity = 2n;
    p.config.vmlist.push(second);
    expect(diagsOf(p, 'irq/duplicate')).toEqual([]);
  });

  it('irq/duplicate: RH850 reserves IPC interrupts too (PHYS_IRQS_ONLY)', () => {
    const p = baseline('rh850-u2a16', 'v2');
    p.config.shmemlist = [{ size: 0x1000n, phys: 0xfe480000n }];
    p.config.vmlist[0].platform.ipcs = [
      { base: 0xfe480000n, size: 0x1000n, shmem_id: 0, interrupts: [438] },
    ];
    const [d] = diagsOf(p, 'irq/duplicate');
    expect(d.path).toEqual(['config', 'vmlist', 0, 'platform', 'ipcs', 0, 'interrupts', 0]);
  });

  it('irq/duplicate: RH850 VMs may share the IPIR channels Bao does not use (0-2)', () => {
    const p = baseline('rh850-u2a16', 'v2');
    p.config.shmemlist = [{ size: 0x1000n, phys: 0xfe480000n }];
    p.config.vmlist[0].platform.ipcs = [
      { base: 0xfe480000n, size: 0x1000n, shmem_id: 0, interrupts: [1] },
    ];
    const second = structuredClone(p.config.vmlist[0]);
    second.platform.devs = [];
    second.platform.regions = [{ base: 0xfe400000n, size: 0x10000n }];
    second.image.base_addr = 0xfe400000n;
    second.entry = 0xfe400000n;
    second.cpu_affinity = 2n;
    p.config.vmlist.push(second);
    expect(diagsOf(p, 'irq/duplicate')).toEqual([]);
    p.config.vmlist[1].platform.ipcs[0].interrupts = [438];
    expect(diagsOf(p, 'irq/duplicate')).toHaveLength(1);
  });

  it('config/count-mismatch: a count smaller than the list drops entries', () => {
    const p = workshop('IV');
    p.config.vmlist[1].platform.devs[0].interrupt_num = 7;
    const [d] = diagsOf(p, 'config/count-mismatch');
    expect(d.message).toContain('Bao ignores the last 1');
    expect(d.path).toEqual(['config', 'vmlist', 1, 'platform', 'devs', 0, 'interrupt_num']);
  });

  it('remio/truncated: a bind_key above 255 is reported at bind_key, with its 8-bit value', () => {
    const p = workshop('IV', 'v2', 'PLIC');
    p.config.shmemlist = [{ size: 0x1000000n }];
    const shmem = { base: 0x50000000n, size: 0x1000000n, shmem_id: 0 };
    p.config.vmlist[0].platform.remio_devs = [
      { interrupt: 60, bind_key: 300, type: 'REMIO_DEV_BACKEND', shmem },
    ];
    p.config.vmlist[1].platform.remio_devs = [
      {
        va: 0xa000000n,
        size: 0x200n,
        interrupt: 60,
        bind_key: 300,
        type: 'REMIO_DEV_FRONTEND',
        shmem,
      },
    ];
    const d = diagsOf(p, 'remio/truncated');
    expect(d.map((x) => x.path.at(-1))).toEqual(['bind_key', 'bind_key']);
    expect(d[0].message).toContain('bind_key 300 is above 255');
    expect(d[0].message).toContain('(44)');
  });

  it('config/count-mismatch: the SMC pass-through count (demos patch) is checked too', () => {
    const p = baseline('qemu-aarch64-virt', 'v2');
    p.config.vmlist[0].platform.arch.smc_passthrough = { smcs: [0xc2000001n], num: 2 };
    const [d] = diagsOf(p, 'config/count-mismatch');
    expect(d.message).toContain('num = 2 but only 1 entry is listed');
    expect(d.path).toEqual(['config', 'vmlist', 0, 'platform', 'arch', 'smc_passthrough', 'num']);
    p.config.vmlist[0].platform.arch.smc_passthrough = { smcs: [0xc2000001n] };
    expect(diagsOf(p, 'config/count-mismatch')).toEqual([]);
  });

  it('mem/hypervisor-overlap: built-in image sizes grow the hypervisor image', () => {
    const p = workshop('IV');
    p.config.vmlist[1].platform.regions[0] = {
      base: 0x90000000n,
      size: 0x40000000n,
      place_phys: true,
      phys: 0x84000000n,
    };
    expect(diagsOf(p, 'mem/hypervisor-overlap')).toEqual([]);
    const sizes = new Map([[1, 0x4000000n]]); // a 64 MiB Linux image appended to Bao's
    expect(diagsOf(p, 'mem/hypervisor-overlap', { imageSizes: sizes })).toHaveLength(1);
  });

  it('mem/hypervisor-overlap: Bao data memory on non-unified platforms', () => {
    const p = baseline('rh850-u2a16', 'v2');
    p.config.vmlist[0].platform.regions.push({ base: 0xfe000000n, size: 0x10000n });
    const [d] = diagsOf(p, 'mem/hypervisor-overlap');
    expect(d.message).toContain("hypervisor's data memory");
  });

  it('mem/outside-platform: a region across two page pools', () => {
    const p = baseline('tc4dx', 'v2');
    p.config.vmlist[0].platform.regions[0] = { base: 0x90100000n, size: 0x100000n };
    p.config.vmlist[0].image.base_addr = 0x90100000n;
    p.config.vmlist[0].entry = 0x90100000n;
    const [d] = diagsOf(p, 'mem/outside-platform');
    expect(d.message).toContain('separate page pools');
  });
});
