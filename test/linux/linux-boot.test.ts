// Debian's riscv64 Linux kernel (fetched by fetch-linux.ts into LINUX_CACHE, never committed)
// boots in our emulator through Debian's OpenSBI fw_dynamic to a busybox initramfs whose /init
// prints /proc/cpuinfo's isa line and a marker, reads a line we type and echoes it, then powers off. With the JIT and without it
// the run must be identical (same output byte for byte, same instruction count: the clock is
// deterministic), and the isa line must be QEMU 7.2's. Skipped unless the cache holds the files.
import { describe, expect, it } from 'vitest';
import { emuMissing, fileArg, runOurs, type EmuRun } from '../emu/support/emu.js';
import { runQemu } from '../emu/support/qemu.js';
import { FW_DYNAMIC, QEMU, missing } from '../emu/support/tools.js';
import {
  LINUX_ECHO,
  LINUX_MARKER,
  LINUX_PROMPT,
  cachedLinux,
  linuxCacheDir,
} from './linux-cache.js';

const APPEND = 'console=ttyS0 earlycon=uart8250,mmio,0x10000000 cryptomgr.notests';
const files = cachedLinux();
const skip =
  (files
    ? undefined
    : `no kernel/initramfs in ${linuxCacheDir()}: run npx tsx test/linux/fetch-linux.ts or set LINUX_CACHE`) ??
  missing({ files: [FW_DYNAMIC] }) ??
  emuMissing;

const INPUT = 'hello from the host';

const isaLine = (out: string): string | undefined =>
  /^isa\s*:\s*(\S+)/m.exec(out.replaceAll('\r', ''))?.[1];
/** The console without the printk timestamps (QEMU's follow its own clock). */
const noStamps = (out: string): string => out.replaceAll('\r', '').replace(/^\[ *[\d.]+\] /gm, '');

async function boot(jit: boolean, harts = 1): Promise<EmuRun> {
  // machine.boot takes the command line too (/chosen/bootargs), as QEMU's -append.
  const images = {
    bios: fileArg(FW_DYNAMIC),
    kernel: fileArg(files!.kernel),
    initrd: fileArg(files!.initrd),
    bootargs: APPEND,
  };
  return runOurs(images, {
    harts,
    ramSize: 1n << 30n,
    jit,
    // typed once /init asks: the 8250's receive interrupt through the PLIC into Linux's tty
    input: `${INPUT}\r`,
    inputAfter: LINUX_PROMPT,
    waitExit: true,
    timeoutMs: 120_000,
    chunk: 8_000_000n,
  });
}

describe.skipIf(skip)(`Debian Linux to a busybox /init${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let withJit: EmuRun | undefined;

  it('boots to the marker and powers off, JIT on', async () => {
    const run = await boot(true);
    withJit = run;
    const out = run.output;
    expect(run.result.reason, out.slice(-1500)).toBe('poweroff');
    expect(out).toMatch(/Linux version \d+\.\d+\.\S+-riscv64 /);
    expect(out).toMatch(/SBI specification v\d+\.\d+ detected/);
    expect(out).toContain('Run /init as init process');
    // The device tree's /chosen/rng-seed seeds the kernel's RNG at once, as QEMU's does (without
    // it the boot costs ~30 % more instructions gathering entropy).
    expect(out).toMatch(/\] random: crng init done\r?\n/);
    // The kernel's view of the hart: what our device tree and CPU offer (QEMU 7.2's rv64 set).
    const isa = isaLine(out);
    expect(isa).toMatch(/^rv64imafdch_/);
    for (const ext of ['zicsr', 'zifencei', 'zba', 'zbb', 'zbc', 'zbs', 'sstc'])
      expect(isa?.split('_')).toContain(ext);
    expect(out).toContain(`\n${LINUX_MARKER}`);
    expect(out.indexOf(LINUX_MARKER)).toBeGreaterThan(out.indexOf('isa\t'));
    expect(out).toContain(`${LINUX_ECHO}${INPUT}`);
    expect(out).toMatch(/reboot: Power down/);
    // Most of the boot runs in translated code (a JIT that silently gave up would still pass above).
    const st = run.machine.jitStats();
    expect(st.errors, st.lastError).toBe(0);
    expect(st.ranInsns / Number(run.result.insns)).toBeGreaterThan(0.5);
  }, 150_000);

  it('JIT off: the same output and the same instruction count', async () => {
    const run = await boot(false);
    expect(run.result.reason, run.output.slice(-1500)).toBe('poweroff');
    expect(run.machine.jitStats().ranInsns).toBe(0);
    expect(withJit, 'the JIT-on run must have finished').toBeDefined();
    expect(run.output).toBe(withJit!.output);
    expect(run.machine.instructionCounts()).toEqual(withJit!.machine.instructionCounts());
  }, 150_000);

  it('2 harts: Linux starts the second through SBI HSM and still reaches the marker', async () => {
    const run = await boot(true, 2);
    expect(run.result.reason, run.output.slice(-1500)).toBe('poweroff');
    expect(run.output).toContain('smp: Brought up 1 node, 2 CPUs');
    expect(run.output).toContain(`${LINUX_ECHO}${INPUT}`);
    // the second hart did real work, not only wait
    expect(run.machine.instructionCounts()[1]).toBeGreaterThan(10_000_000n);
  }, 150_000);

  it.skipIf(missing({ commands: [QEMU] }))(
    'the same isa line and /init output as QEMU 7.2',
    async () => {
      const ref = await runQemu(
        [
          '-cpu',
          'rv64',
          '-m',
          '1G',
          '-smp',
          '1',
          '-bios',
          FW_DYNAMIC,
          '-kernel',
          files!.kernel,
          '-initrd',
          files!.initrd,
          '-append',
          APPEND,
        ],
        { waitExit: true, timeoutMs: 60_000, input: `${INPUT}\r`, inputAfter: LINUX_PROMPT },
      );
      expect(ref.output).toContain(LINUX_MARKER);
      expect(ref.output).toContain(`${LINUX_ECHO}${INPUT}`);
      expect(withJit, 'the JIT-on run must have finished').toBeDefined();
      const tail = (o: string): string => noStamps(o).slice(noStamps(o).indexOf('Run /init'));
      expect(tail(withJit!.output)).toBe(tail(ref.output));
    },
    90_000,
  );
});
