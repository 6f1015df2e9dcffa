// AIA conformance of the AssemblyScript core: aia.S runs in QEMU 7.2 with
// -M virt,aia=aplic-imsic,aia-guests=1 (the reference) and in our core with the same options;
// the signatures must match except where QEMU departs from the AIA specification.
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_GCC, QEMU, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import {
  buildProgram,
  diffSignatures,
  parseSignature,
  runProgramInQemu,
} from '../support/isa-harness.js';
import { runElfInCore } from './core-run.js';

const here = dirname(fileURLToPath(import.meta.url));
const skip = missing({ commands: [CROSS_GCC, QEMU] }) ?? emuMissing;
const OPT_AIA = 9;
const OPT_AIA_GUESTS = 10;

/** QEMU 7.2 keeps sourcecfg writes in the S domain for sources the M domain did not delegate. */
const QEMU_DEVIATIONS: Record<number, string> = {
  46: 'child-domain sourcecfg of a non-delegated source',
};

describe.skipIf(skip)(
  `AIA (APLIC + IMSIC) against QEMU${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    it('aia.S gives the same signature as QEMU', async () => {
      const elf = buildProgram(join(here, 'aia.S'));
      const [ref, run] = await Promise.all([
        runProgramInQemu(elf, { qemuMachine: 'virt,aia=aplic-imsic,aia-guests=1' }),
        runElfInCore(elf, { [OPT_AIA]: 2n, [OPT_AIA_GUESTS]: 1n }),
      ]);
      expect(ref.complete, ref.raw.slice(-400)).toBe(true);
      expect(ref.lines.length).toBeGreaterThan(40);
      expect(run.stop).toBe(2); // powered off at the end of the program
      expect(diffSignatures(parseSignature(run.output), ref, QEMU_DEVIATIONS)).toEqual([]);
    });
  },
);
