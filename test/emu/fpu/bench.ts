// Throughput of the FPU's hot operations, inside wasm (no JS call per operation), for the
// native RNE fast paths (rm=0) and the integer soft paths (rm=1, RTZ).
// Run: npx tsx test/emu/fpu/bench.ts   (not a test: speed is measured, never asserted)
import { main } from 'assemblyscript/asc';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FPU_ENTRY } from './fpu-wasm.js';

const OPS = [
  ['f64_add', 'u64', 2],
  ['f64_mul', 'u64', 2],
  ['f64_div', 'u64', 2],
  ['f64_sqrt', 'u64', 1],
  ['f64_mulAdd', 'u64', 3],
  ['f32_add', 'u32', 2],
  ['f32_mul', 'u32', 2],
  ['f32_div', 'u32', 2],
  ['f32_sqrt', 'u32', 1],
  ['f32_mulAdd', 'u32', 3],
] as const;

// Operands: random normal numbers in [1, 2^20), a realistic mix of exact and inexact results.
function harness(fpuImport: string): string {
  const loops = OPS.map(([fn, t, n]) => {
    const args = ['x', 'y', 'z'].slice(0, n).join(', ');
    const load = t === 'u64' ? 'load<u64>(p)' : 'load<u32>(p)';
    const step = t === 'u64' ? 8 : 4;
    return `export function run_${fn}(iters: i32, rm: u32): u64 {
  let acc: u64 = 0;
  for (let i = 0; i < iters; i++) {
    const p = <usize>((i & 1023) * ${step});
    const x = ${load}; const y = ${load.replace('(p)', `(p + ${step})`)}; const z = ${load.replace('(p)', `(p + ${2 * step})`)};
    acc += <u64>${fn}(${args}, rm);
  }
  return acc;
}`;
  });
  return `import { ${OPS.map(([fn]) => fn).join(', ')} } from '${fpuImport}';
export function fill(seed: u64): void {
  let s = seed;
  for (let i = 0; i < 1100; i++) {
    s = s * 6364136223846793005 + 1442695040888963407;
    const m = s >> 12;
    store<u64>(<usize>(i * 8), (<u64>(1023 + (i % 20)) << 52) | (m & 0xfffffffffffff));
  }
  for (let i = 0; i < 1100; i++) {
    s = s * 6364136223846793005 + 1442695040888963407;
    store<u32>(<usize>(16384 + i * 4), (<u32>(127 + (i % 20)) << 23) | <u32>((s >> 20) & 0x7fffff));
  }
}
${loops.join('\n').replaceAll('load<u32>(p', 'load<u32>(16384 + p')}
`;
}

const dir = mkdtempSync(join(tmpdir(), 'bao-studio-fpubench-'));
try {
  const src = join(dir, 'bench.ts');
  let rel = relative(dir, FPU_ENTRY).replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  writeFileSync(src, harness(rel));
  const out = join(dir, 'bench.wasm');
  const { error, stderr } = await main([
    src,
    '--outFile',
    out,
    '-O3',
    '--runtime',
    'stub',
    '--noAssert',
    '--initialMemory',
    '1',
  ]);
  if (error) throw new Error(stderr.toString());
  const { instance } = await WebAssembly.instantiate(readFileSync(out), {
    env: { abort: () => {} },
  });
  const x = instance.exports as Record<string, (...a: (number | bigint)[]) => bigint | void>;
  x.fill(12345n);
  const iters = 2_000_000;
  console.log(`op           RNE (fast) Mops/s   RTZ (soft) Mops/s`);
  for (const [fn] of OPS) {
    const rate = (rm: number): string => {
      x[`run_${fn}`](10_000, rm); // warm up
      const t0 = performance.now();
      x[`run_${fn}`](iters, rm);
      return (iters / (performance.now() - t0) / 1000).toFixed(1);
    };
    console.log(`${fn.padEnd(12)} ${rate(0).padStart(10)} ${rate(1).padStart(19)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
