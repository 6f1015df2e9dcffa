// Entry of a Node worker thread hosting one machine (spawned by ./spawn.ts).
import { parentPort } from 'node:worker_threads';
import { serveMachine } from '../worker-server.js';
import { loadEmuWasm } from './wasm.js';

if (!parentPort) throw new Error('worker-entry.ts must run in a worker thread');
const port = parentPort;
serveMachine(
  { post: (m) => port.postMessage(m), listen: (h) => port.on('message', h) },
  loadEmuWasm,
);
