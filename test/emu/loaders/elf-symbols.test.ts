// ELF symbol tables against binutils' nm: the same symbols at the same addresses, in address
// order, also above 2^53 (kernels linked at 0xffffffc0...).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseElf64 } from '../../../core/emu/loaders/elf.js';
import { planBoot } from '../../../core/emu/loaders/boot-plan.js';
import { CROSS_GCC, missing } from '../support/tools.js';

const NM = 'riscv64-unknown-elf-nm';
const skip = missing({ commands: [CROSS_GCC, NM] });
const dir = mkdtempSync(join(tmpdir(), 'bao-studio-elf-symbols-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A program with many functions and objects, defined in an order unrelated to their addresses. */
function build(vma: string, lma: string): string {
  const n = 300;
  const order = Array.from({ length: n }, (_, i) => (i * 97) % n); // a permutation
  const src = [
    ...order.map((i) => `int data_${i}[${1 + (i % 5)}] = {${i}};`),
    ...order.map(
      (i) => `__attribute__((noinline)) int fn_${i}(int x) { return x * ${i} + data_${i}[0]; }`,
    ),
    `int bss_counter;`,
    `void _start(void) { int s = 0;`,
    ...order.map((i) => `  s += fn_${i}(s);`),
    `  bss_counter = s; for (;;); }`,
  ].join('\n');
  const ld = `SECTIONS {
  . = ${vma};
  .text : AT(${lma}) { *(.text*) }
  .data : { *(.data* .sdata*) }
  .bss : { *(.bss* .sbss*) }
}`;
  writeFileSync(join(dir, `p-${vma}.c`), src);
  writeFileSync(join(dir, `p-${vma}.ld`), ld);
  const out = join(dir, `p-${vma}.elf`);
  const r = spawnSync(
    CROSS_GCC,
    [
      '-O1',
      '-nostdlib',
      '-ffreestanding',
      '-march=rv64imac',
      '-mabi=lp64',
      '-mcmodel=medany',
      '-T',
      join(dir, `p-${vma}.ld`),
      join(dir, `p-${vma}.c`),
      '-o',
      out,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

/** nm's defined symbols in address order (nm -n), as "address name". */
function nmList(elf: string): string[] {
  const r = spawnSync(NM, ['-n', '--defined-only', elf], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.split(' '))
    .map(([addr, , name]) => `${BigInt('0x' + addr).toString(16)} ${name}`);
}

describe.skipIf(skip)('ELF symbols vs nm', () => {
  for (const [what, vma, lma] of [
    ['linked at its load address', '0x80200000', '0x80200000'],
    // a kernel-like VMA above 2^53, its text crossing a 4 GiB boundary (the high half changes)
    ['linked above 2^53, across 0xffffffc100000000', '0xffffffc0fffff000', '0x80200000'],
  ] as const)
    it(`lists nm's symbols in address order: ${what}`, () => {
      const elf = build(vma, lma);
      const ours = parseElf64(readFileSync(elf), elf).symbols.map(
        (s) => `${s.value.toString(16)} ${s.name}`,
      );
      expect(ours.length).toBeGreaterThan(600);
      expect(ours).toEqual(nmList(elf));
    });

  it('boot plans carry the symbols of their ELF images', () => {
    const elf = build('0x80200000', '0x80200000');
    const plan = planBoot({
      harts: 1,
      ramSize: 128n << 20n,
      kernel: { name: elf, bytes: readFileSync(elf) },
    });
    expect(plan.symbols.map((f) => f.file)).toEqual([elf]);
    expect(plan.symbols[0].symbols.map((s) => `${s.value.toString(16)} ${s.name}`)).toEqual(
      nmList(elf),
    );
  });
});
