// Compiles the emulator's AssemblyScript hot path (core/emu/as) to core/emu/build/emu.wasm.
import { main } from 'assemblyscript/asc';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, 'build'), { recursive: true });
const { error, stderr } = await main([
  join(here, 'as/index.ts'),
  '--outFile',
  join(here, 'build/emu.wasm'),
  '--textFile',
  join(here, 'build/emu.wat'),
  '--optimizeLevel',
  '3',
  '--runtime',
  'stub',
  '--noAssert',
]);
if (error) {
  process.stderr.write(stderr.toString());
  process.exit(1);
}
