// Debian's OpenSBI fw_jump on QEMU's AIA boards: with aia=aplic-imsic OpenSBI takes its IPIs
// through the M-level IMSIC files (seteipnum + mtopei claims) and delegates every APLIC source
// to the S domain; with aia=aplic it drives the APLIC's M-domain IDCs. Our S-mode payload then
// exercises HSM, SBI IPIs, remote fences and timers on top. Banner and payload lines must be
// the ones QEMU 7.2 prints with the same -M options.
import { describe, expect, it } from 'vitest';
import { CROSS_GCC, FW_JUMP, QEMU, missing } from '../support/tools.js';
import { emuMissing, fileArg, runOurs } from '../support/emu.js';
import { runQemu } from '../support/qemu.js';
import { buildPayload } from '../support/payload.js';

// Lines that depend on which hart won OpenSBI's boot lottery (any hart may under MTTCG).
const HART_DEPENDENT = /^(Boot HART ID|Domain0 Boot HART|Domain0 HARTs)\b/;
const bannerLines = (out: string): string[] =>
  out
    .split(/\r?\n/)
    .filter((l) => /^(Platform|Firmware|Runtime SBI|Domain0|Boot HART)/.test(l))
    .filter((l) => !HART_DEPENDENT.test(l))
    .map((l) => l.trimEnd());
// Which harts the payload starts depends on the boot hart (QEMU's lottery): count them instead.
const payloadLines = (out: string): string[] =>
  out
    .split(/\r?\n/)
    .filter((l) => l.startsWith('payload:'))
    .map((l) => l.trimEnd().replace(/^payload: hart \d+ started$/, 'payload: hart N started'));

const skip = missing({ commands: [QEMU, CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;
describe.skipIf(skip)(`OpenSBI with AIA, ours vs QEMU${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const cases = [
    { aia: 'aplic-imsic', guests: 1, harts: 4 },
    { aia: 'aplic-imsic', guests: 0, harts: 1 },
    { aia: 'aplic', guests: 0, harts: 2 },
  ] as const;
  for (const c of cases) {
    const machine = `virt,aia=${c.aia}${c.guests ? `,aia-guests=${c.guests}` : ''}`;
    it(`fw_jump -M ${machine} -smp ${c.harts}`, async () => {
      const payload = buildPayload();
      const ref = await runQemu(
        ['-smp', String(c.harts), '-m', '256M', '-bios', FW_JUMP, '-kernel', payload],
        { waitExit: true, timeoutMs: 30_000, machine },
      );
      expect(ref.timedOut, 'QEMU itself must finish').toBe(false);
      const ours = await runOurs(
        { bios: fileArg(FW_JUMP), kernel: fileArg(payload) },
        {
          harts: c.harts,
          ramSize: 256n << 20n,
          aia: c.aia,
          aiaGuests: c.guests,
          waitExit: true,
          timeoutMs: 60_000,
        },
      );
      expect(ours.result.reason, ours.output.slice(-800)).toBe('poweroff');
      const qb = bannerLines(ref.output);
      expect(qb.length).toBeGreaterThan(20);
      expect(bannerLines(ours.output)).toEqual(qb);
      const qp = payloadLines(ref.output);
      expect(qp).toContain('payload: shutting down');
      expect(qp).toContain(`payload: harts ${c.harts}`);
      if (c.harts > 1) expect(qp).toContain(`payload: IPIs acknowledged by ${c.harts - 1} harts`);
      expect(payloadLines(ours.output)).toEqual(qp);
    });
  }
});
