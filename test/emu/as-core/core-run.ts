// Minimal direct driver of emu.wasm for the core's own tests (options the TS API does not expose
// yet, e.g. AIA): loads an ELF's PT_LOAD segments, writes QEMU's reset vector, runs to power-off.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WASM = join(dirname(fileURLToPath(import.meta.url)), '../../../core/emu/build/emu.wasm');

interface Core {
  memory: WebAssembly.Memory;
  create(ram: bigint, harts: number): number;
  reset(): void;
  setOption(id: number, v: bigint): void;
  ramOffset(): number;
  romOffset(): number;
  run(n: bigint): number;
  uartPop(): number;
}

export interface CoreRun {
  output: string;
  stop: number;
}

export async function runElfInCore(
  elfPath: string,
  options: Record<number, bigint> = {},
  maxInsns = 50_000_000n,
): Promise<CoreRun> {
  const { instance } = await WebAssembly.instantiate(readFileSync(WASM), {
    env: {
      abort() {
        throw new Error('emu.wasm abort');
      },
    },
  });
  const e = instance.exports as unknown as Core;
  if (e.create(256n << 20n, 1) !== 0) throw new Error('create failed');
  for (const [id, v] of Object.entries(options)) e.setOption(Number(id), v);
  e.reset();
  const elf = readFileSync(elfPath);
  const dv = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const entry = dv.getBigUint64(24, true);
  const phoff = Number(dv.getBigUint64(32, true));
  const phentsize = dv.getUint16(54, true);
  const mem = new Uint8Array(e.memory.buffer);
  for (let i = 0; i < dv.getUint16(56, true); i++) {
    const p = phoff + i * phentsize;
    if (dv.getUint32(p, true) !== 1) continue;
    const off = Number(dv.getBigUint64(p + 8, true));
    const pa = dv.getBigUint64(p + 24, true);
    const size = Number(dv.getBigUint64(p + 32, true));
    mem.set(elf.subarray(off, off + size), e.ramOffset() + Number(pa - 0x80000000n));
  }
  const rom = new DataView(e.memory.buffer, e.romOffset(), 0x40);
  [0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067].forEach((w, i) =>
    rom.setUint32(i * 4, w, true),
  );
  rom.setBigUint64(0x18, entry, true);
  rom.setBigUint64(0x20, 0n, true);
  let output = '';
  const stop = e.run(maxInsns);
  for (let c; (c = e.uartPop()) >= 0;) output += String.fromCharCode(c);
  return { output, stop };
}
