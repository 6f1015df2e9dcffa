// A problem about two elements (an overlap, a duplicate interrupt) selects the main one and
// carries the others as the selection's related elements, which the canvas marks too.
import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../../core/bao/model/index.js';
import { DesignerStore, relatedElements } from '../../../renderer/src/state/store.js';
import { addVm, assignDevice, assignMemory, setAt } from '../../../renderer/src/state/edits.js';
import { platformView } from '../../../renderer/src/domain/platform-view.js';

const virt = platformView('qemu-riscv64-virt', 'v1.0')!;
const uart = virt.devices.find((d) => d.interrupts.length > 0)!;

function store() {
  const s = new DesignerStore(emptyProject('qemu-riscv64-virt', 'v1.0'));
  s.apply('VM', (p) => addVm(p, virt).project);
  s.apply('VM', (p) => addVm(p, virt).project);
  return s;
}

describe('related elements of a problem', () => {
  it('marks both sides of a guest-memory overlap', () => {
    const s = store();
    s.apply('Mem', (p) => assignMemory(p, 0, virt));
    s.apply('Mem', (p) => assignMemory(p, 0, virt));
    // Move the second region onto the first one.
    const first = s.getState().project.config.vmlist[0]!.platform.regions[0]!;
    s.apply('Base', (p) =>
      setAt(p, ['config', 'vmlist', 0, 'platform', 'regions', 1, 'base'], first.base),
    );
    const d = s.getState().derived.diagnostics.find((x) => x.rule === 'mem/guest-overlap');
    expect(d, 'the overlap is reported').toBeDefined();
    expect(d!.related?.length).toBeGreaterThan(0);
    s.reveal(d!.path, d!.rule, d!.related);
    const sel = s.getState().selection!;
    const regions = [0, 1].map((j) => ['config', 'vmlist', 0, 'platform', 'regions', j]);
    // One side selected, the other related: together they are exactly the two regions.
    expect([sel.path, ...(sel.related ?? [])].sort()).toEqual(regions.sort());
    expect(sel.related).toHaveLength(1);
  });

  it('marks the device in the other VM that holds the same interrupt', () => {
    const s = store();
    s.apply('Dev', (p) => assignDevice(p, 0, uart));
    s.apply('Dev', (p) => assignDevice(p, 1, uart));
    const d = s
      .getState()
      .derived.diagnostics.find((x) => x.rule === 'irq/duplicate' && x.related?.length);
    expect(d).toBeDefined();
    s.reveal(d!.path, d!.rule, d!.related);
    const sel = s.getState().selection!;
    expect(sel.path).toEqual(['config', 'vmlist', 1, 'platform', 'devs', 0]);
    expect(sel.related).toEqual([['config', 'vmlist', 0, 'platform', 'devs', 0]]);
    // A plain click selects without related elements.
    s.select(sel.path);
    expect(s.getState().selection!.related).toBeUndefined();
  });

  it('reduces related field paths to distinct elements other than the main one', () => {
    const p = store().getState().project;
    const vm0: (string | number)[] = ['config', 'vmlist', 0];
    expect(
      relatedElements(p, vm0, [
        [...vm0, 'entry'],
        ['vmlist', 1, 'entry'],
        ['config', 'vmlist', 1, 'cpu_affinity'],
        ['config', 'vmlist', 7],
      ]),
    ).toEqual([['config', 'vmlist', 1]]);
  });
});
