// A machine in a Node worker thread through the shared message protocol: boot, stream UART
// output and events, pause a running guest, inspect it, resume.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CROSS_GCC, FW_JUMP, UBOOT_SMODE, missing } from '../support/tools.js';
import { emuMissing, fileArg, runOurs } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { spawnMachineWorker } from '../../../core/emu/node/spawn.js';
import type { EmuEvent } from '../../../core/emu/index.js';

const file = (p: string): { name: string; bytes: Uint8Array } => ({
  name: p,
  bytes: new Uint8Array(readFileSync(p)),
});

const skip = missing({ commands: [CROSS_GCC], files: [FW_JUMP, UBOOT_SMODE] }) ?? emuMissing;
describe.skipIf(skip)(`machine in a Node worker${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('boots OpenSBI and the payload, streaming UART bytes and events', async () => {
    const client = spawnMachineWorker();
    try {
      expect(await client.call('create', { harts: 2, ramSize: 256n << 20n })).toEqual({
        harts: 2,
        ramSize: 256n << 20n,
      });
      const plan = await client.call('boot', { bios: file(FW_JUMP), kernel: file(buildPayload()) });
      expect(plan.kernelEntry).toBe(0x80200000n);
      let out = '';
      client.onUart((b) => (out += Buffer.from(b).toString('latin1')));
      const events: EmuEvent[] = [];
      client.onEvent((e) => events.push(e));
      await client.call('subscribe', ['mode']);
      const r = await client.call('run', { timeoutMs: 30_000 });
      expect(r.reason).toBe('poweroff');
      expect(out).toContain('payload: IPIs acknowledged by 1 harts');
      expect(events.some((e) => e.kind === 'mode' && e.pc === 0x80200000n)).toBe(true);
      const states = await client.call('hartStates');
      expect(states.map((st) => st.hart)).toEqual([0, 1]);
      expect(
        (await client.call('symbols'))
          .flatMap((f) => f.symbols)
          .some((x) => x.name === 'payload_main'),
      ).toBe(true);
      expect(await client.call('translate', 0, 0x80200000n, 'fetch')).toEqual({ pa: 0x80200000n });
      const counts = await client.call('instructionCounts');
      expect(counts).toHaveLength(2);
      expect(counts.every((n) => n > 0n)).toBe(true);
      // Deterministic wherever it runs: the same images on the main thread retire exactly as many.
      const local = await runOurs(
        { bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) },
        { harts: 2, ramSize: 256n << 20n, waitExit: true },
      );
      expect(local.machine.instructionCounts()).toEqual(counts);
      expect(local.output).toBe(out);
    } finally {
      client.close();
    }
  });

  it('pauses a guest that never stops, answers calls while paused, and resumes', async () => {
    const client = spawnMachineWorker();
    try {
      await client.call('create', { harts: 1, ramSize: 128n << 20n });
      await client.call('boot', { bios: file(FW_JUMP), kernel: file(UBOOT_SMODE) });
      const running = client.call('run', {});
      await new Promise((r) => setTimeout(r, 300));
      client.pause();
      const r = await running;
      expect(r.reason).toBe('paused');
      expect(r.insns).toBeGreaterThan(0n);
      const st = await client.call('hartState', 0);
      expect(st.instret).toBeGreaterThanOrEqual(r.insns);
      const mem = await client.call('readPhys', 0x1000n, 4);
      expect(Buffer.from(mem).toString('hex')).toBe('97020000'); // auipc t0, 0: QEMU's reset vector
      const more = await client.call('run', { maxInsns: 1000n });
      expect(more).toMatchObject({ reason: 'budget', insns: 1000n });
      await expect(client.call('getCSR', 0, 0x7c0)).rejects.toThrow(/does not exist/);
    } finally {
      client.close();
    }
  });
});
