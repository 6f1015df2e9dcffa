// Running a Bao boot scenario (test/bao-boot/scenarios.ts) and judging its output, shared by the
// PLIC (bao-boot.test.ts) and AIA (aia.test.ts) acceptance tests.
import { readFileSync } from 'node:fs';
import { Machine, type MachineOptions } from '../../core/emu/index.js';
import { loadEmuWasm } from '../../core/emu/node/wasm.js';
import { runQemu, type QemuRunOptions, type QemuRunResult } from '../../toolchain/qemu.js';
import { firstMissingLine } from './lines.js';
import type { Scenario } from './scenarios.js';

export const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf';

/** The first expected thing missing from a run's output, or undefined when all is there. */
export function checkLines(output: string, s: Scenario): string | undefined {
  for (const lines of Object.values(s.lines)) {
    const missing = firstMissingLine(output, lines);
    if (missing) return missing;
  }
  const unordered = s.anyOrder.find((line) => firstMissingLine(output, [line]) !== undefined);
  if (unordered) return unordered;
  if (s.echo && !output.includes(s.echo.expect)) return `echo of ${JSON.stringify(s.echo.text)}`;
  return undefined;
}

/** Boots bao.bin under fw_jump in QEMU (4 harts, 4 GiB) until the scenario's lines appear. */
export function runScenarioInQemu(
  bin: string,
  s: Scenario,
  board: Pick<QemuRunOptions, 'machine' | 'cpu'> = {},
): Promise<QemuRunResult> {
  return runQemu({
    bios: FW_JUMP,
    kernel: bin,
    smp: 4,
    memory: '4G',
    timeoutMs: 30_000,
    ...board,
    until: (out) => checkLines(out, s) === undefined,
    send: s.echo ? [{ after: s.echo.after, text: s.echo.text }] : [],
  });
}

/** The same in our emulator (4 harts, 2 GiB), typing the scenario's echo text when asked. */
export async function runScenarioInEmulator(
  bin: string,
  s: Scenario,
  options: MachineOptions = {},
): Promise<string> {
  const machine = await Machine.create(await loadEmuWasm(), {
    harts: 4,
    ramSize: 2n << 30n,
    ...options,
  });
  machine.boot({
    bios: { name: 'fw_jump.elf', bytes: readFileSync(FW_JUMP) },
    kernel: { name: 'bao.bin', bytes: readFileSync(bin) },
  });
  let out = '';
  const dec = new TextDecoder();
  machine.onUart((b) => (out += dec.decode(b)));
  let typed = false;
  await machine.runUntil({
    maxInsns: 1_500_000_000n,
    timeoutMs: 120_000,
    onIdle: () => new Promise((r) => setTimeout(r, 5)),
    until: () => {
      if (s.echo && !typed && out.includes(s.echo.after)) {
        machine.sendUart(s.echo.text);
        typed = true;
      }
      return checkLines(out, s) === undefined;
    },
  });
  return out;
}
