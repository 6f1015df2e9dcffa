// Armv8 per-VM architecture settings the inspector edits: SMMU stream-match groups and the
// vGIC's interrupt_num, checked through the store (validation and config.c follow the edits).
import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../../core/bao/model/index.js';
import { DesignerStore } from '../../../renderer/src/state/store.js';
import {
  addSmmuGroup,
  addVm,
  assignDevice,
  removeSmmuGroup,
  setAt,
} from '../../../renderer/src/state/edits.js';
import { platformView } from '../../../renderer/src/domain/platform-view.js';

const zcu = platformView('zcu102', 'v1.0')!;
const smmuPath = (vm: number) => ['config', 'vmlist', vm, 'platform', 'arch', 'smmu'];

function store() {
  const s = new DesignerStore(emptyProject('zcu102', 'v1.0'));
  s.apply('VM', (p) => addVm(p, zcu).project);
  s.apply('VM', (p) => addVm(p, zcu).project);
  return s;
}

describe('SMMU groups', () => {
  it('adds groups with stream ids no VM uses yet, edits and removes them', () => {
    const s = store();
    s.apply('SMMU', (p) => addSmmuGroup(p, 0));
    s.apply('SMMU', (p) => addSmmuGroup(p, 1));
    s.apply('SMMU', (p) => addSmmuGroup(p, 1));
    const vms = s.getState().project.config.vmlist;
    expect(vms[0]!.platform.arch.smmu!.groups).toEqual([{ mask: 0, id: 1 }]);
    expect(vms[1]!.platform.arch.smmu!.groups).toEqual([
      { mask: 0, id: 2 },
      { mask: 0, id: 3 },
    ]);
    // The other VM was not copied (the canvas re-renders only the edited VM).
    const before = s.getState().project.config.vmlist[0];
    s.apply('mask', (p) => setAt(p, [...smmuPath(1), 'groups', 0, 'mask'], 0x7f00));
    s.apply('gm', (p) => setAt(p, [...smmuPath(1), 'global_mask'], 0x10));
    expect(s.getState().project.config.vmlist[0]).toBe(before);
    const c = s.getState().derived.files[0]!.text!;
    expect(c).toMatch(/smmu/);
    expect(c.toLowerCase()).toMatch(/0x7f00/);
    // zcu102 has an SMMU Bao drives: the groups are accepted.
    expect(s.getState().derived.diagnostics.map((d) => d.rule)).not.toContain('dev/iommu');

    s.apply('rm', (p) => removeSmmuGroup(p, 0, 0));
    expect(s.getState().project.config.vmlist[0]!.platform.arch.smmu).toBeUndefined();
    s.apply('rm', (p) => removeSmmuGroup(p, 1, 0));
    // The global mask keeps the smmu object alive.
    expect(s.getState().project.config.vmlist[1]!.platform.arch.smmu).toEqual({
      global_mask: 0x10,
      groups: [{ mask: 0, id: 3 }],
    });
    expect(removeSmmuGroup(s.getState().project, 1, 5)).toBe(s.getState().project);
  });

  it('is flagged on an Arm platform without an SMMU', () => {
    const virt = platformView('qemu-aarch64-virt', 'v1.0')!;
    const s = new DesignerStore(emptyProject('qemu-aarch64-virt', 'v1.0'));
    s.apply('VM', (p) => addVm(p, virt).project);
    s.apply('SMMU', (p) => addSmmuGroup(p, 0));
    const d = s.getState().derived.diagnostics.find((x) => x.rule === 'dev/iommu');
    expect(d?.path).toEqual(smmuPath(0));
  });
});

describe('vGIC interrupt_num', () => {
  it('warns about a device interrupt beyond the vGIC size and clears when unset', () => {
    const s = store();
    const dev = zcu.devices.find((d) => d.interrupts.some((i) => i >= 64))!;
    expect(dev, 'zcu102 has a device with an SPI ≥ 64').toBeDefined();
    s.apply('Dev', (p) => assignDevice(p, 0, dev));
    const gic = ['config', 'vmlist', 0, 'platform', 'arch', 'gic', 'interrupt_num'];
    const rules = () => s.getState().derived.diagnostics.map((d) => d.rule);
    expect(rules()).not.toContain('irq/vgic-size');
    s.apply('n', (p) => setAt(p, gic, 64));
    expect(s.getState().project.config.vmlist[0]!.platform.arch.gic?.gicd_addr).toBeDefined();
    expect(rules()).toContain('irq/vgic-size');
    s.apply('n', (p) => setAt(p, gic, undefined));
    expect(rules()).not.toContain('irq/vgic-size');
  });
});
