// Random code with the JIT and without it, in lockstep. Valid random loops (see
// support/random-program.ts) in M, S and U mode, bare, through a gigapage and through scattered
// 4 KiB pages, in VS and VU mode (two-stage translation), on one and two harts, with traps and
// timer interrupts inside the hot loop; and random memory run as code from random states (as
// test/emu/as-core/robust.test.ts does), where whatever happens (mostly traps) must happen
// identically.
import { describe, expect, it } from 'vitest';
import { emuMissing } from '../support/emu.js';
import { createPair, lockstep } from './support/lockstep.js';
import {
  applyImage,
  randomProgram,
  xorshift,
  type Mapping,
  type Mode,
} from './support/random-program.js';

const CHUNKS: bigint[][] = [[1n, 7n], [1000n], [100003n], [13n, 257n, 4099n]];

describe.skipIf(emuMissing)(
  `random loops, JIT vs interpreter${emuMissing ? ` (skipped: ${emuMissing})` : ''}`,
  () => {
    const cases: [Mode, Mapping][] = [
      ['M', 'giga'],
      ['S', 'giga'],
      ['S', '4k'],
      ['U', 'giga'],
      ['U', '4k'],
      ['VS', 'giga'],
      ['VU', '4k'],
    ];
    for (const [mode, mapping] of cases) {
      it(`${mode} mode${mode === 'M' ? '' : `, ${mode[0] === 'V' ? 'Sv39x4 + ' : ''}Sv39 ${mapping} pages`}`, async () => {
        for (let i = 0; i < 8; i++) {
          const seed = 1000 * cases.findIndex((c) => c[0] === mode && c[1] === mapping) + i + 1;
          const harts = 1 + (i % 2);
          const timer = i % 4 === 3 ? 0 : 20 + ((seed * 37) % 200);
          const img = randomProgram({ seed, mode, mapping, harts, timer });
          const pair = await createPair(undefined, {
            harts,
            ramSize: 16n << 20n,
            quantum: [undefined, 1, 3, 50][i % 4],
            events: i % 2 ? ['trap', 'mode'] : [],
          });
          applyImage(pair.jit, img, timer);
          applyImage(pair.ref, img, timer);
          const r = lockstep(pair, {
            chunks: CHUNKS[i % CHUNKS.length],
            maxInsns: 3_000_000n,
            fullEvery: 2000n,
            ramEvery: 50_000n,
          });
          expect(r.divergence, `seed ${seed}: ${harts} hart(s), timer ${timer}`).toBeUndefined();
          // the program ran its loop to the end (a power-off through the exit ecall)
          expect(r.reason, `seed ${seed}`).toBe('poweroff');
          expect(r.insns).toBeGreaterThan(img.expectedInsns / 4n);
          expect(pair.jit.jitStats().ranInsns, `seed ${seed}: run translated`).toBeGreaterThan(0);
        }
      });
    }
  },
);

describe.skipIf(emuMissing)(
  `random memory as code, JIT vs interpreter${emuMissing ? ` (skipped: ${emuMissing})` : ''}`,
  () => {
    it('from random states in M, S and U mode, MMU on and off', async () => {
      for (let seed = 1; seed <= 10; seed++) {
        const rnd = xorshift(seed * 7919);
        const harts = 1 + (seed % 2);
        const pair = await createPair(undefined, {
          harts,
          ramSize: 8n << 20n,
          quantum: [undefined, 1, 7][seed % 3],
          events: seed % 2 ? ['trap'] : [],
        });
        // the same random image and state on both sides
        const words = new Uint32Array(1 << 16);
        for (let i = 0; i < words.length; i++) words[i] = rnd();
        // sprinkle backward branches and loops so some code gets hot
        for (let i = 0; i < 2000; i++)
          words[rnd() % words.length] = 0xfe000ee3 | ((rnd() % 32) << 15);
        const inRam = (): bigint => 0x80000000n + BigInt((rnd() % 65536) * 4);
        const setup: ((m: typeof pair.jit) => void)[] = [];
        for (let h = 0; h < harts; h++) {
          const pc = inRam();
          const x = Array.from({ length: 32 }, () => (BigInt(rnd()) << 32n) | BigInt(rnd()));
          const mtvec = inRam();
          const stvec = inRam();
          const mstatus = BigInt(rnd() & 0xb3ff) | (3n << 13n);
          const satp = rnd() % 2 ? (8n << 60n) | (0x80000n + BigInt(rnd() % 16)) : 0n;
          const priv = (['U', 'S', 'M'] as const)[rnd() % 3];
          setup.push((m) => {
            m.setPC(h, pc);
            for (let r = 1; r < 32; r++) m.setX(h, r, x[r]);
            m.setCSR(h, 'mtvec', mtvec);
            m.setCSR(h, 'stvec', stvec);
            m.setCSR(h, 'pmpaddr0', -1n);
            m.setCSR(h, 'pmpcfg0', 0x1fn);
            m.setCSR(h, 'mstatus', mstatus);
            m.setCSR(h, 'satp', satp);
            m.setMode(h, { priv, virt: false });
          });
        }
        for (const m of [pair.jit, pair.ref]) {
          m.writePhys(0x80000000n, new Uint8Array(words.buffer));
          for (const s of setup) s(m);
        }
        const r = lockstep(pair, {
          chunks: [[3n, 1000n], [100003n], [13n, 257n, 4099n]][seed % 3],
          maxInsns: 200_000n,
          fullEvery: 1000n,
          ramEvery: 30_000n,
        });
        expect(r.divergence, `seed ${seed}`).toBeUndefined();
      }
    });
  },
);
