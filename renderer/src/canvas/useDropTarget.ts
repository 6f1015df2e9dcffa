// Makes an element accept resource drops (HTML5 DnD) and apply them to the store.
import { useState } from 'react';
import { useDesigner } from '../state/hooks.js';
import { dropEdit, getDragPayload, isResourceDrag } from './drag.js';

export function useDropTarget(vm: number) {
  const store = useDesigner();
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
        const op = dropEdit(payload, { vm }, store.getState().platform);
        if (op && store.apply(op.label, op.edit)) store.select(['config', 'vmlist', vm]);
      },
    },
  };
}
