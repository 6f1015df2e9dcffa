// Reading a machine while it runs in a Node worker: the owner gets the core's shared memory and
// watches pc, instruction counts and registers move with no message to the busy worker, then,
// once it stopped, the live values equal what the worker reports.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CROSS_GCC, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import { buildCpuBench } from '../../bench/cpu-program.js';
import { spawnMachineWorker } from '../../../core/emu/node/spawn.js';

const skip = missing({ commands: [CROSS_GCC] }) ?? emuMissing;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip)(`live view of a running machine${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('reads pc, counts, registers and RAM of a machine running in a worker', async () => {
    const elf = buildCpuBench(3000); // a few hundred ms of guest work
    const client = spawnMachineWorker();
    try {
      await client.call('create', { harts: 1 });
      await client.call('boot', {
        kernel: { name: elf, bytes: new Uint8Array(readFileSync(elf)) },
      });
      const live = await client.liveView();
      expect(live).toBeDefined();
      expect(live!.pc(0)).toBe(0x1000n); // the reset vector, before running
      let done = false;
      const running = client.call('run', { timeoutMs: 60_000 }).finally(() => (done = true));
      const pcs = new Set<bigint>();
      const counts: bigint[] = [];
      while (!done && counts.length < 200) {
        pcs.add(live!.pc(0));
        counts.push(live!.instret(0));
        await sleep(2);
      }
      const r = await running;
      expect(r.reason).toBe('poweroff');
      // seen while the worker was busy inside run: moving, never backwards
      expect(counts.length).toBeGreaterThan(5);
      expect(pcs.size).toBeGreaterThan(3);
      expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true);
      expect(counts[counts.length - 1]).toBeGreaterThan(counts[0]);
      // stopped: the live view and the worker agree
      const st = await client.call('hartState', 0);
      expect(live!.pc(0)).toBe(st.pc);
      expect(live!.instret(0)).toBe((await client.call('instructionCounts'))[0]);
      expect(Array.from({ length: 32 }, (_, i) => live!.x(0, i))).toEqual(
        await client.call('getXs', 0),
      );
      expect(live!.mode(0)).toEqual(st.mode);
      expect(live!.readRam(0x80000000n, 64)).toEqual(
        await client.call('readPhys', 0x80000000n, 64),
      );
      expect(() => live!.readRam(0x1000n, 4)).toThrow(/not in RAM/);
      expect(() => live!.pc(1)).toThrow(/hart 1 does not exist/);
    } finally {
      client.close();
    }
  });
});
