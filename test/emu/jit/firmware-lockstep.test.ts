// Real firmware with the JIT and without it, in lockstep: Debian's OpenSBI (fw_jump) with our
// S-mode payload on 1 and 4 harts to power-off, OpenSBI + U-Boot to its prompt and `version`,
// and our demo guests (assets/guests) as OpenSBI payloads: SBI calls, HSM, IPIs, timer and UART
// interrupts (PLIC, APLIC, IMSIC) all arrive while translated code runs.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CROSS_GCC, FW_JUMP, UBOOT_SMODE, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { createPair, lockstep } from './support/lockstep.js';

const GUESTS = join(import.meta.dirname, '../../../assets/guests/build');

const skipSbi = missing({ commands: [CROSS_GCC], files: [FW_JUMP] }) ?? emuMissing;
describe.skipIf(skipSbi)(
  `OpenSBI + payload, JIT vs interpreter${skipSbi ? ` (skipped: ${skipSbi})` : ''}`,
  () => {
    for (const [harts, quantum, chunks] of [
      [1, undefined, [100003n, 7n]],
      [4, 7, [1000n, 1n, 100003n, 33n]],
    ] as const) {
      it(`${harts} hart(s), quantum ${quantum ?? 'default'}`, async () => {
        const pair = await createPair(
          { bios: fileArg(FW_JUMP), kernel: fileArg(buildPayload()) },
          {
            harts,
            quantum,
            ramSize: 64n << 20n,
            events: harts === 1 ? ['trap'] : [],
            // on 4 harts the JIT switches on in the middle of OpenSBI's boot
            after: harts === 1 ? 0 : 1_000_000,
          },
        );
        const r = lockstep(pair, {
          chunks: [...chunks],
          maxInsns: 100_000_000n,
          ramEvery: 2_000_000n,
        });
        expect(r.divergence).toBeUndefined();
        expect(r.reason, pair.out.ref.slice(-500)).toBe('poweroff');
        expect(pair.out.ref).toContain(`payload: harts ${harts}`);
        expect(pair.out.ref).toContain('payload: shutting down');
        expect(pair.jit.jitStats().ranInsns, 'instructions run translated').toBeGreaterThan(1000);
      });
    }
  },
);

const skipUboot = missing({ files: [FW_JUMP, UBOOT_SMODE] }) ?? emuMissing;
describe.skipIf(skipUboot)(
  `U-Boot, JIT vs interpreter${skipUboot ? ` (skipped: ${skipUboot})` : ''}`,
  () => {
    it('reaches the prompt and answers version', async () => {
      const pair = await createPair(
        { bios: fileArg(FW_JUMP), kernel: fileArg(UBOOT_SMODE) },
        { harts: 1, ramSize: 128n << 20n, threshold: 'default' },
      );
      const r = lockstep(pair, {
        chunks: [100003n, 999n],
        maxInsns: 400_000_000n,
        ramEvery: 20_000_000n,
        // a key stops the autoboot countdown (which would otherwise spin for 2 s of guest time)
        input: [
          { after: 'autoboot', text: ' ' },
          { after: '=> ', text: 'version\r' },
        ],
        until: (p) => /version\r?\n[^]*U-Boot [^]*=> $/.test(p.out.ref),
      });
      expect(r.divergence).toBeUndefined();
      expect(r.reason, pair.out.ref.slice(-500)).toBe('until');
    });
  },
);

const skipGuests = missing({ files: [FW_JUMP] }) ?? emuMissing;
describe.skipIf(skipGuests)(
  `demo guests under OpenSBI, JIT vs interpreter${skipGuests ? ` (skipped: ${skipGuests})` : ''}`,
  () => {
    for (const [guest, harts, aia, quantum] of [
      ['baremetal', 4, 'none', 5],
      ['baremetal-aia', 1, 'aplic-imsic', undefined],
      ['baremetal-aplic', 4, 'aplic', 1000],
    ] as const) {
      it(`${guest} on ${harts} hart(s), ${aia}: timer ticks and UART echo`, async () => {
        const pair = await createPair(
          { bios: fileArg(FW_JUMP), kernel: fileArg(join(GUESTS, `${guest}.bin`)) },
          { harts, aia, quantum, ramSize: 64n << 20n },
        );
        const r = lockstep(pair, {
          chunks: [100003n, 13n, 5000n],
          maxInsns: 100_000_000n,
          input: [{ after: 'ready: type to echo', text: 'jit?' }],
          until: (p) => /ready: type to echo\r\n[^]*jit\?/.test(p.out.ref),
        });
        expect(r.divergence).toBeUndefined();
        expect(r.reason, pair.out.ref.slice(-500)).toBe('until');
        expect(pair.out.ref).toContain('[bm] timer tick 3');
        expect(pair.out.ref).toContain(`[bm] hello from vCPU ${harts - 1}`);
        expect(pair.jit.jitStats().ranInsns, 'instructions run translated').toBeGreaterThan(1000);
      });
    }
  },
);
