// Address → symbol lookup over the ELF images a machine loaded, for the debugger's disassembly,
// the boot timeline and `bao-studio emu --trace` ("0x80200010 <payload_main+0x10>").
import type { ImageSymbols } from './loaders/boot-plan.js';
import type { ElfSymbol } from './loaders/elf.js';

export interface SymbolHit {
  name: string;
  offset: bigint;
  file: string;
}

export class SymbolTable {
  private readonly sorted: (ElfSymbol & { file: string })[];

  constructor(images: ImageSymbols[]) {
    // Functions and objects only (type 1/2), or untyped labels when an image has nothing else.
    this.sorted = images
      .flatMap((img) => img.symbols.map((s) => ({ ...s, file: img.file })))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : b.type - a.type));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The symbol containing addr (or the nearest one below it, for symbols without a size). */
  lookup(addr: bigint): SymbolHit | undefined {
    let lo = 0;
    let hi = this.sorted.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].value <= addr) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return undefined;
    // Among symbols at the same address prefer a function, then one whose size covers addr.
    let s = this.sorted[best];
    for (let i = best; i >= 0 && this.sorted[i].value === s.value; i--)
      if (this.sorted[i].type === 2) s = this.sorted[i];
    if (s.size > 0n && addr >= s.value + s.size) return undefined;
    return { name: s.name, offset: addr - s.value, file: s.file };
  }

  /** The address of a symbol by name. */
  find(name: string): bigint | undefined {
    return this.sorted.find((s) => s.name === name)?.value;
  }

  /** `0x80200010 <payload_main+0x10>`, or just the address. */
  format(addr: bigint): string {
    const hit = this.lookup(addr);
    const a = '0x' + addr.toString(16);
    if (!hit) return a;
    return `${a} <${hit.name}${hit.offset ? '+0x' + hit.offset.toString(16) : ''}>`;
  }
}
