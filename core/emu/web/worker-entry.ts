// Entry of a browser Web Worker hosting one machine (spawned by ./spawn.ts).
import { serveMachine } from '../worker-server.js';

const scope = self as unknown as {
  postMessage(m: unknown): void;
  addEventListener(t: 'message', h: (e: MessageEvent) => void): void;
};
serveMachine(
  {
    post: (m) => scope.postMessage(m),
    listen: (h) => scope.addEventListener('message', (e) => h(e.data)),
  },
  async () => WebAssembly.compileStreaming(fetch(new URL('../build/emu.wasm', import.meta.url))),
);
