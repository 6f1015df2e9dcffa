// Number entry as embedded developers type it: hex (0x80200000), decimal, binary (0b101), and
// sizes with units (64K, 64M, 1G, "64 MiB"). Formatting mirrors Bao configs: lower-case hex.
const UNITS: Record<string, bigint> = {
  '': 1n,
  k: 1n << 10n,
  kb: 1n << 10n,
  kib: 1n << 10n,
  m: 1n << 20n,
  mb: 1n << 20n,
  mib: 1n << 20n,
  g: 1n << 30n,
  gb: 1n << 30n,
  gib: 1n << 30n,
};
const U64_MAX = (1n << 64n) - 1n;

export type Parsed = { ok: true; value: bigint } | { ok: false; error: string };

export function parseNumberInput(text: string, opts: { units?: boolean } = {}): Parsed {
  const t = text.trim().replace(/_/g, '');
  if (!t) return { ok: false, error: 'a value is required' };
  const m = /^(0x[0-9a-f]+|0b[01]+|\d+)\s*([a-z]*)$/i.exec(t);
  if (!m)
    return {
      ok: false,
      error: `"${text}" is not a number (use 0x… hex or decimal${opts.units ? ', K/M/G units' : ''})`,
    };
  const unit = m[2]!.toLowerCase();
  if (unit && !opts.units) return { ok: false, error: `units are not allowed here` };
  const mult = UNITS[unit];
  if (mult === undefined) return { ok: false, error: `unknown unit "${m[2]}" (use K, M or G)` };
  const value = BigInt(m[1]!) * mult;
  if (value > U64_MAX) return { ok: false, error: 'does not fit in 64 bits' };
  return { ok: true, value };
}

export function toHex(v: bigint | number | undefined): string {
  return v === undefined ? '' : '0x' + BigInt(v).toString(16);
}

export function humanSize(size: bigint): string {
  const units: [bigint, string][] = [
    [1n << 30n, 'GiB'],
    [1n << 20n, 'MiB'],
    [1n << 10n, 'KiB'],
  ];
  for (const [u, name] of units) if (size >= u && size % u === 0n) return `${size / u} ${name}`;
  return `${size} B`;
}

export function parseIrqList(
  text: string,
): { ok: true; value: number[] } | { ok: false; error: string } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const r = /^(\d+)-(\d+)$/.exec(p);
    if (r) {
      const [a, b] = [Number(r[1]), Number(r[2])];
      if (b < a || b - a > 1024) return { ok: false, error: `bad range "${p}"` };
      for (let i = a; i <= b; i++) out.push(i);
      continue;
    }
    const n = /^(0x[0-9a-f]+|\d+)$/i.test(p) ? Number(p) : NaN;
    if (!Number.isSafeInteger(n) || n < 0)
      return { ok: false, error: `"${p}" is not an interrupt id` };
    out.push(n);
  }
  return { ok: true, value: out };
}
