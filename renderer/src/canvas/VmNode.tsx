// A VM on the canvas: its vCPUs, memory, devices and IPCs. Resources dropped on it are assigned
// to it; its handles start IPC links to other VMs or shared memories.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { humanSize, toHex } from '../state/numbers.js';
import { useDropTarget } from './useDropTarget.js';
import { vmColor } from './colors.js';
import type { ModelPath } from '../../../core/bao/model/path.js';

export interface VmNodeData extends Record<string, unknown> {
  index: number;
}

function VmNodeImpl({ data }: NodeProps) {
  const i = (data as VmNodeData).index;
  const store = useDesigner();
  const vm = useStoreState((s) => s.project.config.vmlist[i]);
  // Primitive slices: the node re-renders only when its own selection or errors change.
  const selected = useStoreState((s) => {
    const p = s.selection?.path;
    return p && p[1] === 'vmlist' && p[2] === i ? p.join('/') : '';
  });
  // A selection made from a problem (it names a field) flashes the row once.
  const revealSeq = useStoreState((s) =>
    s.selection?.field && s.selection.path[1] === 'vmlist' && s.selection.path[2] === i
      ? s.selection.seq
      : 0,
  );
  // Elements of this VM the selected problem also concerns (e.g. the other side of an overlap).
  const related = useStoreState((s) =>
    (s.selection?.related ?? [])
      .filter((r) => r[1] === 'vmlist' && r[2] === i)
      .map((r) => r.join('/'))
      .join('|'),
  );
  const errors = useStoreState((s) => s.derived.vmErrors[i] ?? '');
  const drop = useDropTarget(i);
  if (!vm) return null;
  const base: ModelPath = ['config', 'vmlist', i];
  const errorKeys = new Set(errors.split('|'));
  const errorAt = (p: ModelPath) => errorKeys.has(p.join('/'));
  const relatedKeys = new Set(related ? related.split('|') : []);
  const isSel = (p: ModelPath) =>
    selected === p.join('/') ? true : relatedKeys.has(p.join('/')) ? 'related' : false;
  const selClass = (p: ModelPath) => {
    const s = isSel(p);
    return s === 'related' ? ' related' : s ? ' selected' : '';
  };
  const flash = (p: ModelPath) => (revealSeq && isSel(p) === true ? ' flash' : '');
  const rowKey = (p: ModelPath, j: number) =>
    revealSeq && isSel(p) === true ? `${j}:${revealSeq}` : j;
  const pick = (p: ModelPath) => (e: React.MouseEvent) => {
    e.stopPropagation();
    store.select(p);
  };
  const aff = vm.cpu_affinity ?? 0n;
  const pinned: number[] = [];
  for (let c = 0; c < 64; c++) if ((aff >> BigInt(c)) & 1n) pinned.push(c);
  const unpinned = Math.max(0, vm.platform.cpu_num - pinned.length);
  const p = vm.platform;
  const name = vm.meta?.name ?? `vm${i}`;
  return (
    <div
      className={`node vm-node${selClass(base)}${drop.over ? ' drop-target' : ''}${errorAt(base) ? ' has-error' : ''}`}
      data-testid={`vm-node-${i}`}
      data-name={name}
      {...drop.props}
      onClick={pick(base)}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="vm-handle"
        id="in"
        data-testid={`vm-${i}-handle-in`}
      />
      <Handle
        type="source"
        position={Position.Right}
        className="vm-handle"
        id="out"
        data-testid={`vm-${i}-handle-out`}
      />
      <div className="node-head" style={{ borderTop: `3px solid ${vmColor(i)}` }}>
        <span className="title">{name}</span>
        <span className="kind">{vm.meta?.guest ?? 'guest'}</span>
        <span className="kind">VM {i}</span>
      </div>
      <div className="node-section">
        <div className="label">
          <span>vCPUs</span>
          <span data-testid={`vm-${i}-cpu-num`}>{p.cpu_num}</span>
        </div>
        <div className="chips">
          {pinned.map((c) => (
            <span
              key={`p${c}`}
              className={`chip nodrag${selClass([...base, 'platform', 'cpu_num', c])}`}
              data-testid={`vm-${i}-cpu-${c}`}
              title="Pinned by cpu_affinity. Select and press Delete to unassign."
              onClick={pick([...base, 'platform', 'cpu_num', c])}
            >
              CPU{c}
            </span>
          ))}
          {Array.from({ length: unpinned }, (_, k) => (
            <span
              key={`u${k}`}
              className={`chip nodrag${selClass([...base, 'platform', 'cpu_num'])}`}
              data-testid={`vm-${i}-vcpu`}
              title="vCPU (any physical CPU). Select and press Delete to remove one."
              onClick={pick([...base, 'platform', 'cpu_num'])}
            >
              vCPU
            </span>
          ))}
          {p.cpu_num === 0 && <span className="placeholder">drop a CPU here</span>}
        </div>
      </div>
      <div className="node-section">
        <div className="label">Memory</div>
        {p.regions.map((r, j) => {
          const rp = [...base, 'platform', 'regions', j];
          return (
            <div
              key={rowKey(rp, j)}
              className={`res-row nodrag${selClass(rp)}${errorAt(rp) ? ' has-error' : ''}${flash(rp)}`}
              data-testid={`vm-${i}-region-${j}`}
              onClick={pick(rp)}
            >
              <span className="name">{r.meta?.name ?? humanSize(r.size)}</span>
              <span className="addr">{toHex(r.base)}</span>
              {r.place_phys && <span className="irq">phys {toHex(r.phys)}</span>}
            </div>
          );
        })}
        {p.regions.length === 0 && <div className="placeholder">drop memory here</div>}
      </div>
      <div className="node-section">
        <div className="label">
          <span>Devices</span>
          <span>{p.devs.length || ''}</span>
        </div>
        <div className="vm-dev-list nowheel">
          {p.devs.map((d, j) => {
            const dp = [...base, 'platform', 'devs', j];
            return (
              <div
                key={rowKey(dp, j)}
                className={`res-row nodrag${selClass(dp)}${errorAt(dp) ? ' has-error' : ''}${flash(dp)}`}
                data-testid={`vm-${i}-dev-${j}`}
                onClick={pick(dp)}
              >
                <span className="name">{d.meta?.name ?? `device ${j}`}</span>
                <span className="addr">{toHex(d.va)}</span>
                {d.interrupts.length > 0 && (
                  <span className="irq">
                    irq{' '}
                    {d.interrupts.length > 3
                      ? `${d.interrupts[0]}…${d.interrupts[d.interrupts.length - 1]}`
                      : d.interrupts.join(',')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        {p.devs.length === 0 && <div className="placeholder">drop a device here</div>}
      </div>
      {p.ipcs.length > 0 && (
        <div className="node-section">
          <div className="label">IPC</div>
          {p.ipcs.map((c, j) => {
            const cp = [...base, 'platform', 'ipcs', j];
            return (
              <div
                key={rowKey(cp, j)}
                className={`res-row nodrag${selClass(cp)}${errorAt(cp) ? ' has-error' : ''}${flash(cp)}`}
                data-testid={`vm-${i}-ipc-${j}`}
                onClick={pick(cp)}
              >
                <span className="name">shmem {c.shmem_id}</span>
                <span className="addr">{toHex(c.base)}</span>
                <span className="irq">irq {c.interrupts.join(',')}</span>
              </div>
            );
          })}
        </div>
      )}
      {p.remio_devs.length > 0 && (
        <div className="node-section">
          <div className="label">Remote I/O</div>
          {p.remio_devs.map((r, j) => {
            const rp = [...base, 'platform', 'remio_devs', j];
            return (
              <div
                key={j}
                className={`res-row nodrag${selClass(rp)}${errorAt(rp) ? ' has-error' : ''}`}
                data-testid={`vm-${i}-remio-${j}`}
                onClick={pick(rp)}
              >
                <span className="name">
                  {r.meta?.name ?? (r.type === 'REMIO_DEV_FRONTEND' ? 'frontend' : 'backend')} · key{' '}
                  {r.bind_key}
                </span>
                <span className="addr">
                  {r.va !== undefined ? toHex(r.va) : toHex(r.shmem.base)}
                </span>
                <span className="irq">irq {r.interrupt}</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

export const VmNode = memo(VmNodeImpl);
