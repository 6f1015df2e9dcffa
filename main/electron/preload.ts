// The preload: runs sandboxed with context isolation, and exposes exactly one thing to the page,
// the host transport (call + subscribe). No Node, no ipcRenderer, no arbitrary channels: the
// page can only send host calls, which main validates against the channel table.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, IPC_CALL, IPC_EVENT } from '../../core/host/ipc-names.js';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  call: (channel: unknown, args: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_CALL, channel, args),
  subscribe(listener: (event: unknown) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
});
