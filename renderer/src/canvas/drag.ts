// Drag-and-drop payloads (HTML5 DnD, so Playwright's dragTo and real mice behave the same) and
// what dropping one onto a VM or onto the empty canvas does to the model.
import type { Project } from '../../../core/bao/model/index.js';
import type { PlatformView } from '../domain/platform-view.js';
import {
  addVcpu,
  addVm,
  assignDevice,
  assignMemory,
  attachIpc,
  createIpcLink,
} from '../state/edits.js';

export const DRAG_MIME = 'application/x-bao-resource';

export type DragPayload =
  | { type: 'vm' }
  | { type: 'cpu'; cpu: number }
  | { type: 'vcpu' }
  | { type: 'memory'; region: number; size?: string }
  | { type: 'device'; index: number }
  | { type: 'ipc' }
  | { type: 'shmem'; shmem: number };

export function setDragPayload(e: React.DragEvent, payload: DragPayload) {
  e.dataTransfer.setData(DRAG_MIME, JSON.stringify(payload));
  e.dataTransfer.setData('text/plain', payload.type);
  e.dataTransfer.effectAllowed = 'copy';
}

export function getDragPayload(e: React.DragEvent): DragPayload | undefined {
  const raw = e.dataTransfer.getData(DRAG_MIME);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as DragPayload;
  } catch {
    return undefined;
  }
}

export function isResourceDrag(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes(DRAG_MIME);
}

/** The edit a drop performs, with its undo label; undefined when the drop means nothing there. */
export function dropEdit(
  payload: DragPayload,
  target: { vm?: number; position?: { x: number; y: number } },
  platform: PlatformView | undefined,
): { label: string; edit: (p: Project) => Project } | undefined {
  const vm = target.vm;
  if (payload.type === 'vm')
    return { label: 'Add VM', edit: (p) => addVm(p, platform, target.position).project };
  if (vm === undefined) return undefined;
  switch (payload.type) {
    case 'cpu':
      return { label: `Assign CPU ${payload.cpu}`, edit: (p) => addVcpu(p, vm, payload.cpu) };
    case 'vcpu':
      return { label: 'Add vCPU', edit: (p) => addVcpu(p, vm) };
    case 'memory':
      return { label: 'Assign memory', edit: (p) => assignMemory(p, vm, platform, payload.region) };
    case 'device': {
      const dev = platform?.devices[payload.index];
      if (!dev) return undefined;
      return {
        label: `Assign ${dev.name}`,
        edit: (p) => assignDevice(p, vm, dev, platform?.pageSize),
      };
    }
    case 'ipc':
      return {
        label: 'Add IPC',
        edit: (p) => createIpcLink(p, [vm], undefined, target.position).project,
      };
    case 'shmem':
      return {
        label: `Attach shmem ${payload.shmem}`,
        edit: (p) => attachIpc(p, vm, payload.shmem),
      };
  }
}
