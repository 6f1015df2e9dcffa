// One boot in a fresh process, for `npm run bench`: the other rows are medians of runs in one
// process, where V8 reuses the modules the JIT compiled in earlier runs (same blocks, same bytes)
// and its own code is warm. A user's first boot after starting the app (or a one-shot
// `bao-studio emu`) gets neither: this measures it, from compiling emu.wasm to the payload's line.
// Usage: node --import tsx test/bench/first-boot.ts HARTS  → prints one JSON line.
import { readFileSync } from 'node:fs';
import { Machine } from '../../core/emu/machine.js';
import { WASM_PATH } from '../../core/emu/node/wasm.js';
import { fileArg } from '../emu/support/emu.js';
import { buildPayload } from '../emu/support/payload.js';
import { FW_JUMP } from '../emu/support/tools.js';

const harts = Number(process.argv[2] ?? 1);
const kernel = fileArg(buildPayload());
const bios = fileArg(FW_JUMP);
const wasm = readFileSync(WASM_PATH);
const t0 = performance.now();
const c0 = process.cpuUsage();
const module = await WebAssembly.compile(wasm);
const compiled = performance.now();
const machine = await Machine.create(module, { harts, ramSize: 256n << 20n });
machine.boot({ bios, kernel });
let out = '';
let payloadMs = NaN;
let cpuMs = NaN;
machine.onUart((b) => {
  out += Buffer.from(b).toString('latin1');
  if (Number.isNaN(payloadMs) && out.includes('payload: hello through the SBI console')) {
    payloadMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpuMs = (c.user + c.system) / 1000;
  }
});
await machine.runUntil({
  timeoutMs: 60_000,
  chunk: 100_000n,
  until: () => !Number.isNaN(payloadMs),
});
const j = machine.jitStats();
console.log(
  JSON.stringify({ compileMs: compiled - t0, payloadMs, cpuMs, jitBlocks: j.blocks, jitMs: j.ms }),
);
