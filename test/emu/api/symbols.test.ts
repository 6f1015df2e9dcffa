// Symbol lookup over a real ELF (the payload built with the cross compiler), checked against
// the cross toolchain's own nm.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CROSS_GCC, missing } from '../support/tools.js';
import { buildPayload } from '../support/payload.js';
import { parseElf64 } from '../../../core/emu/loaders/elf.js';
import { SymbolTable } from '../../../core/emu/symbols.js';

const NM = 'riscv64-unknown-elf-nm';
const skip = missing({ commands: [CROSS_GCC, NM] });
describe.skipIf(skip)('SymbolTable', () => {
  it('finds every function nm lists, by address and by name', () => {
    const elf = buildPayload();
    const table = new SymbolTable([
      { file: elf, symbols: parseElf64(readFileSync(elf), elf).symbols },
    ]);
    const nm = spawnSync(NM, ['-S', '--defined-only', elf], { encoding: 'utf8' }).stdout;
    const funcs = nm
      .split('\n')
      .map((l) => l.split(' '))
      .filter((p) => p.length === 4 && /^[Tt]$/.test(p[2]))
      .map(([addr, size, , name]) => ({
        addr: BigInt('0x' + addr),
        size: BigInt('0x' + size),
        name,
      }));
    expect(funcs.length).toBeGreaterThanOrEqual(3);
    for (const f of funcs) {
      expect(table.find(f.name)).toBe(f.addr);
      expect(table.lookup(f.addr)).toMatchObject({ name: f.name, offset: 0n });
      expect(table.format(f.addr + f.size - 2n)).toBe(
        `0x${(f.addr + f.size - 2n).toString(16)} <${f.name}+0x${(f.size - 2n).toString(16)}>`,
      );
    }
    expect(table.lookup(0x1000n)).toBeUndefined();
  });
});
