// Each VM's guest-physical map next to the host-physical map; overlaps are highlighted.
import { useMemo } from 'react';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { humanSize, toHex } from '../state/numbers.js';
import { vmColor } from '../canvas/colors.js';
import { addressMaps, type MapEntry } from './entries.js';

const KIND_COLOR: Record<MapEntry['kind'], string> = {
  memory: 'var(--vm-0)',
  device: 'var(--vm-3)',
  ipc: 'var(--vm-2)',
  remio: 'var(--vm-4)',
  shmem: 'var(--vm-2)',
  'platform-memory': 'var(--fg-faint)',
  hypervisor: 'var(--error)',
};

function Entry({ e, testid, floating }: { e: MapEntry; testid: string; floating?: boolean }) {
  const store = useDesigner();
  const end = e.base + e.size - (e.size > 0n ? 1n : 0n);
  return (
    <div
      className={`amap-entry${e.overlaps.length ? ' overlap' : ''}`}
      data-testid={testid}
      data-overlaps={e.overlaps.join(', ')}
      onClick={() => e.path && store.select(e.path)}
    >
      <div
        className="bar"
        style={{
          background:
            e.vm !== undefined && e.kind === 'memory' ? vmColor(e.vm) : KIND_COLOR[e.kind],
        }}
      />
      <div>
        <div className="range">
          {floating ? 'anywhere free (Bao allocates)' : `${toHex(e.base)} – ${toHex(end)}`}
        </div>
        <div className="what">
          {e.kind} · {e.name} · {humanSize(e.size)}
        </div>
      </div>
    </div>
  );
}

export function AddressMap() {
  const project = useStoreState((s) => s.project);
  const platform = useStoreState((s) => s.platform);
  const maps = useMemo(() => addressMaps(project, platform), [project, platform]);
  if (project.config.vmlist.length === 0) {
    return (
      <div className="empty" data-testid="addrmap-empty">
        <h3>No address maps yet</h3>
        <p>
          Add a VM and give it memory and devices on the canvas; its guest-physical map and the host
          map appear here.
        </p>
      </div>
    );
  }
  return (
    <div className="panel-body" data-testid="addrmap">
      <div className="addrmap">
        <div className="col" data-testid="addrmap-host">
          <h4>Host physical</h4>
          {maps.host.map((e, k) => (
            <Entry key={k} e={e} testid={`amap-host-${k}`} />
          ))}
          {maps.floating.length > 0 && (
            <>
              <div className="amap-gap">Placed by Bao in free memory (no place_phys):</div>
              {maps.floating.map((e, k) => (
                <Entry key={k} e={e} testid={`amap-float-${k}`} floating />
              ))}
            </>
          )}
        </div>
        {maps.guests.map((g) => (
          <div className="col" key={g.vm} data-testid={`addrmap-vm-${g.vm}`}>
            <h4>
              <span className="dot" style={{ background: vmColor(g.vm) }} />
              {g.name}{' '}
              <span className="kind" style={{ color: 'var(--fg-dim)', fontWeight: 400 }}>
                guest physical
              </span>
            </h4>
            {g.entries.length === 0 && <div className="amap-gap">nothing mapped yet</div>}
            {g.entries.map((e, k) => (
              <Entry key={k} e={e} testid={`amap-vm-${g.vm}-${k}`} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
