// More translated code than the JIT keeps: hot blocks on 4400 pages, more than it has code
// bitmaps for (one per page holding translations). The JIT starts over when it runs out; that
// must not change what the guest sees, timer interrupts included.
import { describe, expect, it } from 'vitest';
import { emuMissing } from '../support/emu.js';
import { createPair, lockstep } from './support/lockstep.js';
import { chainRam, loadChain, type ChainSpec } from './support/chain-program.js';

const SPEC: ChainSpec = { pages: 4400, perPage: 2, passes: 3, timer: 37 };

describe.skipIf(emuMissing)(`JIT capacity${emuMissing ? ` (skipped: ${emuMissing})` : ''}`, () => {
  it('code on more pages than the JIT has bitmaps for, under timer interrupts', async () => {
    const pair = await createPair(undefined, {
      ramSize: chainRam(SPEC),
      threshold: 1,
      events: ['trap'],
    });
    loadChain(pair.jit, SPEC);
    loadChain(pair.ref, SPEC);
    const blocks = BigInt(SPEC.pages * SPEC.perPage);
    const r = lockstep(pair, {
      chunks: [100003n, 4099n],
      maxInsns: 10n * blocks * BigInt(SPEC.passes),
      fullEvery: 1_000_000n,
    });
    expect(r.divergence).toBeUndefined();
    expect(r.reason).toBe('poweroff');
    expect(r.insns).toBeGreaterThan(3n * blocks * BigInt(SPEC.passes));
    // the second block of every page is translated: more pages than code bitmaps
    expect(pair.jit.jitStats().blocks).toBeGreaterThan(4096);
  });
});
