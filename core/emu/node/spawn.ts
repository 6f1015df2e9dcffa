// Runs a machine in a Node worker thread, so the owner's event loop (CLI, Electron main, web
// server) stays responsive while the guest runs.
import { Worker } from 'node:worker_threads';
import { MachineClient } from '../worker-client.js';

/** Starts a worker thread with an empty machine slot; call `create` on the returned client. */
export function spawnMachineWorker(): MachineClient {
  const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url));
  const client = new MachineClient(
    { post: (m) => worker.postMessage(m), listen: (h) => worker.on('message', h) },
    () => void worker.terminate(),
  );
  worker.on('error', (e) => client.failAll(`machine worker failed: ${e.message}`));
  worker.on('exit', (code) => client.failAll(`machine worker exited (${code})`));
  return client;
}
