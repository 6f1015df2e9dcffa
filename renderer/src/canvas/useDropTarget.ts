// Makes an element accept resource drops (HTML5 DnD) and apply them to the store.
import { useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useDesigner } from '../state/hooks.js';
import { dropEdit, getDragPayload, isResourceDrag } from './drag.js';

export function useDropTarget(vm: number) {
  const store = useDesigner();
  const flow = useReactFlow();
  const [over, setOver] = useState(false);
  return {
    over,
    props: {
      onDragOver: (e: React.DragEvent) => {
        if (!isResourceDrag(e)) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        if (!over) setOver(true);
      },
      onDragLeave: (e: React.DragEvent) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null))
          setOver(false);
      },
      onDrop: (e: React.DragEvent) => {
        setOver(false);
        const payload = getDragPayload(e);
        if (!payload || payload.type === 'vm') return;
        e.preventDefault();
        e.stopPropagation();
        // Anything the drop creates next to the VM (a shared memory) goes to its right.
        const node = flow.getNode(`vm:${vm}`);
        const position = node
          ? {
              x: Math.round(node.position.x + (node.measured?.width ?? 260) + 80),
              y: Math.round(node.position.y),
            }
          : undefined;
        const op = dropEdit(payload, { vm, position }, store.getState().platform);
        if (op && store.apply(op.label, op.edit)) store.select(['config', 'vmlist', vm]);
      },
    },
  };
}
