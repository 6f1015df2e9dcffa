// Debian's riscv64 Linux (fetched by test/linux/fetch-linux.ts into its cache, never committed)
// with the JIT on and off, in lockstep, through OpenSBI fw_dynamic to the busybox /init that
// echoes a typed line and powers off: ~460 M instructions of S-mode kernel code under Sv39, with
// timer and UART interrupts, compared at every chunk boundary. Skipped without the cache.
import { describe, expect, it } from 'vitest';
import { cachedLinux, linuxCacheDir, LINUX_ECHO, LINUX_PROMPT } from '../../linux/linux-cache.js';
import { FW_DYNAMIC, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { createPair, lockstep } from './support/lockstep.js';

const files = cachedLinux();
const skip =
  (files
    ? undefined
    : `no kernel/initramfs in ${linuxCacheDir()} (npx tsx test/linux/fetch-linux.ts)`) ??
  missing({ files: [FW_DYNAMIC] }) ??
  emuMissing;
const INPUT = 'jit lockstep';
/** The 2-hart run costs ~30 s more (threshold 2: nearly everything translated): on request. */
const LONG = process.env.JIT_LONG === '1';

describe.skipIf(skip)(`Linux, JIT vs interpreter${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const harts of [1, 2]) {
    it.skipIf(harts > 1 && !LONG)(
      `${harts} hart(s) to /init and power-off`,
      async () => {
        const pair = await createPair(
          {
            bios: fileArg(FW_DYNAMIC),
            kernel: fileArg(files!.kernel),
            initrd: fileArg(files!.initrd),
            bootargs: 'console=ttyS0 earlycon=uart8250,mmio,0x10000000 cryptomgr.notests',
          },
          // the core's default threshold: what users run
          { harts, ramSize: 1n << 30n, threshold: harts === 1 ? 'default' : 2 },
        );
        const r = lockstep(pair, {
          chunks: [1_000_003n, 7n],
          maxInsns: 3_000_000_000n,
          fullEvery: 50_000_000n,
          input: [{ after: LINUX_PROMPT, text: `${INPUT}\r` }],
        });
        expect(r.divergence).toBeUndefined();
        expect(r.reason, pair.out.ref.slice(-1500)).toBe('poweroff');
        expect(pair.out.ref).toContain(`${LINUX_ECHO}${INPUT}`);
        expect(pair.jit.jitStats().ranInsns / Number(r.insns)).toBeGreaterThan(0.3);
      },
      300_000,
    );
  }
});
