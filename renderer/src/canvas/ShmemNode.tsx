// A shared-memory object; IPC edges connect it to the VMs that map it.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useDesigner, useStoreState } from '../state/hooks.js';
import { humanSize, toHex } from '../state/numbers.js';
import { samePath } from '../state/selection.js';
import { setDragPayload } from './drag.js';

function ShmemNodeImpl({ data }: NodeProps) {
  const i = (data as { index: number }).index;
  const store = useDesigner();
  const shmem = useStoreState((s) => s.project.config.shmemlist[i]);
  const selected = useStoreState((s) => samePath(s.selection?.path, ['config', 'shmemlist', i]));
  const related = useStoreState(
    (s) => s.selection?.related?.some((r) => samePath(r, ['config', 'shmemlist', i])) ?? false,
  );
  if (!shmem) return null;
  return (
    <div
      className={`node shmem-node${selected ? ' selected' : related ? ' related' : ''}`}
      style={{ minWidth: 150 }}
      data-testid={`shmem-node-${i}`}
      onClick={(e) => {
        e.stopPropagation();
        store.select(['config', 'shmemlist', i]);
      }}
    >
      <Handle type="target" position={Position.Left} className="vm-handle" id="in" />
      <Handle type="source" position={Position.Right} className="vm-handle" id="out" />
      <div className="node-head">
        <span className="title">{shmem.meta?.name ?? `shmem ${i}`}</span>
        <span className="kind">shmem {i}</span>
      </div>
      <div className="node-section">
        <div
          className="res-row nodrag"
          draggable
          title="Drag onto another VM to map this shared memory there too"
          onDragStart={(e) => setDragPayload(e, { type: 'shmem', shmem: i })}
        >
          <span className="name">{humanSize(shmem.size)}</span>
          {shmem.place_phys && <span className="addr">@ {toHex(shmem.phys)}</span>}
        </div>
      </div>
    </div>
  );
}

export const ShmemNode = memo(ShmemNodeImpl);
