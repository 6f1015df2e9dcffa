// Runs a machine in a Web Worker (the renderer in web mode and in Electron).
import { MachineClient } from '../worker-client.js';

/**
 * Starts a Web Worker with an empty machine slot. Bundlers (Vite) turn the default URL into a
 * worker chunk; `workerUrl` points at an already bundled worker-entry instead.
 */
export function spawnMachineWorker(workerUrl?: string | URL): MachineClient {
  const worker = workerUrl
    ? new Worker(workerUrl, { type: 'module' })
    : new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
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
