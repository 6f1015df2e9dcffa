// Reads the compiled emulator core for Node hosts (CLI, tests, the Electron main process).
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WASM_PATH = fileURLToPath(new URL('../build/emu.wasm', import.meta.url));

let cached: WebAssembly.Module | undefined;

/** The compiled module (compiled once per thread). */
export async function loadEmuWasm(): Promise<WebAssembly.Module> {
  if (!cached) {
    if (!existsSync(WASM_PATH)) throw new Error(`${WASM_PATH} is missing: run npm run build:wasm`);
    cached = await WebAssembly.compile(readFileSync(WASM_PATH));
  }
  return cached;
}
