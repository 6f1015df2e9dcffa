// The typed Machine API on real images: breakpoints and single-step, registers and CSRs, the
// event stream, physical and translated memory, ELF symbols, determinism, and garbage guests.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CROSS_GCC, FW_JUMP, missing } from '../support/tools.js';
import { emuMissing, fileArg, newMachine } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { ISA_DIR, buildProgram } from '../support/isa-harness.js';
import { EmuError, type EmuEvent } from '../../../core/emu/index.js';

const skip = missing({ commands: [CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;
const u64le = (b: Uint8Array): bigint =>
  new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);

describe.skipIf(skip)(`Machine API${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('stops at a breakpoint at the payload entry, in S-mode with a0 = hartid, a1 = the FDT OpenSBI passes', async () => {
    const m = await newMachine({ harts: 1, ramSize: 256n << 20n });
    m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
    let out = '';
    m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
    m.addBreakpoint(0x80200000n);
    const r = await m.runUntil({ timeoutMs: 30_000 });
    expect(r.reason).toBe('breakpoint');
    expect(r.hart).toBe(0);
    expect(m.getPC(0)).toBe(0x80200000n);
    expect(m.getMode(0)).toEqual({ priv: 'S', virt: false });
    expect(m.getX(0, 10)).toBe(0n);
    // OpenSBI states where it passes the FDT; a1 must hold it and the blob must be there.
    const arg1 = /Domain0 Next Arg1\s*:\s*0x([0-9a-f]+)/.exec(out);
    expect(arg1).not.toBeNull();
    expect(m.getX(0, 11)).toBe(BigInt('0x' + arg1![1]));
    expect(Buffer.from(m.readPhys(m.getX(0, 11), 4)).toString('hex')).toBe('d00dfeed');
    // Single-step: one instruction retired, pc moved, breakpoint at the old pc ignored.
    const before = m.instructionCounts()[0];
    const s = m.step(0);
    expect(s.reason).toBe('stepped');
    expect(m.instructionCounts()[0]).toBe(before + 1n);
    expect(m.getPC(0)).not.toBe(0x80200000n);
    m.removeBreakpoint(0x80200000n);
    const end = await m.runUntil({ timeoutMs: 30_000 });
    expect(end.reason).toBe('poweroff');
    expect(out).toContain('payload: shutting down');
  });

  it('reports traps, mode changes and power-off as events', async () => {
    const m = await newMachine({ harts: 1, ramSize: 256n << 20n });
    m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
    const events: EmuEvent[] = [];
    m.onEvent(['trap', 'mode', 'power'], (e) => events.push(e));
    const r = await m.runUntil({ timeoutMs: 30_000 });
    expect(r.reason).toBe('poweroff');
    const traps = events.filter((e) => e.kind === 'trap');
    // OpenSBI's CSR probes: illegal instructions taken in M.
    expect(
      traps.some(
        (e) =>
          e.kind === 'trap' &&
          !e.interrupt &&
          e.cause === 2n &&
          e.from.priv === 'M' &&
          e.to.priv === 'M',
      ),
    ).toBe(true);
    // The payload's ecalls from S, and its supervisor timer interrupts.
    expect(
      traps.some((e) => e.kind === 'trap' && !e.interrupt && e.cause === 9n && e.from.priv === 'S'),
    ).toBe(true);
    expect(
      traps.filter((e) => e.kind === 'trap' && e.interrupt && e.cause === 5n && e.to.priv === 'S')
        .length,
    ).toBeGreaterThanOrEqual(3);
    // OpenSBI's mret into the payload.
    expect(
      events.some(
        (e) =>
          e.kind === 'mode' && e.pc === 0x80200000n && e.from.priv === 'M' && e.to.priv === 'S',
      ),
    ).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'power', action: 'poweroff' });
  });

  it('stops on a store watchpoint before the store, which a step then performs', async () => {
    const m = await newMachine({ harts: 1, ramSize: 256n << 20n });
    m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
    const sym = (name: string): bigint =>
      m.symbols.flatMap((f) => f.symbols).find((x) => x.name === name)!.value;
    // Run at full speed to the payload, then watch its tick counter (bumped by the S timer handler).
    m.addBreakpoint(sym('payload_main'));
    expect((await m.runUntil({ timeoutMs: 30_000 })).reason).toBe('breakpoint');
    m.removeBreakpoint(sym('payload_main'));
    const ticks = sym('ticks');
    m.addWatchpoint(ticks, 8, 'store');
    const r = await m.runUntil({ timeoutMs: 60_000 });
    expect(r).toMatchObject({ reason: 'watchpoint', hart: 0, address: ticks });
    // Stopped before the store, in the S timer handler; stepping performs it.
    expect(u64le(m.readPhys(ticks, 8))).toBe(0n);
    const pc = m.getPC(0);
    expect(pc).toBeGreaterThan(sym('trap_handler'));
    expect(pc).toBeLessThan(sym('payload_main'));
    expect(m.getMode(0).priv).toBe('S');
    m.step(0);
    expect(u64le(m.readPhys(ticks, 8))).toBe(1n);
    expect(m.getPC(0)).not.toBe(pc);
    const again = await m.runUntil({ timeoutMs: 60_000 });
    expect(again).toMatchObject({ reason: 'watchpoint', address: ticks });
    m.step(0);
    expect(u64le(m.readPhys(ticks, 8))).toBe(2n);
    m.removeWatchpoint(ticks);
    expect((await m.runUntil({ timeoutMs: 30_000 })).reason).toBe('poweroff');
  });

  it('translates through the current page tables and keeps ELF symbols', async () => {
    const elf = buildProgram(join(ISA_DIR, 'mmu.S'));
    const m = await newMachine({ harts: 1 });
    m.boot({ kernel: fileArg(elf) });
    const sym = (name: string): bigint => {
      const s = m.symbols.flatMap((f) => f.symbols).find((x) => x.name === name);
      if (!s) throw new Error(`no symbol ${name}`);
      return s.value;
    };
    m.addBreakpoint(sym('s_tests'));
    const r = await m.runUntil({ timeoutMs: 10_000 });
    expect(r.reason).toBe('breakpoint');
    expect(m.getMode(0).priv).toBe('S');
    expect(m.getCSR(0, 'satp') >> 60n).toBe(8n);
    const t = m.translate(0, 0x40001000n, 'load');
    expect(t).toEqual({ pa: sym('pages') + 0x1000n });
    expect(u64le(m.readVirt(0, 0x40001000n, 8))).toBe(0x1001n);
    expect(m.translate(0, 0x40004000n, 'load')).toEqual({ fault: 13 });
    expect(m.translate(0, 0x40001000n, 'store')).toEqual({ fault: 15 });
    expect(() => m.readVirt(0, 0x40004000n, 8)).toThrow(EmuError);
  });

  it('reads and writes registers, CSRs and memory', async () => {
    const m = await newMachine({ harts: 2 });
    m.setX(1, 5, -2n);
    expect(m.getX(1, 5)).toBe(0xfffffffffffffffen);
    m.setX(1, 0, 7n);
    expect(m.getX(1, 0)).toBe(0n);
    expect(m.getCSR(1, 'mhartid')).toBe(1n);
    m.setCSR(0, 'mscratch', 0x1234n);
    expect(m.getCSR(0, 0x340)).toBe(0x1234n);
    expect(() => m.getCSR(0, 0x7c0)).toThrow(/does not exist/);
    expect(() => m.getX(2, 1)).toThrow(/no hart 2/);
    m.writePhys(0x80001000n, Uint8Array.of(1, 2, 3, 4));
    expect([...m.readPhys(0x80000fffn, 6)]).toEqual([0, 1, 2, 3, 4, 0]);
    expect(m.supportsWatchpoints).toBe(true);
    expect(() => m.addWatchpoint(0x80001000n, 0)).toThrow(/at least 1 byte/);
  });

  it('is deterministic: same images, same instruction counts and output on 4 harts', async () => {
    const run = async (): Promise<[bigint[], string]> => {
      const m = await newMachine({ harts: 4, ramSize: 256n << 20n });
      m.boot({ bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) });
      let out = '';
      m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
      expect((await m.runUntil({ timeoutMs: 30_000 })).reason).toBe('poweroff');
      return [m.instructionCounts(), out];
    };
    const [a, b] = [await run(), await run()];
    expect(a[0].every((n) => n > 0n)).toBe(true);
    expect(b).toEqual(a);
  });

  it('advances mtime with instructions by default, with the host clock in wall mode', async () => {
    const loop = { name: 'loop.bin', bytes: Uint8Array.of(0x6f, 0x00, 0x00, 0x00) }; // j .
    const det = await newMachine({ harts: 1 });
    det.boot({ kernel: loop });
    await det.runUntil({ maxInsns: 5_000_000n });
    const n = det.instructionCounts()[0];
    // 10 instructions per tick by default (10 MHz at a nominal 100 MIPS).
    expect(Number(det.mtime())).toBeGreaterThanOrEqual(Number(n) / 10 - 10);
    expect(Number(det.mtime())).toBeLessThanOrEqual(Number(n) / 10 + 10);

    const wall = await newMachine({ harts: 1, clock: 'wall', mtimeHz: 1_000_000 });
    wall.boot({ kernel: loop });
    const t0 = performance.now();
    await wall.runUntil({ timeoutMs: 300, chunk: 100_000n });
    const ms = performance.now() - t0;
    // mtime follows elapsed host time at 1 MHz (generous bounds: the machine is shared).
    expect(Number(wall.mtime())).toBeGreaterThan(ms * 1000 * 0.5);
    expect(Number(wall.mtime())).toBeLessThan(ms * 1000 * 1.5 + 20_000);
  });

  it('in wall-clock mode, sleeps until a timer and wakes the hart (timer interrupt in traps.S)', async () => {
    const elf = buildProgram(join(ISA_DIR, 'traps.S'));
    const run = async (clock: 'wall' | 'deterministic'): Promise<string> => {
      const m = await newMachine({ harts: 1, clock });
      m.boot({ kernel: fileArg(elf) });
      let out = '';
      m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
      expect((await m.runUntil({ timeoutMs: 20_000 })).reason).toBe('poweroff');
      return out;
    };
    const wall = await run('wall');
    expect(wall).toContain('END');
    expect(wall).toBe(await run('deterministic'));
  });

  it('survives a guest made of garbage', async () => {
    const m = await newMachine({ harts: 2 });
    let seed = 12345;
    const junk = Uint8Array.from(
      { length: 1 << 16 },
      () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24) & 0xff,
    );
    m.boot({ kernel: { name: 'junk.bin', bytes: junk } });
    const r = await m.runUntil({ maxInsns: 5_000_000n, timeoutMs: 20_000 });
    expect(['budget', 'idle', 'poweroff', 'reboot']).toContain(r.reason);
    expect(m.getMode(0).priv).toBe('M');
  });
});
