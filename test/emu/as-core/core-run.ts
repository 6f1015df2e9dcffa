// Minimal direct driver of emu.wasm for the core's own tests (options the TS API does not expose
// yet, e.g. AIA): loads an ELF's PT_LOAD segments, writes QEMU's reset vector, runs to power-off.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiateCore } from '../../../core/emu/instantiate.js';

const WASM = join(dirname(fileURLToPath(import.meta.url)), '../../../core/emu/build/emu.wasm');

interface Core {
  memory: WebAssembly.Memory;
  create(ram: bigint, harts: number): number;
  reset(): void;
  setOption(id: number, v: bigint): void;
  ramOffset(): number;
  romOffset(): number;
  run(n: bigint): number;
  lastRunInsns(): bigint;
  uartPop(): number;
  uartPush(b: number): number;
}

/** A created, reset core (the JIT stays off: these tests drive the interpreter). */
async function newCore(ram: bigint, harts: number, options: Record<number, bigint>): Promise<Core> {
  const { instance } = await instantiateCore(new WebAssembly.Module(readFileSync(WASM)), () => {
    throw new Error('emu.wasm abort');
  });
  const e = instance.exports as unknown as Core;
  if (e.create(ram, harts) !== 0) throw new Error('create failed');
  for (const [id, v] of Object.entries(options)) e.setOption(Number(id), v);
  e.reset();
  return e;
}

/** QEMU virt's reset vector in the boot ROM: a0 = hartid, a1 = fdt, jump to entry. */
function writeResetVector(e: Core, entry: bigint, fdt: bigint): void {
  const rom = new DataView(e.memory.buffer, e.romOffset(), 0x40);
  [0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067].forEach((w, i) =>
    rom.setUint32(i * 4, w, true),
  );
  rom.setBigUint64(0x18, entry, true);
  rom.setBigUint64(0x20, fdt, true);
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
  const e = await newCore(256n << 20n, 1, options);
  writeResetVector(e, loadElf(e, elfPath), 0n);
  let output = '';
  const stop = e.run(maxInsns);
  for (let c; (c = e.uartPop()) >= 0;) output += String.fromCharCode(c);
  return { output, stop };
}

export interface FirmwareBoot {
  /** OpenSBI (or any) ELF loaded at its physical addresses; entry = start address. */
  bios: string;
  /** Raw image placed at 0x80200000 (QEMU's -kernel with -bios on RV64). */
  kernelBin?: string;
  /** Device tree blob placed like QEMU: 2 MiB-aligned below the end of RAM (at most 3 GiB). */
  dtb: Uint8Array;
  harts: number;
  ramMiB: number;
  /** Stop once this text appeared in the UART output. */
  until: string;
  /** Typed once `until` appeared; the run then continues until `untilAfter` appears. */
  input?: string;
  untilAfter?: string;
  options?: Record<number, bigint>;
  maxInsns?: bigint;
}

function loadElf(e: Core, path: string): bigint {
  const elf = readFileSync(path);
  const dv = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
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
  return dv.getBigUint64(24, true);
}

/** Boots firmware like QEMU virt (reset vector in the boot ROM, a0 = hartid, a1 = FDT). */
export async function bootFirmware(b: FirmwareBoot): Promise<{ output: string; insns: bigint }> {
  const e = await newCore(BigInt(b.ramMiB) << 20n, b.harts, b.options ?? {});
  const entry = loadElf(e, b.bios);
  const mem = new Uint8Array(e.memory.buffer);
  if (b.kernelBin) mem.set(readFileSync(b.kernelBin), e.ramOffset() + 0x200000);
  const dtbSize = new DataView(b.dtb.buffer, b.dtb.byteOffset).getUint32(4, false);
  const ramEnd = 0x80000000n + BigInt(Math.min(b.ramMiB, 3072)) * 0x100000n;
  const fdt = (ramEnd - BigInt(dtbSize)) & ~0x1fffffn;
  mem.set(b.dtb.subarray(0, dtbSize), e.ramOffset() + Number(fdt - 0x80000000n));
  writeResetVector(e, entry, fdt);
  let output = '';
  let insns = 0n;
  let typedAt = -1;
  const max = b.maxInsns ?? 2_000_000_000n;
  while (insns < max) {
    const stop = e.run(5_000_000n);
    insns += e.lastRunInsns();
    for (let c; (c = e.uartPop()) >= 0;) output += String.fromCharCode(c);
    if (typedAt < 0 && output.includes(b.until)) {
      if (!b.input) break;
      typedAt = output.length;
      for (const ch of b.input) e.uartPush(ch.charCodeAt(0));
      continue;
    }
    if (typedAt >= 0 && output.slice(typedAt).includes(b.untilAfter ?? '')) break;
    if (stop === 2) break;
  }
  return { output, insns };
}
