// Compiles the emulator's AssemblyScript hot path (core/emu/as) to WebAssembly:
//   build/emu.wasm         exports its own (shared) memory (one thread owns the machine)
// Set EMU_WAT=1 to also write the text format next to emu.wasm.
import { main } from 'assemblyscript/asc';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'build'), { recursive: true });
const common = [
  join(here, 'as/index.ts'),
  '--optimizeLevel',
  '3',
  '--runtime',
  'stub',
  '--noAssert',
  // the JIT's translated blocks are placed in this table by their own modules (core/emu/jit)
  '--importTable',
];
const variants = [
  [
    '--outFile',
    join(here, 'build/emu.wasm'),
    // Its own memory, declared shared: V8 counts a non-shared memory's whole length as the
    // isolate's external memory, so growing it for guest RAM (128 MiB–3 GiB) started garbage
    // collections that were 85–90 % of a machine's start-up (see core/emu/guest-ram.ts).
    '--sharedMemory',
    '--maximumMemory',
    '65536',
    '--enable',
    'threads',
    ...(process.env.EMU_WAT ? ['--textFile', join(here, 'build/emu.wat')] : []),
  ],
];
for (const v of variants) {
  const { error, stderr } = await main([...common, ...v]);
  if (error) {
    process.stderr.write(stderr.toString());
    process.exit(1);
  }
}
