// The preload: runs sandboxed with context isolation, and exposes exactly one thing to the page,
// the host transport (call + subscribe). No Node, no ipcRenderer, no arbitrary channels: the
// page can only send host calls, which main validates against the channel table.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_CALL, IPC_EVENT } from '../../core/host/ipc-names.js';

type Listener = (event: unknown) => void;
const listeners = new Set<Listener>();
// Events that arrive before the renderer subscribes (a project passed on the command line is
// sent as soon as the page loads, before React has mounted) wait here for the first listener.
const early: unknown[] = [];
const MAX_EARLY = 100;

ipcRenderer.on(IPC_EVENT, (_event, payload: unknown) => {
  if (listeners.size === 0) {
    if (early.length < MAX_EARLY) early.push(payload);
    return;
  }
  for (const listener of listeners) listener(payload);
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  call: (channel: unknown, args: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_CALL, channel, args),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    for (const payload of early.splice(0)) listener(payload);
    return () => {
      listeners.delete(listener);
    };
  },
});
