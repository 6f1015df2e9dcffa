// Zicbom / Zicboz. Off (the default, as on QEMU 7.2's rv64) every cbo.* is illegal: compared with
// QEMU. On, there is no reference model here (QEMU added Zicbom/Zicboz in 8.0), so cmo.S's trace
// is checked against the CMO specification: cbo.zero clears exactly the 64-byte block holding
// the address; an operation is allowed in M always, below M only when menvcfg enables it (else
// illegal instruction), in U also senvcfg, in VS/VU also henvcfg (else virtual instruction), and
// in VU senvcfg too (else virtual instruction).
import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_GCC, QEMU, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import {
  buildProgram,
  diffSignatures,
  runProgramInOurs,
  runProgramInQemu,
  type Signature,
} from '../support/isa-harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const skip = missing({ commands: [CROSS_GCC, QEMU] }) ?? emuMissing;
const PATTERN = 0xa5a5a5a5a5a5a5a5n;

/** Step number → trap cause of that step (undefined: no trap), plus data words after step 0. */
function trace(sig: Signature): { data: bigint[]; traps: Map<number, bigint | undefined> } {
  const v = sig.lines.map((l) => BigInt('0x' + l.slice(8)));
  const traps = new Map<number, bigint | undefined>();
  const data: bigint[] = [];
  let step = -1;
  for (let i = 0; i < v.length; i++) {
    if (v[i] >= 0x100n && v[i] < 0x140n) {
      step = Number(v[i] - 0x100n);
      traps.set(step, undefined);
    } else if (
      step >= 0 &&
      v[i] > 0n &&
      v[i] < 64n &&
      v[i + 1] >= 0x80000000n &&
      v[i + 1] < 0x80100000n
    ) {
      // a trap record: cause, epc (in the program), tval
      traps.set(step, v[i]);
      i += 2;
    } else data.push(v[i]);
  }
  return { data, traps };
}

/** ALL4(n) runs clean, flush, inval, zero as steps n..n+3. */
const four = (n: number, cause: bigint | undefined): [number, bigint | undefined][] =>
  [0, 1, 2, 3].map((i) => [n + i, cause]);

describe.skipIf(skip)(`Zicbom/Zicboz${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('off: every cbo.* is illegal, as in QEMU 7.2', async () => {
    const elf = buildProgram(join(here, 'cmo.S'));
    const [ref, ours] = await Promise.all([runProgramInQemu(elf), runProgramInOurs(elf)]);
    expect(ref.complete, ref.raw.slice(-400)).toBe(true);
    expect(diffSignatures(ours, ref)).toEqual([]);
    expect(trace(ref).traps.get(0)).toBe(2n);
  });

  it('on: cbo.zero and the envcfg enables follow the CMO specification', async () => {
    const elf = buildProgram(join(here, 'cmo.S'));
    const ours = await runProgramInOurs(elf, { machine: { zicbom: true, zicboz: true } });
    expect(ours.complete, ours.raw.slice(-400)).toBe(true);
    const { data, traps } = trace(ours);
    // words at buf+56, +64, +120, +128 after cbo.zero of buf+64+13; then buf+0 after clean,
    // flush and inval (kept) and after cbo.zero (cleared)
    expect(data).toEqual([PATTERN, 0n, 0n, PATTERN, PATTERN, 0n]);
    const ILLEGAL = 2n;
    const VIRTUAL = 0x16n;
    const expected = new Map<number, bigint | undefined>([
      [0, undefined], // M: cbo.zero
      ...four(1, undefined), // M: always allowed
      ...four(10, ILLEGAL), // S, menvcfg clear
      ...four(14, ILLEGAL), // U, menvcfg clear
      ...four(20, undefined), // S, menvcfg set
      ...four(24, ILLEGAL), // U, senvcfg clear
      ...four(28, undefined), // U, both set
      [32, undefined], // S, CBIE = 01: cbo.inval runs as a flush
      ...four(40, VIRTUAL), // VS, henvcfg clear
      ...four(44, undefined), // VS, henvcfg set
      ...four(50, VIRTUAL), // VU, senvcfg clear
      ...four(54, undefined), // VU, all set
      [63, undefined],
    ]);
    expect(traps).toEqual(expected);
  });
});
