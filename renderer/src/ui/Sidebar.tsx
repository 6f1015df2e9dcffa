// Left side bar: the palette of things to drag onto the canvas, and the outline of the design.
import { useDesigner, useStoreState } from '../state/hooks.js';
import { setDragPayload, type DragPayload } from '../canvas/drag.js';
import { vmColor } from '../canvas/colors.js';
import { samePath } from '../state/selection.js';
import { humanSize, toHex } from '../state/numbers.js';
import type { ModelPath } from '../../../core/bao/model/path.js';

const ITEMS: { id: string; title: string; desc: string; payload: DragPayload }[] = [
  { id: 'vm', title: 'VM', desc: 'drop on the canvas', payload: { type: 'vm' } },
  { id: 'vcpu', title: 'vCPU', desc: 'any free CPU', payload: { type: 'vcpu' } },
  { id: 'memory', title: 'Memory', desc: '64 MiB region', payload: { type: 'memory', region: 0 } },
  { id: 'ipc', title: 'IPC link', desc: 'shared memory', payload: { type: 'ipc' } },
];

export function Sidebar() {
  const store = useDesigner();
  const project = useStoreState((s) => s.project);
  const selection = useStoreState((s) => s.selection);
  const diagnostics = useStoreState((s) => s.derived.diagnostics);
  const sel = (p: ModelPath) => samePath(selection?.path, p);
  const errs = (i: number) =>
    diagnostics.filter((d) => d.severity === 'error' && d.path[1] === 'vmlist' && d.path[2] === i)
      .length;
  return (
    <div className="panel" data-testid="sidebar">
      <div className="panel-header">Palette</div>
      <div className="palette">
        {ITEMS.map((it) => (
          <div
            key={it.id}
            className="palette-item"
            draggable
            data-testid={`palette-${it.id}`}
            onDragStart={(e) => setDragPayload(e, it.payload)}
          >
            <div className="t">{it.title}</div>
            <div className="d">{it.desc}</div>
          </div>
        ))}
      </div>
      <div className="hint">
        Drag CPUs, memory and devices from the platform node too. Link two VMs by dragging between
        their handles.
      </div>
      <div className="panel-header">Outline</div>
      <div className="panel-body outline" data-testid="outline">
        <div
          className={`outline-item${sel(['config', 'hyp']) ? ' selected' : ''}`}
          onClick={() => store.select(['config', 'hyp'])}
        >
          <span className="dot" style={{ background: 'var(--fg-dim)' }} /> Hypervisor
        </div>
        {project.config.vmlist.map((vm, i) => (
          <div
            key={`vm${i}`}
            className={`outline-item${sel(['config', 'vmlist', i]) ? ' selected' : ''}`}
            data-testid={`outline-vm-${i}`}
            onClick={() => store.select(['config', 'vmlist', i])}
          >
            <span className="dot" style={{ background: vmColor(i) }} />
            {vm.meta?.name ?? `vm${i}`}
            <span className="sub">
              {vm.platform.cpu_num} cpu ·{' '}
              {humanSize(vm.platform.regions.reduce((a, r) => a + r.size, 0n))}
            </span>
            {errs(i) > 0 && <span className="sev error">{errs(i)}</span>}
          </div>
        ))}
        {project.config.shmemlist.map((s, i) => (
          <div
            key={`s${i}`}
            className={`outline-item${sel(['config', 'shmemlist', i]) ? ' selected' : ''}`}
            onClick={() => store.select(['config', 'shmemlist', i])}
          >
            <span className="dot" style={{ background: 'var(--vm-2)', borderRadius: 2 }} />
            {s.meta?.name ?? `shmem ${i}`}
            <span className="sub">
              {humanSize(s.size)}
              {s.place_phys ? ` @ ${toHex(s.phys)}` : ''}
            </span>
          </div>
        ))}
        {project.config.vmlist.length === 0 && (
          <div className="hint">No VMs yet: drag “VM” from the palette onto the canvas.</div>
        )}
      </div>
    </div>
  );
}
