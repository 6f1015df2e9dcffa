import { describe, expect, it } from 'vitest';
import { humanSize, parseIrqList, parseNumberInput } from '../../../renderer/src/state/numbers.js';

describe('inspector number entry', () => {
  it('reads hex, decimal, binary and size units', () => {
    const v = (t: string, units = true) => {
      const r = parseNumberInput(t, { units });
      return r.ok ? r.value : r.error;
    };
    expect(v('0x80200000')).toBe(0x80200000n);
    expect(v('4096')).toBe(4096n);
    expect(v('0b101')).toBe(5n);
    expect(v('64M')).toBe(0x4000000n);
    expect(v('64 MiB')).toBe(0x4000000n);
    expect(v('1G')).toBe(0x40000000n);
    expect(v('4k')).toBe(0x1000n);
    expect(v('0x1_0000')).toBe(0x10000n);
  });

  it('explains what is wrong', () => {
    expect(parseNumberInput('12Q', { units: true })).toEqual({
      ok: false,
      error: 'unknown unit "Q" (use K, M or G)',
    });
    expect(parseNumberInput('64M')).toEqual({ ok: false, error: 'units are not allowed here' });
    expect(parseNumberInput('zz').ok).toBe(false);
    expect(parseNumberInput('').ok).toBe(false);
    expect(parseNumberInput('0x1' + '0'.repeat(16)).ok).toBe(false);
  });

  it('reads interrupt lists with ranges', () => {
    expect(parseIrqList('1-8')).toEqual({ ok: true, value: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(parseIrqList('10, 52')).toEqual({ ok: true, value: [10, 52] });
    expect(parseIrqList('')).toEqual({ ok: true, value: [] });
    expect(parseIrqList('8-1').ok).toBe(false);
    expect(parseIrqList('x').ok).toBe(false);
  });

  it('formats sizes in binary units', () => {
    expect(humanSize(0x4000000n)).toBe('64 MiB');
    expect(humanSize(0x10000n)).toBe('64 KiB');
    expect(humanSize(0x100n)).toBe('256 B');
  });
});
