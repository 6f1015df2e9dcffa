// Test page: boots OpenSBI + the payload in a Web Worker through core/emu/web and publishes the
// result on window.__emu for the Chromium test (test/emu/web/web-worker.test.ts).
import { spawnMachineWorker } from '../../../core/emu/web/spawn.js';

declare global {
  interface Window {
    __emu?: {
      output: string;
      reason?: string;
      error?: string;
      counts?: string[];
      /** The same boot with the JIT translating from the first instruction. */
      jit?: { output: string; reason?: string; counts?: string[] };
    };
  }
}

async function fetchFile(name: string): Promise<{ name: string; bytes: Uint8Array }> {
  const r = await fetch(`/files/${name}`);
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return { name, bytes: new Uint8Array(await r.arrayBuffer()) };
}

async function main(): Promise<void> {
  const state: NonNullable<Window['__emu']> = { output: '' };
  const client = spawnMachineWorker(new URL('./worker.js', import.meta.url));
  client.onUart((b) => (state.output += new TextDecoder('latin1').decode(b)));
  try {
    await client.call('create', { harts: 2, ramSize: 256n << 20n });
    await client.call('boot', {
      bios: await fetchFile('fw_jump.elf'),
      kernel: await fetchFile('payload.elf'),
    });
    const r = await client.call('run', { timeoutMs: 60_000 });
    state.reason = r.reason;
    state.counts = (await client.call('instructionCounts')).map(String);
    // again with the JIT on from the first instruction: translated blocks compiled and run in
    // the browser's worker must give the very same run
    const jit: NonNullable<NonNullable<Window['__emu']>['jit']> = { output: '' };
    const client2 = spawnMachineWorker(new URL('./worker.js', import.meta.url));
    client2.onUart((b) => (jit.output += new TextDecoder('latin1').decode(b)));
    await client2.call('create', {
      harts: 2,
      ramSize: 256n << 20n,
      jit: { threshold: 8, after: 0 },
    });
    await client2.call('boot', {
      bios: await fetchFile('fw_jump.elf'),
      kernel: await fetchFile('payload.elf'),
    });
    jit.reason = (await client2.call('run', { timeoutMs: 60_000 })).reason;
    jit.counts = (await client2.call('instructionCounts')).map(String);
    state.jit = jit;
  } catch (e) {
    state.error = String(e);
  }
  window.__emu = state;
}

void main();
