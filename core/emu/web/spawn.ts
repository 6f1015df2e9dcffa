// Runs a machine in a Web Worker (the renderer in web mode and in Electron).
import { MachineClient } from '../worker-client.js';

export function spawnMachineWorker(): MachineClient {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
  const client = new MachineClient(
    {
      post: (m) => worker.postMessage(m),
      listen: (h) => worker.addEventListener('message', (e) => h(e.data)),
    },
    () => worker.terminate(),
  );
  worker.addEventListener('error', (e) => client.failAll(`machine worker failed: ${e.message}`));
  return client;
}
