// Debian's OpenSBI (fw_jump and fw_dynamic) boots in our emulator to the same banner QEMU
// prints, then runs our payload at 0x80200000: SBI console, UART, HSM hart_start of every
// hart, SBI IPIs and remote fences, SBI timer interrupts and SRST shutdown. QEMU runs in the
// same test as the reference.
import { describe, expect, it } from 'vitest';
import { CROSS_GCC, FW_DYNAMIC, FW_JUMP, QEMU, missing } from '../support/tools.js';
import { emuMissing, fileArg, runOurs } from '../support/emu.js';
import { bootHartOf, runQemu, runQemuWithBootHart } from '../support/qemu.js';
import { buildPayload } from '../support/payload.js';

function bannerLines(out: string): string[] {
  return out
    .split(/\r?\n/)
    .filter((l) => /^(Platform|Firmware|Runtime SBI|Domain0|Boot HART)/.test(l))
    .map((l) => l.trimEnd());
}
const payloadLines = (out: string): string[] =>
  out
    .split(/\r?\n/)
    .filter((l) => l.startsWith('payload:'))
    .map((l) => l.trimEnd());

const skip = missing({ commands: [QEMU, CROSS_GCC], files: [FW_JUMP, FW_DYNAMIC] }) ?? emuMissing;
describe.skipIf(skip)(`OpenSBI + payload, ours vs QEMU${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const [fwName, fw] of [
    ['fw_jump', FW_JUMP],
    ['fw_dynamic', FW_DYNAMIC],
  ] as const) {
    for (const harts of [1, 4]) {
      it(`${fwName} on ${harts} hart(s)`, async () => {
        const payload = buildPayload();
        const ours = await runOurs(
          { bios: fileArg(fw), kernel: fileArg(payload) },
          { harts, ramSize: 256n << 20n, waitExit: true, timeoutMs: 60_000 },
        );
        // QEMU is rerun until the same hart as ours wins OpenSBI's boot lottery.
        const ref = await runQemuWithBootHart(
          bootHartOf(ours.output) ?? -1,
          ['-smp', String(harts), '-m', '256M', '-bios', fw, '-kernel', payload],
          { waitExit: true, timeoutMs: 30_000 },
        );
        expect(ref.timedOut, 'QEMU itself must finish').toBe(false);
        expect(ours.result.reason, ours.output.slice(-800)).toBe('poweroff');
        const qb = bannerLines(ref.output);
        expect(qb.length).toBeGreaterThan(20);
        expect(bannerLines(ours.output)).toEqual(qb);
        const qp = payloadLines(ref.output);
        expect(qp).toContain('payload: shutting down');
        expect(qp).toContain(`payload: harts ${harts}`);
        expect(qp).toContain('payload: RFENCE ok');
        if (harts > 1) expect(qp).toContain(`payload: IPIs acknowledged by ${harts - 1} harts`);
        expect(payloadLines(ours.output)).toEqual(qp);
      });
    }
  }

  it('fw_jump on 8 harts (the maximum), hart-independent lines', async () => {
    // Hart 0 rarely wins QEMU's lottery among 8, so compare what does not name the boot hart.
    const payload = buildPayload();
    const ref = await runQemu(['-smp', '8', '-m', '256M', '-bios', FW_JUMP, '-kernel', payload], {
      waitExit: true,
      timeoutMs: 30_000,
    });
    const ours = await runOurs(
      { bios: fileArg(FW_JUMP), kernel: fileArg(payload) },
      { harts: 8, ramSize: 256n << 20n, waitExit: true, timeoutMs: 60_000 },
    );
    expect(ours.result.reason, ours.output.slice(-800)).toBe('poweroff');
    const neutral = (l: string): boolean =>
      !/Boot HART ID|Domain0 Boot HART|payload: hart \d started/.test(l);
    const qb = bannerLines(ref.output).filter(neutral);
    expect(qb).toContain('Platform HART Count       : 8');
    expect(bannerLines(ours.output).filter(neutral)).toEqual(qb);
    const qp = payloadLines(ref.output).filter(neutral);
    expect(qp).toContain('payload: IPIs acknowledged by 7 harts');
    expect(payloadLines(ours.output).filter(neutral)).toEqual(qp);
    expect(payloadLines(ours.output).filter((l) => / started$/.test(l))).toHaveLength(7);
  });
});
