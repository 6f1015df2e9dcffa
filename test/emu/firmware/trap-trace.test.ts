// Every synchronous trap OpenSBI and our payload take — OpenSBI's CSR probes, misaligned
// emulation, the payload's SBI ecalls — in the same order, with the same cause and epc, per
// hart, as QEMU logs them with `-d int`. A stricter check than comparing console output.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CROSS_GCC, FW_DYNAMIC, FW_JUMP, QEMU, missing } from '../support/tools.js';
import { emuMissing, fileArg, newMachine } from '../support/emu.js';
import { bootHartOf, runQemuWithBootHart } from '../support/qemu.js';
import { buildPayload } from '../support/payload.js';

type Trace = Map<number, string[]>;

function qemuTrace(log: string): Trace {
  const out: Trace = new Map();
  const re = /hart:(\d+), async:0, cause:([0-9a-f]+), epc:0x([0-9a-f]+)/g;
  for (const m of log.matchAll(re)) {
    const h = Number(m[1]);
    if (!out.has(h)) out.set(h, []);
    out.get(h)!.push(`${BigInt('0x' + m[2])}@${BigInt('0x' + m[3]).toString(16)}`);
  }
  return out;
}

const skip = missing({ commands: [QEMU, CROSS_GCC], files: [FW_JUMP, FW_DYNAMIC] }) ?? emuMissing;
describe.skipIf(skip)(
  `synchronous traps per hart, ours vs QEMU -d int${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    // With several harts, OpenSBI's boot-hart lottery may be won by any hart under QEMU's
    // multi-threaded TCG (ours is deterministic: always the same one), and the payload's work
    // depends on its hart id: QEMU is rerun until the hart that won in ours wins, then harts
    // are compared one to one.
    for (const [fwName, fw, harts] of [
      ['fw_jump', FW_JUMP, 1],
      ['fw_jump', FW_JUMP, 4],
      ['fw_dynamic', FW_DYNAMIC, 4],
    ] as const) {
      it(`${fwName} + payload on ${harts} hart(s)`, async () => {
        const payload = buildPayload();
        const log = join(mkdtempSync(join(tmpdir(), 'trap-trace-')), 'int.log');
        const m = await newMachine({ harts, ramSize: 256n << 20n });
        m.boot({ bios: fileArg(fw), kernel: fileArg(payload) });
        const ours: Trace = new Map();
        let out = '';
        m.onUart((b) => (out += Buffer.from(b).toString('latin1')));
        m.onEvent(['trap'], (e) => {
          if (e.kind !== 'trap' || e.interrupt) return;
          if (!ours.has(e.hart)) ours.set(e.hart, []);
          ours.get(e.hart)!.push(`${e.cause}@${e.epc.toString(16)}`);
        });
        expect((await m.runUntil({ timeoutMs: 60_000 })).reason).toBe('poweroff');

        const ref = await runQemuWithBootHart(
          bootHartOf(out) ?? -1,
          [
            '-smp',
            String(harts),
            '-m',
            '256M',
            '-bios',
            fw,
            '-kernel',
            payload,
            '-d',
            'int',
            '-D',
            log,
          ],
          { waitExit: true, timeoutMs: 60_000 },
        );
        expect(ref.timedOut).toBe(false);
        const q = qemuTrace(readFileSync(log, 'utf8'));
        expect([...ours.keys()].sort()).toEqual([...q.keys()].sort());
        for (const [h, seq] of q) {
          expect(seq.length).toBeGreaterThan(2);
          const mine = ours.get(h) ?? [];
          const at = seq.findIndex((x, i) => mine[i] !== x);
          const where = at < 0 ? mine.length : at;
          // Report the first divergence with context rather than two 300-entry arrays.
          expect({
            hart: h,
            at: where,
            ours: at < 0 ? [] : mine.slice(Math.max(0, where - 2), where + 3),
            qemu: at < 0 ? [] : seq.slice(Math.max(0, where - 2), where + 3),
            lengths: [mine.length, seq.length],
          }).toEqual({
            hart: h,
            at: seq.length,
            ours: [],
            qemu: [],
            lengths: [seq.length, seq.length],
          });
        }
      });
    }
  },
);
