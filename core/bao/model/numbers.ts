// 64-bit quantities (addresses, sizes, bitmaps) are bigints in memory: Bao's paddr_t, size_t,
// colormap_t and cpumap_t are 64-bit on every 64-bit target and platform descriptions already
// exceed 32 bits. In project files they are written as hex strings so they stay exact in JSON.
import { z } from 'zod';

const HEX_OR_DEC = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/;
const U64_MAX = (1n << 64n) - 1n;

/** Parses "0x1000", "0b101", "4096" or a non-negative safe integer into a bigint. */
export function parseU64(value: string | number | bigint): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`not a non-negative integer: ${value}`);
    return BigInt(value);
  }
  const text = value.trim().replace(/_/g, '');
  if (!HEX_OR_DEC.test(text)) throw new Error(`not a number: "${value}"`);
  const n = BigInt(text);
  if (n > U64_MAX) throw new Error(`does not fit in 64 bits: "${value}"`);
  return n;
}

/** A 64-bit unsigned value: accepts a hex/decimal string, a number or a bigint; yields a bigint. */
export const u64 = z
  .union([z.string(), z.number(), z.bigint()])
  .transform((v, ctx) => {
    try {
      return parseU64(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  })
  .pipe(z.bigint());

/** Formats an address or size the way Bao configs write them: lower-case hex. */
export function hex(n: bigint | number): string {
  return '0x' + BigInt(n).toString(16);
}

/** Bit i of a bitmap (cpu_affinity, colors). */
export function bitSet(map: bigint, i: number): boolean {
  return ((map >> BigInt(i)) & 1n) === 1n;
}

/** Number of set bits. */
export function popcount(map: bigint): number {
  let n = 0;
  for (let m = map; m > 0n; m >>= 1n) n += Number(m & 1n);
  return n;
}

/** Size with binary units, e.g. "64 MiB", for messages and the UI. */
export function formatSize(size: bigint): string {
  const units: [bigint, string][] = [
    [1n << 30n, 'GiB'],
    [1n << 20n, 'MiB'],
    [1n << 10n, 'KiB'],
  ];
  for (const [unit, name] of units)
    if (size >= unit && size % unit === 0n) return `${size / unit} ${name}`;
  return `${hex(size)} bytes`;
}
