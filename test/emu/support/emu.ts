// Runs images in our emulator for tests: finds out whether core/emu/build/emu.wasm implements
// the ABI yet (tests skip with a clear message while the core is being written).
import { existsSync, readFileSync } from 'node:fs';
import { Machine, type RunResult } from '../../../core/emu/machine.js';
import { missingExports } from '../../../core/emu/abi.js';
import { WASM_PATH } from '../../../core/emu/node/wasm.js';
import type { BootFile } from '../../../core/emu/loaders/boot-plan.js';
import type { MachineOptions } from '../../../core/emu/options.js';

let module: WebAssembly.Module | undefined;
let why: string | undefined;
try {
  if (!existsSync(WASM_PATH)) why = `${WASM_PATH} is not built (npm run build:wasm)`;
  else {
    module = new WebAssembly.Module(readFileSync(WASM_PATH));
    const names = WebAssembly.Module.exports(module).map((e) => e.name);
    const missing = missingExports(
      Object.fromEntries(names.map((n) => [n, true])) as unknown as WebAssembly.Exports,
    );
    if (missing.length)
      why = `emu.wasm does not implement the ABI yet (missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})`;
  }
} catch (e) {
  why = `emu.wasm does not load: ${(e as Error).message}`;
}

/** Why our emulator cannot run here, or undefined when it can. */
export const emuMissing: string | undefined = why;

export function fileArg(path: string): BootFile {
  return { name: path, bytes: readFileSync(path) };
}

export async function newMachine(options: MachineOptions): Promise<Machine> {
  if (!module) throw new Error(emuMissing);
  return Machine.create(module, options);
}

export interface EmuRun {
  output: string;
  result: RunResult;
  seenAt: Map<string, number>;
  machine: Machine;
  wallMs: number;
}

/**
 * Boots images in our emulator with the UART captured; stops on power-off, when every `expect`
 * text appeared, at `timeoutMs` or at `maxInsns`. `input` is typed once `inputAfter` appeared.
 */
export async function runOurs(
  boot: { bios?: BootFile; kernel?: BootFile; initrd?: BootFile; dtb?: BootFile },
  opts: MachineOptions & {
    expect?: string[];
    timeoutMs?: number;
    maxInsns?: bigint;
    /** Instructions per run chunk (smaller = finer timing of seenAt). */
    chunk?: bigint;
    input?: string;
    inputAfter?: string;
    /** Also wait for this text in the output that follows the input. */
    afterInput?: string;
    waitExit?: boolean;
  } = {},
): Promise<EmuRun> {
  // Timed from here: creating the machine and loading images count, as for a user.
  const t0 = performance.now();
  const machine = await newMachine(opts);
  machine.boot(boot);
  let output = '';
  const seenAt = new Map<string, number>();
  const expect = opts.expect ?? [];
  let inputSent = false;
  let inputAt = 0;
  machine.onUart((b) => {
    output += Buffer.from(b).toString('latin1');
    for (const e of expect)
      if (!seenAt.has(e) && output.includes(e)) seenAt.set(e, performance.now() - t0);
    if (opts.input && !inputSent && output.includes(opts.inputAfter ?? '')) {
      inputSent = true;
      inputAt = output.length;
      machine.sendUart(opts.input);
    }
    if (
      opts.afterInput &&
      inputSent &&
      !seenAt.has(opts.afterInput) &&
      output.slice(inputAt).includes(opts.afterInput)
    )
      seenAt.set(opts.afterInput, performance.now() - t0);
  });
  const result = await machine.runUntil({
    maxInsns: opts.maxInsns,
    chunk: opts.chunk,
    timeoutMs: opts.timeoutMs ?? 60_000,
    until: () =>
      !opts.waitExit &&
      expect.length > 0 &&
      expect.every((e) => seenAt.has(e)) &&
      (!opts.input || inputSent) &&
      (!opts.afterInput || seenAt.has(opts.afterInput)),
    onIdle: () => new Promise((r) => setTimeout(r, 5)),
  });
  return { output, result, seenAt, machine, wallMs: performance.now() - t0 };
}
