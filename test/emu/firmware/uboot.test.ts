// U-Boot (Debian's qemu-riscv64_smode) under OpenSBI fw_jump reaches its prompt in our emulator
// and answers `version` typed on the UART, with the same answer as under QEMU.
import { describe, expect, it } from 'vitest';
import { FW_JUMP, QEMU, UBOOT_SMODE, missing } from '../support/tools.js';
import { emuMissing, fileArg, runOurs } from '../support/emu.js';
import { runQemu } from '../support/qemu.js';

const PROMPT = '=> ';
/** The lines U-Boot prints for `version` (its banner, compiler and linker). */
function versionAnswer(out: string): string[] {
  const at = out.lastIndexOf('version');
  const lines = out
    .slice(at)
    .split(/\r?\n/)
    .map((l) => l.trimEnd());
  return lines.filter((l) => /^(U-Boot \d|riscv64-linux-gnu-gcc|GNU ld)/.test(l));
}

const skip = missing({ commands: [QEMU], files: [FW_JUMP, UBOOT_SMODE] }) ?? emuMissing;
describe.skipIf(skip)(`U-Boot under OpenSBI${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('reaches the prompt and answers version like under QEMU', async () => {
    const ref = await runQemu(
      ['-smp', '1', '-m', '256M', '-bios', FW_JUMP, '-kernel', UBOOT_SMODE],
      {
        expect: [PROMPT],
        input: 'version\r',
        inputAfter: PROMPT,
        afterInput: '\n' + PROMPT,
        timeoutMs: 60_000,
      },
    );
    const qAnswer = versionAnswer(ref.output);
    expect(qAnswer.length, ref.output.slice(-600)).toBe(3);
    const ours = await runOurs(
      { bios: fileArg(FW_JUMP), kernel: fileArg(UBOOT_SMODE) },
      {
        harts: 1,
        ramSize: 256n << 20n,
        expect: [PROMPT],
        input: 'version\r',
        inputAfter: PROMPT,
        afterInput: '\n' + PROMPT,
        timeoutMs: 90_000,
      },
    );
    expect(ours.seenAt.has(PROMPT), ours.output.slice(-800)).toBe(true);
    expect(versionAnswer(ours.output)).toEqual(qAnswer);
  });
});
