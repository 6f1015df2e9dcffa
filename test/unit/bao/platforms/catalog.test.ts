// The platform catalog: every platform loads and is self-consistent.
import { describe, expect, it } from 'vitest';
import {
  getPlatform,
  maxInterruptId,
  platforms,
  riscvIrqcChoice,
  similarPlatformNames,
} from '../../../../core/bao/platforms/index.js';

const overlaps = (a: { base: bigint; size: bigint }, b: { base: bigint; size: bigint }) =>
  a.base < b.base + b.size && b.base < a.base + a.size;

describe('platform catalog', () => {
  it('has the 24 platforms of Bao main, by unique name', () => {
    expect(platforms).toHaveLength(24);
    expect(new Set(platforms.map((p) => p.name)).size).toBe(24);
    expect(getPlatform('qemu-riscv64-virt')?.arch).toBe('riscv64');
    expect(getPlatform('no-such-board')).toBeUndefined();
  });

  it('knows which platforms Bao v1.0 already had', () => {
    const v1 = platforms.filter((p) => p.baoVersions.includes('v1.0')).map((p) => p.name);
    expect(v1).toContain('qemu-riscv64-virt');
    expect(v1).toContain('qemu-aarch64-virt');
    expect(v1).not.toContain('qemu-riscv32-virt');
    expect(v1).not.toContain('tc4dx');
    for (const p of platforms) expect(p.baoVersions).toContain('v2');
  });

  for (const p of platforms)
    describe(p.name, () => {
      it('has sane memory: page-aligned, non-overlapping regions', () => {
        expect(p.cpus).toBeGreaterThan(0);
        expect(p.pageSize).toBe(p.memProtection === 'mmu' ? 0x1000n : 0x40n);
        for (const m of p.memory) {
          expect(m.size).toBeGreaterThan(0n);
          expect(m.base % p.pageSize).toBe(0n);
        }
        for (let i = 0; i < p.memory.length; i++)
          for (let j = i + 1; j < p.memory.length; j++)
            expect(overlaps(p.memory[i], p.memory[j])).toBe(false);
        if (p.nonUnifiedMemory) expect(p.memory.some((m) => m.perms === 'MEM_RX')).toBe(true);
      });

      it('has a sane interrupt controller', () => {
        const ic = p.irqc;
        if (ic.type === 'GICv2' || ic.type === 'GICv3') {
          expect(ic.gicd).toBeGreaterThan(0n);
          if (ic.type === 'GICv3') expect(ic.gicr).toBeDefined();
          else expect(ic.gicc).toBeDefined();
          expect(ic.maintenanceIrq).toBe(25);
          expect(ic.maxInterruptId).toBeLessThanOrEqual(1019);
          expect(p.arch.startsWith('aarch')).toBe(true);
        } else if (ic.type === 'riscv') {
          expect(p.arch.startsWith('riscv')).toBe(true);
          for (const v of p.baoVersions) {
            const c = riscvIrqcChoice(p, v);
            expect(c, `default IRQC for ${v}`).toBeDefined();
            expect(c!.versions).toContain(v);
          }
          for (const c of ic.choices) {
            if (c.kind === 'AIA') {
              expect(c.imsic).toBeDefined();
              expect(c.versions).not.toContain('v1.0'); // v1.0's arch.mk has PLIC and APLIC only
            }
          }
        }
        for (const v of p.baoVersions) expect(maxInterruptId(p, v)).toBeGreaterThan(0);
      });

      it.skipIf(!p.qemu)('QEMU runs with enough memory for the description', () => {
        const q = p.qemu!;
        const m = /^(\d+)([MG])$/.exec(q.memory)!;
        const bytes = BigInt(m[1]) << (m[2] === 'G' ? 30n : 20n);
        const ramBase = p.arch.startsWith('riscv') ? 0x80000000n : 0x40000000n; // QEMU virt
        for (const r of p.memory) expect(r.base + r.size).toBeLessThanOrEqual(ramBase + bytes);
        expect(q.smp).toBe(p.cpus);
      });

      it('places the hypervisor inside its memory', () => {
        const h = p.hypervisor;
        expect(h.size).toBeGreaterThan(0n);
        if (p.memProtection === 'mpu') expect(h.base).toBe(p.memory[0].base);
        if (h.base !== undefined)
          expect(
            p.memory.some((m) => h.base! >= m.base && h.base! + h.size <= m.base + m.size),
          ).toBe(true);
      });

      it('lists pass-through devices outside RAM, with interrupts the controller has', () => {
        const max = Math.max(...p.baoVersions.map((v) => maxInterruptId(p, v)));
        for (const d of p.devices) {
          expect(d.name.length).toBeGreaterThan(0);
          for (const i of d.interrupts) expect(i).toBeLessThanOrEqual(max);
          if (d.size === 0n) {
            expect(
              d.interrupts.length > 0 || d.streamId !== undefined,
              `${d.name} is interrupt- or stream-id-only`,
            ).toBe(true);
            continue;
          }
          for (const m of p.memory)
            expect(overlaps(m, { base: d.pa, size: d.size }), `${d.name} vs RAM`).toBe(false);
          for (const s of p.systemDevices)
            expect(
              overlaps({ base: s.pa, size: s.size }, { base: d.pa, size: d.size }),
              `${d.name} vs ${s.name}`,
            ).toBe(false);
        }
        if (p.arch === 'tricore')
          for (const d of p.devices.filter((x) => x.size > 0n))
            expect(p.protectableDevices).toContain(d.pa);
      });
    });

  it('qemu-riscv64-virt offers PLIC, APLIC and AIA with their QEMU options', () => {
    const p = getPlatform('qemu-riscv64-virt')!;
    expect(riscvIrqcChoice(p, 'v1.0')?.kind).toBe('PLIC');
    expect(riscvIrqcChoice(p, 'v1.0')?.base).toBe(0xc000000n);
    expect(riscvIrqcChoice(p, 'v2')?.kind).toBe('AIA');
    expect(riscvIrqcChoice(p, 'v2', 'APLIC')?.qemuMachineOption).toBe('aia=aplic');
    expect(riscvIrqcChoice(p, 'v2', 'AIA')?.imsic?.base).toBe(0x28000000n);
    expect(riscvIrqcChoice(p, 'v1.0', 'AIA')).toBeUndefined();
    expect(maxInterruptId(p, 'v1.0')).toBe(95);
    expect(p.hypervisor.base).toBe(0x80200000n);
    expect(p.devices.filter((d) => d.kind === 'virtio-mmio')).toHaveLength(8);
  });
});

describe('similarPlatformNames', () => {
  it('suggests the catalog names a mistyped name may mean', () => {
    expect(similarPlatformNames('qemu-riscv64')).toEqual(['qemu-riscv64-virt']);
    expect(similarPlatformNames('RPI')).toEqual(['rpi4']);
    expect(similarPlatformNames('zcu104-board')).toEqual(['zcu104']);
    expect(similarPlatformNames('qemu-sparc-virt')).toEqual([]);
    expect(similarPlatformNames('x')).toEqual([]);
  });
});
