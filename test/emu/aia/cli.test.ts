// `bao-studio emu --aia … --aia-guests … --isa-ext …`: the machine the CLI builds is the one
// QEMU builds for the same switches (OpenSBI's view of it in its banner and the device tree the
// firmware receives), and bad switches get a one-line error.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CROSS_GCC, FW_JUMP, QEMU, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { runQemu } from '../support/qemu.js';

const BIN = join(process.cwd(), 'bin', 'bao-studio.mjs');

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'emu', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('latin1')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const banner = (out: string): string[] =>
  out
    .split(/\r?\n/)
    .filter((l) =>
      /^(Platform (IPI|Timer|Console|HART Count)|Boot HART (Base ISA|ISA Extensions))/.test(l),
    )
    .map((l) => l.trimEnd());

const skip = missing({ commands: [CROSS_GCC, QEMU], files: [FW_JUMP] }) ?? emuMissing;
describe.skipIf(skip)(`bao-studio emu --aia${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('--aia aplic-imsic --aia-guests 1: OpenSBI sees the machine QEMU gives it', async () => {
    const payload = buildPayload();
    const [ours, ref] = await Promise.all([
      cli([
        '--bios',
        FW_JUMP,
        '--kernel',
        payload,
        '--smp',
        '2',
        '--mem',
        '256M',
        '--aia',
        'aplic-imsic',
        '--aia-guests',
        '1',
        '--isa-ext',
        'svinval=on',
        '--expect',
        'payload: shutting down',
      ]),
      runQemu(
        [
          '-smp',
          '2',
          '-m',
          '256M',
          '-cpu',
          'rv64,svinval=on',
          '-bios',
          FW_JUMP,
          '-kernel',
          payload,
        ],
        {
          machine: 'virt,aia=aplic-imsic,aia-guests=1',
          waitExit: true,
          timeoutMs: 30_000,
        },
      ),
    ]);
    expect(ours.code, ours.stderr).toBe(0);
    const q = banner(ref.output);
    expect(q).toContain('Platform IPI Device       : aia-imsic');
    expect(banner(ours.stdout)).toEqual(q);
  });

  it('rejects unknown AIA modes and extensions with a one-line error', async () => {
    const a = await cli(['--bios', FW_JUMP, '--aia', 'gic']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--aia gic: use none, aplic or aplic-imsic');
    const b = await cli(['--bios', FW_JUMP, '--isa-ext', 'zfoo=on']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--isa-ext zfoo=on: expected NAME=on|off');
    const c = await cli(['--bios', FW_JUMP, '--aia-guests', '2']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--aia-guests needs --aia aplic-imsic');
  });
});
