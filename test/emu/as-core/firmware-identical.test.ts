// Real firmware nobody here wrote prints exactly what it prints under QEMU 7.2: Debian's OpenSBI
// fw_jump banner on 1 and 4 harts (also with AIA), and OpenSBI + U-Boot up to its prompt, byte
// for byte (line endings normalised). The device tree is QEMU's own, dumped at test time.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FW_JUMP, QEMU, UBOOT_SMODE, missing } from '../support/tools.js';
import { runQemu } from '../support/qemu.js';
import { bootFirmware } from './core-run.js';

function qemuDtb(machine: string, harts: number, ramMiB: number): Uint8Array {
  const file = join(mkdtempSync(join(tmpdir(), 'as-core-dtb-')), 'virt.dtb');
  const r = spawnSync(
    QEMU,
    ['-M', `${machine},dumpdtb=${file}`, '-smp', String(harts), '-m', `${ramMiB}M`, '-nographic'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`dumpdtb failed: ${r.stderr}`);
  return readFileSync(file);
}

const norm = (s: string): string => s.replace(/\r\n/g, '\n');
// fw_jump holds a boot-hart lottery: under QEMU's multi-threaded TCG any hart may win, in ours
// (harts interleaved deterministically) hart 0 always does; the winner's number is masked.
const banner = (s: string): string => {
  const t = norm(s);
  const a = t.indexOf('OpenSBI v');
  const b = t.indexOf('Boot HART MEDELEG');
  // up to the MEDELEG line, whose end may still be in flight when QEMU is stopped
  return t.slice(a, b).replace(/^((?:Domain0 Boot HART|Boot HART ID)\s+: )\d+$/gm, '$1N');
};

const skip = missing({ commands: [QEMU], files: [FW_JUMP, UBOOT_SMODE] });
describe.skipIf(skip)(
  `firmware output identical to QEMU${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    for (const [machine, harts, opts] of [
      ['virt', 1, {}],
      ['virt', 4, {}],
      ['virt,aia=aplic-imsic,aia-guests=1', 4, { 9: 2n, 10: 1n }],
    ] as const) {
      it(`OpenSBI fw_jump banner, -M ${machine} -smp ${harts}`, async () => {
        const ramMiB = 256;
        const ref = await runQemu(['-smp', String(harts), '-m', `${ramMiB}M`, '-bios', FW_JUMP], {
          machine,
          expect: ['Boot HART MEDELEG'],
          timeoutMs: 30_000,
        });
        const ours = await bootFirmware({
          bios: FW_JUMP,
          dtb: qemuDtb(machine, harts, ramMiB),
          harts,
          ramMiB,
          until: 'Boot HART MEDELEG',
          options: opts,
          maxInsns: 200_000_000n,
        });
        expect(banner(ref.output)).toContain('Platform HART Count');
        expect(banner(ours.output)).toBe(banner(ref.output));
      });
    }

    it('OpenSBI + U-Boot: identical output up to the prompt, then `version`', async () => {
      const ramMiB = 256;
      const ref = await runQemu(
        ['-smp', '1', '-m', `${ramMiB}M`, '-bios', FW_JUMP, '-kernel', UBOOT_SMODE],
        {
          expect: ['=> '],
          timeoutMs: 60_000,
        },
      );
      const ours = await bootFirmware({
        bios: FW_JUMP,
        kernelBin: UBOOT_SMODE,
        dtb: qemuDtb('virt', 1, ramMiB),
        harts: 1,
        ramMiB,
        until: '=> ',
        input: 'version\r',
        untilAfter: 'GNU ld',
      });
      const upToPrompt = (s: string): string => {
        const t = norm(s);
        return t.slice(t.indexOf('OpenSBI v'), t.indexOf('=> ') + 3);
      };
      expect(upToPrompt(ref.output)).toContain('Hit any key');
      expect(upToPrompt(ours.output)).toBe(upToPrompt(ref.output));
      expect(norm(ours.output)).toMatch(/=> version\nU-Boot 20\d\d/);
    });
  },
);
