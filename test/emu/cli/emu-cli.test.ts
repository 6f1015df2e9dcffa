// `bao-studio emu` as CI uses it: UART on stdout, exit 0 when every --expect text appeared,
// 1 otherwise, 2 with a one-line error naming the file for bad input.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CROSS_GCC, FW_JUMP, QEMU, UBOOT_SMODE, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { qemuDtb } from '../support/qemu.js';
import { decodeFdt, toDts } from '../../../core/emu/fdt/index.js';

const BIN = join(process.cwd(), 'bin', 'bao-studio.mjs');

function cli(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'emu', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('latin1');
      // Type once U-Boot's prompt shows (the CLI forwards stdin to the UART).
      if (input && stdout.includes('=> ') && !child.stdin.writableEnded) child.stdin.end(input);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (!input) child.stdin.end();
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const skip = missing({ commands: [CROSS_GCC, QEMU], files: [FW_JUMP, UBOOT_SMODE] }) ?? emuMissing;
describe.skipIf(skip)(`bao-studio emu${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('exits 0 when every expected text appeared', async () => {
    const r = await cli([
      '--bios',
      FW_JUMP,
      '--kernel',
      buildPayload(),
      '--smp',
      '2',
      '--mem',
      '256M',
      '--expect',
      'Platform HART Count       : 2',
      '--expect',
      'payload: IPIs acknowledged by 1 harts',
    ]);
    expect(r.stderr).not.toContain('expected text not seen');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OpenSBI v1');
    expect(r.stdout).toMatch(/payload: hart [01] started/); // whichever hart did not boot
  });

  it('exits 1 when a text never appears (the guest powered off first)', async () => {
    const r = await cli([
      '--bios',
      FW_JUMP,
      '--kernel',
      buildPayload(),
      '--expect',
      'no such line',
      '--quiet',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected text not seen: "no such line"');
    expect(r.stderr).toContain('guest powered off');
    expect(r.stdout).toBe('');
  });

  it('--no-jit gives the very same run (output and trap timeline) as the default', async () => {
    const args = ['--bios', FW_JUMP, '--kernel', buildPayload(), '--smp', '2', '--mem', '256M'];
    const [jit, interp] = await Promise.all([
      cli([...args, '--trace', 'traps,modes']),
      cli([...args, '--trace', 'traps,modes', '--no-jit']),
    ]);
    expect(jit.code).toBe(interp.code);
    expect(jit.stdout).toContain('payload: shutting down');
    expect(jit.stdout).toBe(interp.stdout);
    // the timeline is identical; only the closing line's time and MIPS may differ
    const timeline = (e: string) =>
      e
        .replace(/ in [\d.]+ s \(\d+ MIPS;/, ' in … s (… MIPS;')
        .replace(/; \d+ % in \d+ translated blocks\)/, ')')
        .split('\n');
    expect(jit.stderr).toMatch(/; \d+ % in [1-9]\d* translated blocks\)/);
    expect(timeline(jit.stderr).length).toBeGreaterThan(20);
    expect(timeline(jit.stderr)).toEqual(timeline(interp.stderr));
  });

  it('stops at --max-insns', async () => {
    const r = await cli([
      '--bios',
      FW_JUMP,
      '--max-insns',
      '100k',
      '--expect',
      'OpenSBI',
      '--quiet',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/budget after 100000 instructions/);
  });

  it('forwards stdin to the UART (U-Boot answers version)', async () => {
    const r = await cli(
      [
        '--bios',
        FW_JUMP,
        '--kernel',
        UBOOT_SMODE,
        '--mem',
        '256M',
        '--timeout',
        '60',
        '--expect',
        'riscv64-linux-gnu-gcc',
      ],
      'version\r',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/=> version\r?\nU-Boot 20/);
  });

  it('--trace prints the boot timeline: OpenSBI entering the payload in S, its ecalls', async () => {
    const r = await cli([
      '--bios',
      FW_JUMP,
      '--kernel',
      buildPayload(),
      '--quiet',
      '--trace',
      'traps,modes',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /\[hart 0\] trap illegal instruction \(2\) at 0x8000[0-9a-f]+: M -> M/,
    );
    // The payload's ELF symbols name the code that trapped.
    expect(r.stderr).toMatch(
      /\[hart 0\] trap ecall from S \(9\) at 0x802[0-9a-f]+ <payload_main\+0x[0-9a-f]+>: S -> M/,
    );
    expect(r.stderr).toContain('[hart 0] return M -> S at 0x80200000 <_start>');
    expect(r.stderr).toMatch(
      /trap S timer interrupt \(irq 5\) at 0x802[0-9a-f]+( <\w+\+0x[0-9a-f]+>)?: S -> S/,
    );
  });

  it('--dump-dtb writes the tree QEMU would give the guest (with --append and --initrd)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-dtb-'));
    const ours = join(dir, 'ours.dtb');
    const initrd = join(dir, 'initrd.img');
    writeFileSync(initrd, new Uint8Array(12345).fill(7));
    const r = await cli([
      '--initrd',
      initrd,
      '--bios',
      FW_JUMP,
      '--smp',
      '3',
      '--mem',
      '512M',
      '--append',
      'console=ttyS0',
      '--kernel',
      buildPayload(),
      '--dump-dtb',
      ours,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const q = decodeFdt(
      qemuDtb('', [
        '-initrd',
        initrd,
        '-smp',
        '3',
        '-m',
        '512M',
        '-bios',
        FW_JUMP,
        '-kernel',
        buildPayload(),
        '-append',
        'console=ttyS0',
      ]),
    ).root;
    // QEMU's rng-seed is random, ours fixed: same size and place, value aside.
    const oursTree = decodeFdt(readFileSync(ours)).root;
    for (const t of [q, oursTree]) {
      const seed = t.children
        .find((c) => c.name === 'chosen')!
        .props.find((p) => p.name === 'rng-seed');
      expect(seed?.value.length).toBe(32);
      seed!.value.fill(0);
    }
    q.children = q.children.filter((c) => !/^(pci|flash|fw-cfg|platform-bus)@/.test(c.name));
    const soc = q.children.find((c) => c.name === 'soc')!;
    soc.children = soc.children.filter((c) => !c.name.startsWith('pci@'));
    expect(toDts(oursTree)).toBe(toDts(q));
  });

  it('ends when every hart waits for input that cannot come (stdin closed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-idle-'));
    const wfi = join(dir, 'wfi.bin');
    writeFileSync(wfi, Uint8Array.of(0x73, 0x00, 0x50, 0x10, 0xf5, 0xbf)); // 1: wfi; j 1b
    const r = await cli(['--kernel', wfi, '--expect', 'never']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wait for an interrupt that cannot come');
  });

  it('names the file for bad images', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
    const cut = join(dir, 'cut.elf');
    writeFileSync(cut, readFileSync(FW_JUMP).subarray(0, 100));
    let r = await cli(['--bios', cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cut}: truncated ELF`);
    r = await cli(['--bios', join(dir, 'missing.elf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.elf: cannot read the firmware');
    r = await cli(['--bios', FW_JUMP, '--loader', `${cut}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected FILE@ADDR');
    const big = join(dir, 'big.bin');
    writeFileSync(big, new Uint8Array(2 << 20));
    r = await cli(['--bios', FW_JUMP, '--mem', '2M', '--kernel', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.bin: .*(too big for RAM|outside RAM)/);
  });
});
