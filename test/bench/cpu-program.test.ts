// The bench's CPU-bound program (C under Sv39 with 4 KiB pages, in S-mode) must compute in our
// emulator what it computes in QEMU: a few iterations here, the full run in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { buildCpuBench } from './cpu-program.js';
import { emuMissing, fileArg, runOurs } from '../emu/support/emu.js';
import { runQemu } from '../emu/support/qemu.js';
import { CROSS_GCC, QEMU, missing } from '../emu/support/tools.js';

const why = missing({ commands: [QEMU, CROSS_GCC] }) ?? emuMissing;
const line = (out: string): string | undefined => /CHECKSUM \w+ ITERATIONS \w+/.exec(out)?.[0];

describe.skipIf(why !== undefined)('bench CPU-bound program', () => {
  it('prints the same checksum in our emulator and in QEMU, then powers off', async () => {
    const elf = buildCpuBench(20);
    const q = await runQemu(['-bios', 'none', '-kernel', elf], {
      waitExit: true,
      timeoutMs: 20_000,
    });
    const o = await runOurs({ kernel: fileArg(elf) }, { harts: 1, waitExit: true });
    expect(line(q.output), q.output).toMatch(/^CHECKSUM [0-9a-f]{4} ITERATIONS 00000014$/);
    expect(o.result.reason).toBe('poweroff');
    expect(line(o.output)).toBe(line(q.output));
    // a run of more iterations computes something else (the checksum is not a constant)
    const more = await runOurs(
      { kernel: fileArg(buildCpuBench(21)) },
      { harts: 1, waitExit: true },
    );
    expect(line(more.output)?.slice(0, 13)).not.toBe(line(o.output)?.slice(0, 13));
  });
});

if (why) describe('bench CPU-bound program', () => it.skip(`skipped: ${why}`, () => {}));
