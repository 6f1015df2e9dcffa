// ELF64 reader for RISC-V images: loadable segments by physical address (as QEMU's load_elf)
// and the symbol table, kept for the debugger's disassembly and breakpoints.
import { ImageError } from './errors.js';

export const EM_RISCV = 243;
const PT_LOAD = 1;
const PF_X = 1;
const SHT_SYMTAB = 2;

export interface ElfSegment {
  paddr: bigint;
  vaddr: bigint;
  /** File bytes; the segment is zero-filled from data.length up to memsz. */
  data: Uint8Array;
  memsz: bigint;
  flags: number;
}

export interface ElfSymbol {
  name: string;
  value: bigint;
  size: bigint;
  /** STT_*: 0 notype, 1 object, 2 func, 3 section, 4 file. */
  type: number;
}

export interface ElfImage {
  /** Entry point as QEMU computes it: moved to the physical address when vaddr ≠ paddr. */
  entry: bigint;
  segments: ElfSegment[];
  symbols: ElfSymbol[];
}

export function isElf(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x7f &&
    bytes[1] === 0x45 &&
    bytes[2] === 0x4c &&
    bytes[3] === 0x46
  );
}

export function parseElf64(bytes: Uint8Array, file: string): ElfImage {
  const fail = (msg: string): never => {
    throw new ImageError(`${file}: ${msg}`);
  };
  if (!isElf(bytes)) fail('not an ELF file');
  if (bytes.length < 64)
    fail(`truncated ELF: ${bytes.length} bytes, the ELF64 header alone needs 64`);
  if (bytes[4] !== 2) fail(`not a 64-bit ELF (EI_CLASS ${bytes[4]}); this machine is RV64`);
  if (bytes[5] !== 1) fail('not a little-endian ELF');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const machine = dv.getUint16(18, true);
  if (machine !== EM_RISCV)
    fail(`wrong machine: e_machine ${machine}, expected ${EM_RISCV} (RISC-V)`);
  const rawEntry = dv.getBigUint64(24, true);
  const phoff = Number(dv.getBigUint64(32, true));
  const shoff = Number(dv.getBigUint64(40, true));
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  const shentsize = dv.getUint16(58, true);
  const shnum = dv.getUint16(60, true);
  if (phnum && phentsize < 56) fail(`bad program header size ${phentsize}`);
  if (phoff + phnum * phentsize > bytes.length)
    fail(
      `truncated ELF: program headers end at ${phoff + phnum * phentsize}, file has ${bytes.length} bytes`,
    );

  let entry = rawEntry;
  const segments: ElfSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const flags = dv.getUint32(o + 4, true);
    const offset = Number(dv.getBigUint64(o + 8, true));
    const vaddr = dv.getBigUint64(o + 16, true);
    const paddr = dv.getBigUint64(o + 24, true);
    const filesz = dv.getBigUint64(o + 32, true);
    const memsz = dv.getBigUint64(o + 40, true);
    if (memsz === 0n) continue;
    if (filesz > memsz) fail(`segment ${i}: file size ${filesz} exceeds memory size ${memsz}`);
    if (offset + Number(filesz) > bytes.length)
      fail(
        `truncated ELF: segment ${i} needs bytes up to ${offset + Number(filesz)}, file has ${bytes.length}`,
      );
    segments.push({
      paddr,
      vaddr,
      data: bytes.subarray(offset, offset + Number(filesz)),
      memsz,
      flags,
    });
    // QEMU: the entry is virtual; if the code segment is linked elsewhere, move it to paddr.
    if (vaddr !== paddr && flags & PF_X && rawEntry >= vaddr && rawEntry < vaddr + filesz)
      entry = rawEntry - vaddr + paddr;
  }
  if (!segments.length) fail('no loadable segments');
  const sorted = [...segments].sort((a, b) => (a.paddr < b.paddr ? -1 : a.paddr > b.paddr ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.paddr + prev.memsz > sorted[i].paddr) {
      fail(
        `overlapping segments: [0x${prev.paddr.toString(16)}, 0x${(prev.paddr + prev.memsz).toString(16)}) and [0x${sorted[i].paddr.toString(16)}, ...)`,
      );
    }
  }
  // The symbol table is read on first use (the debugger's), not on the boot path: an unstripped
  // image can hold 10^4-10^5 symbols, tens to hundreds of ms before the first instruction.
  let symbols: ElfSymbol[] | undefined;
  return {
    entry,
    segments,
    get symbols(): ElfSymbol[] {
      return (symbols ??= readSymbols(bytes, dv, shoff, shentsize, shnum));
    },
  };
}

function readSymbols(
  file: Uint8Array,
  dv: DataView,
  shoff: number,
  shentsize: number,
  shnum: number,
): ElfSymbol[] {
  // Symbols are a debugging aid: a stripped or odd section table just yields none.
  if (!shoff || shentsize < 64 || shoff + shnum * shentsize > file.length) return [];
  // A plain view: subarrays of a Node Buffer are Buffers, several times slower to make.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  const dec = new TextDecoder();
  // value as two 32-bit halves, to sort without BigInt comparisons
  const found: { sym: ElfSymbol; hi: number; lo: number }[] = [];
  for (let i = 0; i < shnum; i++) {
    const s = shoff + i * shentsize;
    if (dv.getUint32(s + 4, true) !== SHT_SYMTAB) continue;
    const off = Number(dv.getBigUint64(s + 24, true));
    const size = Number(dv.getBigUint64(s + 32, true));
    const link = dv.getUint32(s + 40, true);
    const entsize = Number(dv.getBigUint64(s + 56, true)) || 24;
    if (link >= shnum || off + size > bytes.length) continue;
    const strS = shoff + link * shentsize;
    const strOff = Number(dv.getBigUint64(strS + 24, true));
    const strSize = Number(dv.getBigUint64(strS + 32, true));
    if (strOff + strSize > bytes.length) continue;
    for (let p = off + entsize; p + 24 <= off + size; p += entsize) {
      const nameOff = dv.getUint32(p, true);
      const info = bytes[p + 4];
      const type = info & 0xf;
      if (type > 2 || nameOff === 0 || nameOff >= strSize) continue; // skip sections and files
      let end = strOff + nameOff;
      while (end < strOff + strSize && bytes[end] !== 0) end++;
      const name = dec.decode(bytes.subarray(strOff + nameOff, end));
      if (!name || name.startsWith('$') || name.startsWith('.L')) continue; // mapping/local labels
      found.push({
        sym: {
          name,
          value: dv.getBigUint64(p + 8, true),
          size: dv.getBigUint64(p + 16, true),
          type,
        },
        hi: dv.getUint32(p + 12, true),
        lo: dv.getUint32(p + 8, true),
      });
    }
  }
  // stable: symbols at one address keep the table's order
  found.sort((a, b) => a.hi - b.hi || a.lo - b.lo);
  return found.map((f) => f.sym);
}
