// The real Bao with the JIT on and off, in lockstep: Bao v1.0.0 and v2.0.0 (BAO_SRC, built as
// test/bao-boot does; never committed here) under OpenSBI fw_jump on 4 harts with our guest in
// VS mode — one VM (UART echo through the virtual PLIC), a 4-vCPU VM and two VMs linked by IPC.
// Two-stage translation, virtual interrupts and Bao's IPIs all meet translated code. Skipped
// without BAO_SRC.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesign } from '../../../toolchain/build-design.js';
import { scenarios } from '../../bao-boot/scenarios.js';
import { baoTree } from '../../bao-boot/bao-tree.js';
import { checkLines } from '../../bao-boot/run-scenario.js';
import { CROSS_GCC, FW_JUMP, missing } from '../support/tools.js';
import { emuMissing, fileArg } from '../support/emu.js';
import { createPair, lockstep } from './support/lockstep.js';

const BAO_SRC = process.env.BAO_SRC;
const skip =
  (BAO_SRC === undefined || !existsSync(BAO_SRC)
    ? 'set BAO_SRC to a bao-hypervisor git checkout'
    : undefined) ??
  missing({ commands: [CROSS_GCC], files: [FW_JUMP] }) ??
  emuMissing;

const VERSIONS = [
  { tag: 'v1.0.0', bao: 'v1.0' as const },
  { tag: 'v2.0.0', bao: 'v2' as const },
];

describe.skipIf(skip)(`real Bao, JIT vs interpreter${skip ? ` (skipped: ${skip})` : ''}`, () => {
  for (const v of VERSIONS)
    for (const s of scenarios(v.bao)) {
      it(`Bao ${v.tag}: ${s.name}`, async () => {
        const built = await buildDesign(s.project, {
          baoSrc: baoTree(BAO_SRC!, v.tag),
          workDir: mkdtempSync(join(tmpdir(), 'bao-jit-')),
        });
        const pair = await createPair(
          { bios: fileArg(FW_JUMP), kernel: fileArg(built.bin) },
          { harts: 4, ramSize: 2n << 30n },
        );
        const r = lockstep(pair, {
          chunks: [100003n, 17n, 4099n],
          maxInsns: 1_500_000_000n,
          fullEvery: 10_000_000n,
          input: s.echo ? [{ after: s.echo.after, text: s.echo.text }] : [],
          until: (p) => checkLines(p.out.ref, s) === undefined,
        });
        expect(r.divergence).toBeUndefined();
        expect(r.reason, pair.out.ref.slice(-1500)).toBe('until');
        expect(pair.jit.jitStats().ranInsns).toBeGreaterThan(0);
      }, 600_000);
    }
});
