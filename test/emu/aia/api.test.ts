// The Machine API with AIA: the Smaia/Ssaia CSRs by name (what the debugger panel shows) exist
// only on an aplic-imsic machine, reach the hart's interrupt files, and reading *topei does not
// claim; an MSI written to an IMSIC page shows up in mip and mtopei.
import { describe, expect, it } from 'vitest';
import { emuMissing, newMachine } from '../support/emu.js';

describe.skipIf(emuMissing)(
  `Machine API with AIA${emuMissing ? ` (skipped: ${emuMissing})` : ''}`,
  () => {
    it('has the AIA CSRs only with aia = aplic-imsic', async () => {
      const plain = await newMachine({ harts: 1 });
      expect(() => plain.getCSR(0, 'mtopei')).toThrow(/does not exist/);
      const direct = await newMachine({ harts: 1, aia: 'aplic' });
      expect(() => direct.getCSR(0, 'miselect')).toThrow(/does not exist/);
    });

    it('reads interrupt files through miselect/mireg and mtopei without claiming', async () => {
      const m = await newMachine({ harts: 2, aia: 'aplic-imsic', aiaGuests: 1 });
      m.setCSR(1, 'miselect', 0x70n);
      m.setCSR(1, 'mireg', 1n); // eidelivery
      m.setCSR(1, 'miselect', 0xc0n);
      m.setCSR(1, 'mireg', 1n << 5n); // eie: identity 5
      // an MSI to hart 1's M-level file (0x24000000 + 0x1000)
      for (const [i, b] of [5, 0, 0, 0].entries())
        m.writePhys(0x24001000n + BigInt(i), Uint8Array.of(b));
      expect(m.getCSR(1, 'mtopei')).toBe((5n << 16n) | 5n);
      expect(m.getCSR(1, 'mtopei')).toBe((5n << 16n) | 5n); // still there: reading does not claim
      expect((m.getCSR(1, 'mip') >> 11n) & 1n).toBe(1n);
      expect(m.getCSR(0, 'mtopei')).toBe(0n); // the other hart's file is untouched
      m.setCSR(1, 'miselect', 0x80n);
      expect(m.getCSR(1, 'mireg')).toBe(1n << 5n); // eip0
      expect(m.getCSR(1, 'hgeie')).toBe(0n);
      m.setCSR(1, 'hgeie', 0xffn);
      expect(m.getCSR(1, 'hgeie')).toBe(2n); // GEILEN = 1 guest file
    });
  },
);
