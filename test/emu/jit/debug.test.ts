// Breakpoints and watchpoints set while the code they are in is translated must stop at the
// same instruction, with the same state, as with the JIT off: a hot loop (programs/watch.S)
// runs until translated, then breakpoints (at a block's first instruction, inside a block, at
// its branch) and watchpoints (load, store, AMO, FP store, LR/SC, a partial overlap) are set on
// both machines; each side must stop identically, step past, and stop again one pass later.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CROSS_GCC, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { buildProgram } from '../support/isa-harness.js';
import { SymbolTable } from '../../../core/emu/symbols.js';
import { createPair, lockstep, type Pair } from './support/lockstep.js';
import { compareState } from './support/compare.js';

const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;
const SRC = join(import.meta.dirname, 'programs', 'watch.S');

/** Boots watch.S on both sides and runs until the loop is translated. */
async function hotPair(chunks: bigint[]): Promise<{ pair: Pair; sym: (n: string) => bigint }> {
  const pair = await createPair({ kernel: fileArg(buildProgram(SRC)) }, { ramSize: 16n << 20n });
  const syms = new SymbolTable(pair.ref.symbols);
  const sym = (n: string): bigint => {
    const v = syms.find(n);
    if (v === undefined) throw new Error(`no symbol ${n} in watch.S`);
    return v;
  };
  // the core translates what is queued after some runs: a few short locksteps, until it did
  for (let i = 0; i < 20 && pair.jit.jitStats().ranInsns === 0; i++) {
    const r = lockstep(pair, { chunks, maxInsns: 300n });
    expect(r.divergence).toBeUndefined();
  }
  expect(
    pair.jit.jitStats().ranInsns,
    'the loop runs translated before the debugger steps in',
  ).toBeGreaterThan(0);
  return { pair, sym };
}

/** Lockstep until a stop; then the same stop on both sides is checked and stepped past. */
function stopAndStep(pair: Pair, chunks: bigint[], want: 'breakpoint' | 'watchpoint'): bigint {
  const r = lockstep(pair, { chunks, maxInsns: 100_000n });
  expect(r.divergence).toBeUndefined();
  expect(r.reason).toBe(want);
  const pc = pair.ref.getPC(0);
  // the counters read through the API agree with the instruction count (watch.S never writes
  // minstret), on both sides
  for (const side of ['jit', 'ref'] as const)
    expect(pair[side].getCSR(0, 'instret'), `${side}: instret CSR at the ${want} stop`).toBe(
      pair[side].instructionCounts()[0],
    );
  const sj = pair.jit.step(0);
  const sr = pair.ref.step(0);
  expect(sj).toEqual(sr);
  expect(compareState(pair, true)).toBeUndefined();
  return pc;
}

describe.skipIf(skip)(
  `breakpoints and watchpoints in translated code${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    for (const chunks of [[100003n], [7n, 1000n]]) {
      it(`breakpoints set while the loop is translated (chunks ${chunks.join(',')})`, async () => {
        const { pair, sym } = await hotPair(chunks);
        const loop = sym('watch_loop');
        for (const at of [loop, loop + 12n, sym('watch_branch')]) {
          pair.jit.addBreakpoint(at);
          pair.ref.addBreakpoint(at);
          const counts: bigint[] = [];
          for (let i = 0; i < 3; i++) {
            expect(stopAndStep(pair, chunks, 'breakpoint')).toBe(at);
            counts.push(pair.ref.instructionCounts()[0]);
          }
          // one pass of the loop between hits
          expect(counts[2] - counts[1]).toBe(counts[1] - counts[0]);
          pair.jit.removeBreakpoint(at);
          pair.ref.removeBreakpoint(at);
          const r = lockstep(pair, { chunks, maxInsns: 500n });
          expect(r.divergence).toBeUndefined();
        }
        // a breakpoint after the loop (not in its block): the loop keeps running translated
        const after = sym('watch_done');
        pair.jit.addBreakpoint(after);
        pair.ref.addBreakpoint(after);
        const ran = pair.jit.jitStats().ranInsns;
        expect(stopAndStep(pair, chunks, 'breakpoint')).toBe(after);
        expect(pair.jit.jitStats().ranInsns, 'the loop ran translated').toBeGreaterThan(ran);
        pair.jit.removeBreakpoint(after);
        pair.ref.removeBreakpoint(after);
        const r = lockstep(pair, { chunks, maxInsns: 1_000_000n });
        expect(r.divergence).toBeUndefined();
        expect(r.reason).toBe('poweroff');
      });

      it(`breakpoints hit by several harts in translated code (chunks ${chunks.join(',')})`, async () => {
        const src = join(import.meta.dirname, 'programs', 'spin.S');
        const pair = await createPair(
          { kernel: fileArg(buildProgram(src)) },
          // a block runs only when it fits in what is left of the quantum: not too small a quantum
          { harts: 4, quantum: 60, ramSize: 16n << 20n },
        );
        const syms = new SymbolTable(pair.ref.symbols);
        const at = syms.find('spin_work')! + 4n;
        // run until the work loop is translated, then break inside it
        for (let i = 0; i < 20 && pair.jit.jitStats().ranInsns === 0; i++)
          expect(lockstep(pair, { chunks: [3001n], maxInsns: 3001n }).divergence).toBeUndefined();
        // stop, step past, run on without the breakpoint for a while (the hart that stopped
        // is not the only one working), and again
        const harts = new Set<number>();
        for (let i = 0; i < 16; i++) {
          pair.jit.addBreakpoint(at);
          pair.ref.addBreakpoint(at);
          const r = lockstep(pair, { chunks: [...chunks, 5000n], maxInsns: 1_000_000n });
          expect(r.divergence).toBeUndefined();
          if (r.reason !== 'breakpoint') break;
          const h = r.hart!;
          expect(pair.ref.getPC(h)).toBe(at);
          harts.add(h);
          expect(pair.jit.step(h)).toEqual(pair.ref.step(h));
          pair.jit.removeBreakpoint(at);
          pair.ref.removeBreakpoint(at);
          expect(lockstep(pair, { chunks, maxInsns: 700n }).divergence).toBeUndefined();
        }
        expect(harts.size, 'several harts stopped at the breakpoint').toBeGreaterThan(1);
        const r = lockstep(pair, { chunks: [100003n], maxInsns: 10_000_000n });
        expect(r.divergence).toBeUndefined();
        expect(r.reason).toBe('poweroff');
      });

      it(`single steps through translated code (chunks ${chunks.join(',')})`, async () => {
        const { pair } = await hotPair(chunks);
        for (let i = 0; i < 300; i++) {
          const sj = pair.jit.step(0);
          const sr = pair.ref.step(0);
          expect(sj, `step ${i}`).toEqual(sr);
          expect(compareState(pair, i % 50 === 0), `after step ${i}`).toBeUndefined();
        }
        const r = lockstep(pair, { chunks, maxInsns: 1_000_000n });
        expect(r.divergence).toBeUndefined();
        expect(r.reason).toBe('poweroff');
      });

      it(`code rewritten through the API while translated (chunks ${chunks.join(',')})`, async () => {
        const { pair, sym } = await hotPair(chunks);
        // watch_loop+4: addi t0, t0, 1 -> addi t0, t0, 5 (as a debugger's memory write does)
        const at = sym('watch_loop') + 4n;
        const word = new DataView(pair.ref.readPhys(at, 4).buffer).getUint32(0, true);
        expect(word, 'watch.S starts with ld t0; addi t0, t0, 1').toBe(0x00128293);
        const patched = new Uint8Array(new Uint32Array([0x00528293]).buffer);
        pair.jit.writePhys(at, patched);
        pair.ref.writePhys(at, patched);
        const r = lockstep(pair, { chunks, maxInsns: 1_000_000n });
        expect(r.divergence).toBeUndefined();
        expect(r.reason).toBe('poweroff');
        // the last store of data+8 is load(data+0) + 5 with the patch: data+0 is never written,
        // so the first signature line is 5
        expect(pair.jit.readPhys(sym('data') + 8n, 1)[0]).toBe(5);
      });

      it(`watchpoints set while the loop is translated (chunks ${chunks.join(',')})`, async () => {
        const { pair, sym } = await hotPair(chunks);
        const data = sym('data');
        const cases: [bigint, number, 'load' | 'store' | 'access'][] = [
          [data, 8, 'load'],
          [data + 8n, 8, 'store'],
          [data + 16n, 8, 'access'],
          [data + 24n, 8, 'store'],
          [data + 32n, 8, 'access'],
          [data + 42n, 2, 'store'],
        ];
        for (const [pa, len, kind] of cases) {
          pair.jit.addWatchpoint(pa, len, kind);
          pair.ref.addWatchpoint(pa, len, kind);
          for (let i = 0; i < 3; i++) stopAndStep(pair, chunks, 'watchpoint');
          pair.jit.removeWatchpoint(pa);
          pair.ref.removeWatchpoint(pa);
          const r = lockstep(pair, { chunks, maxInsns: 500n });
          expect(
            r.divergence,
            `after the ${kind} watchpoint at 0x${pa.toString(16)}`,
          ).toBeUndefined();
        }
        const r = lockstep(pair, { chunks, maxInsns: 1_000_000n });
        expect(r.divergence).toBeUndefined();
        expect(r.reason).toBe('poweroff');
      });
    }
  },
);
