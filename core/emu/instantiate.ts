// Instantiates emu.wasm with what it imports: the function table that translated blocks are
// placed in, and the JIT's translator (core/emu/jit), which the core calls when its queue of
// hot blocks fills.
import { JitTranslator, type JitExports } from './jit/translator.js';

export interface CoreInstance {
  instance: WebAssembly.Instance;
  jit: JitTranslator;
}

export async function instantiateCore(
  module: WebAssembly.Module,
  abort: (msg: number, file: number, line: number, col: number) => void = () => {},
): Promise<CoreInstance> {
  // the core itself uses slot 0 at most; translated blocks are appended
  const table = new WebAssembly.Table({ initial: 1, element: 'anyfunc' });
  // the core calls back into the translator, which needs the instance: created right after
  const late: { jit?: JitTranslator } = {};
  const instance = await WebAssembly.instantiate(module, {
    env: { abort, table, jitTranslate: () => late.jit?.translatePending() },
  });
  const jit = new JitTranslator(instance.exports as unknown as JitExports, table);
  late.jit = jit;
  return { instance, jit };
}
