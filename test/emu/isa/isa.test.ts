// ISA conformance: every program in test/emu/isa runs in QEMU 7.2 (the reference model) and in
// our emulator; their signatures must be identical except for documented QEMU deviations
// (test/emu/isa/DEVIATIONS.md).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CROSS_GCC, QEMU, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import {
  ISA_DIR,
  buildProgram,
  diffSignatures,
  type Deviation,
  programOptions,
  runProgramInOurs,
  runProgramInQemu,
} from '../support/isa-harness.js';

/** Signature lines where QEMU is known to differ from the spec; see DEVIATIONS.md. */
const DEVIATIONS: Record<string, Record<number, Deviation>> = {
  'csr.S': {
    14: 'medeleg bit 11 (ecall from M) writable in QEMU',
    20: 'mcounteren keeps 64 bits in QEMU',
    22: 'scounteren keeps 64 bits in QEMU',
    28: 'mcountinhibit.TM writable in QEMU',
    36: 'mepc bit 0 reads back set in QEMU',
    38: 'sepc bit 0 reads back set in QEMU',
  },
  'devices.S': { 5: 'PLIC enable bit of source 0 writable in QEMU' },
  // QEMU 7.2 takes the lowest-numbered pending interrupt first; the spec's order is
  // MEI, MSI, MTI, SEI, SSI, STI (here: MSI, MTI, SEI, SSI, STI pending together).
  'interrupts.S': {
    2: { why: 'interrupt priority', ours: '8000000000000003' },
    5: { why: 'interrupt priority', ours: '8000000000000007' },
    8: { why: 'interrupt priority', ours: '8000000000000009' },
    11: { why: 'interrupt priority', ours: '8000000000000001' },
    14: { why: 'interrupt priority', ours: '8000000000000005' },
  },
  // QEMU 7.2 ignores reserved PTE bits; the spec (priv 1.12, Svpbmt) makes them page faults.
  'mmu-ext.S': {
    4: { why: 'PBMT with menvcfg.PBMTE = 0 accepted', ours: '000000000000000d' },
    8: { why: 'PBMT = 3 (reserved) accepted', ours: '000000000000000d' },
    9: { why: 'PTE bit 54 (reserved) accepted', ours: '000000000000000d' },
    10: { why: 'PTE N bit without Svnapot accepted', ours: '000000000000000d' },
  },
  'mprv.S': { 22: { why: 'MRET to S keeps mstatus.MPRV', ours: '0000000000000000' } },
  'pmp.S': { 0: 'pmpaddr keeps bits 63:54 in QEMU' },
};

const programs = readdirSync(ISA_DIR)
  .filter((f) => f.endsWith('.S'))
  .sort();
const skipTools = missing({ commands: [CROSS_GCC, QEMU] });

describe.skipIf(skipTools)('ISA conformance against QEMU', () => {
  for (const p of programs) {
    describe(p, () => {
      const src = join(ISA_DIR, p);
      it('runs to completion in QEMU (the program itself is sound)', async () => {
        const ref = await runProgramInQemu(buildProgram(src), programOptions(src));
        expect(ref.complete, ref.raw.slice(-500)).toBe(true);
        expect(ref.lines.length).toBeGreaterThan(0);
      });
      it.skipIf(emuMissing)(
        `gives QEMU's signature in our emulator${emuMissing ? ` (skipped: ${emuMissing})` : ''}`,
        async () => {
          const elf = buildProgram(src);
          const opts = programOptions(src);
          const [ref, ours] = await Promise.all([
            runProgramInQemu(elf, opts),
            runProgramInOurs(elf, opts),
          ]);
          expect(diffSignatures(ours, ref, DEVIATIONS[p])).toEqual([]);
        },
      );
    });
  }
});
