// The JIT through the Machine API: it takes over OpenSBI's hot code with the default options,
// a translation that fails (here: a module that cannot link) leaves the guest to the
// interpreter without changing its run, and bad options are refused with a clear error.
import { describe, expect, it } from 'vitest';
import { CROSS_GCC, FW_JUMP, missing } from '../support/tools.js';
import { emuMissing, fileArg, newMachine } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { EmuError, type Machine } from '../../../core/emu/index.js';
import type { MachineOptions } from '../../../core/emu/options.js';

const skip = missing({ commands: [CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;

async function boot(
  options: MachineOptions,
  tamper?: (m: Machine) => void,
): Promise<{ m: Machine; out: string; counts: bigint[] }> {
  const m = await newMachine({ harts: 2, ramSize: 256n << 20n, ...options });
  tamper?.(m);
  m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
  let out = '';
  m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
  const r = await m.runUntil({ timeoutMs: 60_000 });
  expect(r.reason).toBe('poweroff');
  return { m, out, counts: m.instructionCounts() };
}

describe.skipIf(skip)(`JIT through the Machine API${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('runs most of an OpenSBI boot in translated code, with the same result as the interpreter', async () => {
    const [jit, ref] = await Promise.all([boot({}), boot({ jit: false })]);
    const s = jit.m.jitStats();
    const total = Number(jit.counts.reduce((a, b) => a + b, 0n));
    expect(s.errors).toBe(0);
    expect(s.blocks).toBeGreaterThan(10);
    expect(s.ranInsns / total).toBeGreaterThan(0.4);
    expect(ref.m.jitStats().blocks).toBe(0);
    expect(jit.out).toContain('payload: shutting down');
    expect(jit.out).toBe(ref.out);
    expect(jit.counts).toEqual(ref.counts);
  });

  it('a translation that fails leaves the guest to the interpreter, unharmed', async () => {
    const ref = await boot({ jit: false });
    const broken = await boot({ jit: { threshold: 64 } }, (m) => {
      // translated modules import `ld` from the core: without it they cannot link
      const t = (m as unknown as { jit: { imports: { env: Record<string, unknown> } } }).jit;
      delete t.imports.env.ld;
    });
    const s = broken.m.jitStats();
    expect(s.errors).toBeGreaterThan(0);
    expect(s.lastError).toMatch(/ld|import/i);
    expect(s.blocks).toBe(0);
    expect(broken.out).toBe(ref.out);
    expect(broken.counts).toEqual(ref.counts);
  });

  it('keeps translating with breakpoints set, and stops where the interpreter stops', async () => {
    const run = async (jit: boolean) => {
      const m = await newMachine({ harts: 2, ramSize: 256n << 20n, jit });
      m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
      let out = '';
      m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
      m.addBreakpoint(0x80200000n); // the payload's entry, reached once OpenSBI is done
      m.addBreakpoint(0x8ffff000n); // never reached
      const first = await m.runUntil({ timeoutMs: 60_000 });
      const atBreak = {
        reason: first.reason,
        counts: m.instructionCounts(),
        pc: m.getPC(first.hart ?? 0),
      };
      m.removeBreakpoint(0x80200000n);
      const second = await m.runUntil({ timeoutMs: 60_000 });
      return { m, out, atBreak, end: second.reason, counts: m.instructionCounts() };
    };
    const [jit, ref] = await Promise.all([run(true), run(false)]);
    expect(jit.atBreak.reason).toBe('breakpoint');
    expect(jit.atBreak.pc).toBe(0x80200000n);
    expect(jit.atBreak).toEqual(ref.atBreak);
    expect(jit.end).toBe('poweroff');
    expect(jit.out).toBe(ref.out);
    expect(jit.counts).toEqual(ref.counts);
    // OpenSBI's hot code ran translated although breakpoints were set all along
    const total = Number(jit.counts.reduce((a, b) => a + b, 0n));
    expect(jit.m.jitStats().ranInsns / total).toBeGreaterThan(0.4);
  });

  it('refuses bad JIT options', async () => {
    await expect(newMachine({ jit: { threshold: 0 } })).rejects.toThrow(EmuError);
    await expect(newMachine({ jit: { threshold: 0 } })).rejects.toThrow(
      /threshold must be 1\.\.65000/,
    );
    await expect(newMachine({ jit: { after: -1 } })).rejects.toThrow(/after/);
    await expect(newMachine({ jit: { batch: 0 } })).rejects.toThrow(/batch/);
  });
});
