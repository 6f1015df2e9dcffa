// The core never traps the WebAssembly host, whatever the guest executes, and it is
// deterministic: random memory run as code from random states (M/S/VS, MMU on or off, AIA on or
// off) finishes its budget without an exception, and two identical runs end in identical states.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiateCore } from '../../../core/emu/instantiate.js';
import { xorshift } from '../jit/support/random-program.js';

const WASM = join(dirname(fileURLToPath(import.meta.url)), '../../../core/emu/build/emu.wasm');

interface Core {
  memory: WebAssembly.Memory;
  create(ram: bigint, harts: number): number;
  reset(): void;
  setOption(id: number, v: bigint): void;
  ramOffset(): number;
  run(n: bigint): number;
  lastRunInsns(): bigint;
  setPC(h: number, v: bigint): void;
  getPC(h: number): bigint;
  setX(h: number, i: number, v: bigint): void;
  getX(h: number, i: number): bigint;
  setCSR(h: number, n: number, v: bigint): number;
  getCSR(h: number, n: number): bigint;
  setPriv(h: number, p: number, v: number): void;
  instret(h: number): bigint;
}

async function garbageRun(seed: number): Promise<string> {
  const { instance } = await instantiateCore(new WebAssembly.Module(readFileSync(WASM)), () => {
    throw new Error('abort');
  });
  const e = instance.exports as unknown as Core;
  const rnd = xorshift(seed);
  expect(e.create(8n << 20n, 2)).toBe(0);
  e.setOption(9, BigInt(rnd() % 3));
  e.setOption(10, BigInt(rnd() % 3));
  e.setOption(6, 1n);
  e.setOption(7, 1n);
  e.reset();
  const words = new Uint32Array(e.memory.buffer, e.ramOffset(), 1 << 16);
  for (let i = 0; i < words.length; i++) words[i] = rnd();
  const inRam = () => 0x80000000n + BigInt((rnd() % 65536) * 4);
  for (let h = 0; h < 2; h++) {
    e.setPC(h, inRam());
    for (let r = 1; r < 32; r++) e.setX(h, r, (BigInt(rnd()) << 32n) | BigInt(rnd()));
    e.setCSR(h, 0x305, inRam());
    e.setCSR(h, 0x105, inRam());
    e.setCSR(h, 0x205, inRam());
    e.setCSR(h, 0x3b0, -1n);
    e.setCSR(h, 0x3a0, 0x1fn);
    e.setCSR(h, 0x302, BigInt(rnd() & 0xb3ff));
    if (rnd() % 2) e.setCSR(h, 0x180, (8n << 60n) | (0x80000n + BigInt(rnd() % 16)));
    if (rnd() % 2) e.setCSR(h, 0x680, (8n << 60n) | 0x80004n);
    e.setPriv(h, [0, 1, 3][rnd() % 3], rnd() % 2);
  }
  const stop = e.run(1_000_000n);
  const state = [stop, e.lastRunInsns()];
  for (let h = 0; h < 2; h++) {
    state.push(e.getPC(h), e.instret(h), e.getCSR(h, 0x342), e.getCSR(h, 0x142));
    for (let r = 1; r < 32; r++) state.push(e.getX(h, r));
  }
  return state.join(',');
}

describe.skipIf(!existsSync(WASM))('robustness and determinism of the core', () => {
  it('random code never traps the host and replays identically', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const a = await garbageRun(seed * 7919);
      const b = await garbageRun(seed * 7919);
      expect(a).toBe(b);
    }
  });
});
