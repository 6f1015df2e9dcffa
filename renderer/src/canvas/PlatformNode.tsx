// The platform: its CPUs, memory and pass-through devices, each draggable onto a VM. What is
// already assigned is greyed out and names its VM.
import { memo, useMemo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { cpuOwners, hostRangesInUse } from '../state/edits.js';
import { humanSize, toHex } from '../state/numbers.js';
import { setDragPayload } from './drag.js';
import { samePath } from '../state/selection.js';

function PlatformNodeImpl(_props: NodeProps) {
  const store = useDesigner();
  const platform = useStoreState((s) => s.platform);
  const project = useStoreState((s) => s.project);
  const selection = useStoreState((s) => s.selection);
  const vms = project.config.vmlist;
  const owners = useMemo(() => cpuOwners(project, platform?.cpus ?? 0), [project, platform]);
  // A platform device is taken when any VM's device window covers part of it (a VM may pass
  // several adjacent devices through as one window, like the workshop's virtio-mmio range).
  const devOwners = useMemo(() => {
    const m = new Map<number, string[]>();
    platform?.devices.forEach((pd, j) => {
      const names: string[] = [];
      vms.forEach((vm, i) => {
        if (vm.platform.devs.some((d) => d.pa < pd.pa + pd.size && pd.pa < d.pa + d.size))
          names.push(vm.meta?.name ?? `vm${i}`);
      });
      if (names.length) m.set(j, names);
    });
    return m;
  }, [vms, platform]);
  const used = useMemo(() => hostRangesInUse(project), [project]);
  if (!platform) {
    return (
      <div className="node" data-testid="platform-node" style={{ width: 280 }}>
        <div className="node-head">
          <span className="title">{project.target.platform}</span>
        </div>
        <div className="node-section placeholder">This platform is not in the catalog.</div>
      </div>
    );
  }
  const vmName = (i: number | undefined) =>
    i === undefined ? '' : (vms[i]?.meta?.name ?? `vm${i}`);
  return (
    <div
      className={`node platform-node${samePath(selection?.path, ['platform']) ? ' selected' : ''}`}
      data-testid="platform-node"
      style={{ width: 300 }}
      onClick={() => store.select(['platform'])}
    >
      <div className="node-head">
        <span className="title">{platform.name}</span>
        <span className="kind">{platform.irqc.type || platform.arch}</span>
      </div>
      <div className="node-section">
        <div className="label">
          <span>CPUs</span>
          <span>
            {owners.filter((o) => o !== undefined).length}/{platform.cpus} used
          </span>
        </div>
        <div className="chips">
          {owners.map((o, c) => (
            <span
              key={c}
              className={`chip nodrag${o !== undefined ? ' used' : ''}`}
              draggable
              data-testid={`platform-cpu-${c}`}
              title={
                o !== undefined
                  ? `CPU ${c}: used by ${vmName(o)}`
                  : `CPU ${c}: drag onto a VM to pin it there`
              }
              onDragStart={(e) => setDragPayload(e, { type: 'cpu', cpu: c })}
            >
              CPU{c}
            </span>
          ))}
        </div>
      </div>
      <div className="node-section">
        <div className="label">Memory</div>
        {platform.regions.map((r, j) => {
          const inUse = used
            .filter((u) => u.base < r.base + r.size && r.base < u.base + u.size)
            .reduce((a, u) => a + u.size, 0n);
          return (
            <div
              key={j}
              className="res-row nodrag"
              draggable
              data-testid={`platform-mem-${j}`}
              title="Drag onto a VM to give it 64 MiB here (edit the size in the inspector)"
              onDragStart={(e) => setDragPayload(e, { type: 'memory', region: j })}
            >
              <span className="name">RAM {humanSize(r.size)}</span>
              <span className="addr">{toHex(r.base)}</span>
              <span className="irq" style={{ color: 'var(--fg-dim)' }}>
                {humanSize(inUse)} used
              </span>
            </div>
          );
        })}
      </div>
      <div className="node-section">
        <div className="label">
          <span>Devices</span>
          <span>{platform.devices.length}</span>
        </div>
        <div className="platform-list nowheel">
          {platform.devices.map((d, j) => {
            const own = devOwners.get(j);
            return (
              <div
                key={j}
                className={`res-row nodrag${own ? ' used' : ''}`}
                draggable
                data-testid={`platform-dev-${j}`}
                data-name={d.name}
                title={
                  own
                    ? `${d.name}: assigned to ${own.join(', ')}`
                    : `${d.name}: drag onto a VM to pass it through`
                }
                onDragStart={(e) => setDragPayload(e, { type: 'device', index: j })}
              >
                <span className="name">{d.name}</span>
                <span className="addr">{toHex(d.pa)}</span>
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
      </div>
    </div>
  );
}

export const PlatformNode = memo(PlatformNodeImpl);
