// Overlaps inside one VM's guest address space. Bao maps regions, then IPCs, then devices
// (vm.c vm_init_mem_regions / vm_init_ipc / vm_init_dev); the virtual interrupt controller is
// trapped and emulated at its window. What happens on a clash depends on what clashes:
// - a region or IPC over an earlier region/IPC: B7, "failed to allocate vm's region" (MMU);
// - a device over anything mapped: C3, the mapping result is ignored, the device is missing;
// - anything mapped over an emulated window: C14, the window never traps.
import { hex } from '../../model/numbers.js';
import { RuleContext, type SpaceItem } from '../context.js';
import type { Diagnostic } from '../diagnostic.js';
import { defineRule } from '../rule.js';

function pairs(ctx: RuleContext, i: number): [SpaceItem, SpaceItem][] {
  return RuleContext.overlapsAmong(ctx.guestSpace(i));
}

const isMem = (s: SpaceItem): boolean => s.kind === 'region' || s.kind === 'ipc';

export const guestOverlap = defineRule({
  id: 'mem/guest-overlap',
  severity: 'error',
  description: 'Two memory regions or IPC windows of a VM overlap in its address space',
  refs: ['B7'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      for (const [a, b] of pairs(ctx, v.index)) {
        if (!isMem(a) || !isMem(b)) continue;
        out.push(
          ctx.diag(this, b.path, `${v.label}: ${b.what} overlaps ${a.what}`, {
            related: [a.path],
            bao: ctx.mpu
              ? 'Silent: on MPU builds the failed mapping is ignored (mpu mem_alloc_map) and the region is dropped'
              : `BAO ERROR: failed to allocate vm's region at ${hex(b.range.base)}`,
          }),
        );
      }
    return out;
  },
});

export const deviceOverlap = defineRule({
  id: 'dev/va-overlap',
  severity: 'error',
  description:
    'A device window overlaps memory, an IPC or another device in the VM’s address space',
  refs: ['C3'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms)
      for (const [a, b] of pairs(ctx, v.index)) {
        const dev = b.kind === 'device' ? b : a.kind === 'device' ? a : undefined;
        if (!dev) continue;
        const other = dev === a ? b : a;
        if (!(isMem(other) || other.kind === 'device')) continue;
        out.push(
          ctx.diag(this, dev.path, `${v.label}: ${dev.what} overlaps ${other.what}`, {
            related: [other.path],
            bao: 'Silent: the device mapping fails and Bao ignores the result; the guest cannot reach the device',
          }),
        );
      }
    return out;
  },
});

export const intcWindowOverlap = defineRule({
  id: 'arch/intc-window-overlap',
  severity: 'error',
  description:
    'The virtual interrupt controller window (vGIC, vPLIC/vAPLIC, vIMSIC) or a Remote I/O window overlaps something else in the VM',
  refs: ['C14'],
  check(ctx) {
    const out: Diagnostic[] = [];
    const special = (s: SpaceItem): boolean =>
      s.kind === 'irqc' || s.kind === 'gic' || s.kind === 'imsic' || s.kind === 'remio';
    for (const v of ctx.vms)
      for (const [a, b] of pairs(ctx, v.index)) {
        const win = special(b) ? b : special(a) ? a : undefined;
        if (!win) continue;
        const other = win === a ? b : a;
        out.push(
          ctx.diag(this, win.path, `${v.label}: ${win.what} overlaps ${other.what}`, {
            related: [other.path],
            bao: win.mapped
              ? 'Silent: one of the two mappings fails and Bao ignores it'
              : 'Silent: memory mapped over the emulated window shadows it; guest accesses never reach the emulation',
          }),
        );
      }
    return out;
  },
});
