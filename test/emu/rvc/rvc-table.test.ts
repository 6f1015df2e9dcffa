// The RVC expansion table that every machine builds at creation (core/emu/as/rvc.ts rvcInit, on
// the start-up path and written for speed) must hold exactly expand(c) for every halfword, and
// expand must agree with the C extension's definition (pairs from binutils' encodings).
import { main } from 'assemblyscript/asc';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const AS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../core/emu/as');

interface Rvc {
  memory: WebAssembly.Memory;
  rvcInit(): void;
  expand(c: number): number;
}

let rvc: Rvc;
let table: Uint32Array;

beforeAll(async () => {
  // rvc.ts on its own as the entry: its exported functions become the module's exports.
  const dir = mkdtempSync(join(tmpdir(), 'bao-studio-rvc-'));
  try {
    const out = join(dir, 'rvc.wasm');
    const { error, stderr } = await main([
      join(AS_DIR, 'rvc.ts'),
      '--outFile',
      out,
      '--optimizeLevel',
      '3',
      '--runtime',
      'stub',
      '--noAssert',
    ]);
    if (error) throw new Error(`asc failed: ${error.message}\n${stderr.toString()}`);
    const { instance } = await WebAssembly.instantiate(readFileSync(out), {
      env: { abort: () => {} },
    });
    rvc = instance.exports as unknown as Rvc;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const at = /RVC_TABLE: usize = (0x[0-9a-f]+)/i.exec(
    readFileSync(join(AS_DIR, 'layout.ts'), 'utf8'),
  );
  if (!at) throw new Error('RVC_TABLE not found in core/emu/as/layout.ts');
  const base = Number(at[1]);
  const need = Math.ceil((base + 0x40000) / 0x10000) - rvc.memory.buffer.byteLength / 0x10000;
  if (need > 0) rvc.memory.grow(need);
  // garbage first: the table must not rely on the memory being fresh
  new Uint32Array(rvc.memory.buffer, base, 0x10000).fill(0xdeadbeef);
  rvc.rvcInit();
  table = new Uint32Array(rvc.memory.buffer, base, 0x10000);
}, 60_000);

describe('RVC expansion table', () => {
  it('holds expand(c) for every 16-bit halfword, and 0 for the 32-bit quadrant', () => {
    let wrong = 0;
    let first = -1;
    let expanded = 0;
    for (let c = 0; c < 0x10000; c++) {
      const want = (c & 3) === 3 ? 0 : rvc.expand(c) >>> 0;
      if (table[c] !== want) {
        wrong++;
        if (first < 0) first = c;
      }
      if (want) expanded++;
    }
    expect(wrong, `first wrong entry 0x${first.toString(16)}`).toBe(0);
    // most of the three compressed quadrants is legal (RV64C leaves few reserved encodings)
    expect(expanded).toBeGreaterThan(0xc000 * 0.9);
  });

  it('expands as the C extension defines (binutils encodings)', () => {
    const pairs: [number, number, string][] = [
      [0x0001, 0x00000013, 'c.nop = addi zero,zero,0'],
      [0x4505, 0x00100513, 'c.li a0,1'],
      [0x9002, 0x00100073, 'c.ebreak'],
      [0x8082, 0x00008067, 'c.jr ra'],
      [0x1141, 0xff010113, 'c.addi sp,-16'],
      [0xe406, 0x00113423, 'c.sdsp ra,8(sp)'],
      [0x415c, 0x00452783, 'c.lw a5,4(a0)'],
      [0xc501, 0x00050463, 'c.beqz a0,.+8'],
      [0x0000, 0, 'all zeros: illegal'],
    ];
    for (const [c, want, what] of pairs) {
      expect(table[c], what).toBe(want);
      expect(rvc.expand(c) >>> 0, what).toBe(want);
    }
  });
});
