// Compiles core/emu/as/fpu on its own (its index.ts as the entry, so every function it exports
// is a wasm export) with the same asc options as the emulator build, and instantiates it.
import { main } from 'assemblyscript/asc';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FPU_ENTRY = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../core/emu/as/fpu/index.ts',
);

/** The wasm exports: u32/i32 as numbers, u64/i64 as bigints, `fpuFlags` as a global. */
export type FpuExports = Record<string, (...args: (number | bigint)[]) => number | bigint> & {
  fpuFlags: WebAssembly.Global;
};

export async function compileFpu(): Promise<FpuExports> {
  const dir = mkdtempSync(join(tmpdir(), 'bao-studio-fpu-'));
  try {
    const out = join(dir, 'fpu.wasm');
    const { error, stderr } = await main([
      FPU_ENTRY,
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
      env: {
        abort: () => {
          throw new Error('fpu wasm aborted');
        },
      },
    });
    return instance.exports as unknown as FpuExports;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
