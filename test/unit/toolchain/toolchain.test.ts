import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { hasTool, runTool, ToolMissingError } from '../../../toolchain/process.js';
import { qemuArgs, runQemu } from '../../../toolchain/qemu.js';

const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf';

describe('toolchain process runner', () => {
  it('passes arguments verbatim, without a shell', async () => {
    const res = await runTool('node', [
      '-e',
      'process.stdout.write(process.argv[1])',
      '$(echo no); *',
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('$(echo no); *');
  });

  it('names the Debian package of a missing tool', async () => {
    await expect(runTool('riscv64-unknown-elf-gcc-not-here', [])).rejects.toBeInstanceOf(
      ToolMissingError,
    );
    const err = new ToolMissingError('dtc');
    expect(err.message).toBe('dtc is not installed (Debian package: device-tree-compiler)');
  });

  it('kills a tool that runs past its timeout', async () => {
    const res = await runTool('sleep', ['5'], { timeoutMs: 200 });
    expect(res.timedOut).toBe(true);
  });
});

describe('QEMU runner', () => {
  it('builds the workshop command line', () => {
    expect(
      qemuArgs({
        bios: 'fw.elf',
        kernel: 'bao.bin',
        loaders: [{ file: 'l.bin', addr: 0x90200000n }],
      }),
    ).toEqual([
      '-nographic',
      '-M',
      'virt',
      '-cpu',
      'rv64',
      '-m',
      '4G',
      '-smp',
      '4',
      '-bios',
      'fw.elf',
      '-kernel',
      'bao.bin',
      '-device',
      'loader,file=l.bin,addr=0x90200000,force-raw=on',
    ]);
  });

  it('waits for expected output from real OpenSBI and reports what is missing', async (ctx) => {
    if (!existsSync(FW_JUMP) || !(await hasTool('qemu-system-riscv64'))) {
      ctx.skip(); // needs Debian's opensbi and qemu-system-misc
      return;
    }
    const ok = await runQemu({
      bios: FW_JUMP,
      smp: 2,
      memory: '256M',
      expect: ['OpenSBI', 'Boot HART ID'],
      timeoutMs: 20_000,
    });
    expect(ok.matched).toBe(true);
    expect(ok.output).toMatch(/Platform HART Count\s*: 2/);
    const missing = await runQemu({
      bios: FW_JUMP,
      smp: 1,
      memory: '256M',
      expect: ['OpenSBI', 'never printed'],
      timeoutMs: 3_000,
    });
    expect(missing.matched).toBe(false);
    expect(missing.missing).toEqual(['never printed']);
  });
});

describe('Bao build error summary', () => {
  it("skips the dependency step's stdint.h noise and names the real error", async () => {
    const { summarizeBuildError } = await import('../../../toolchain/bao-build.js');
    const log = [
      'Creating dependency\tsrc/core/config.c',
      'src/core/inc/bao.h:10:10: fatal error: stdint.h: No such file or directory',
      'Compiling source\t/tmp/cfg/x.c',
      "/tmp/cfg/x.c:12:9: error: 'struct vm_platform' has no member named 'foo'",
      'make: *** [Makefile:340: x.o] Error 1',
    ].join('\n');
    expect(summarizeBuildError(log)).toBe(
      "/tmp/cfg/x.c:12:9: error: 'struct vm_platform' has no member named 'foo'",
    );
    expect(summarizeBuildError('make: *** [Makefile:1: all] Error 2')).toBe(
      'make: *** [Makefile:1: all] Error 2',
    );
  });
});
