// The bench's table: one row per measurement, ours and QEMU side by side, wall and CPU time,
// with "ours vs QEMU" as the median of pairwise ratios (run i of ours against run i of QEMU).

export interface Side {
  /** One value per run: ms, or MIPS when the row's unit is MIPS. */
  wall: number[];
  cpu: number[];
}

export interface Row {
  label: string;
  unit?: 'ms' | 'MIPS';
  ours: Side;
  /** Absent for rows about ours only. */
  qemu?: Side;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function value(v: number, unit: 'ms' | 'MIPS'): string {
  if (!Number.isFinite(v)) return '?';
  if (unit === 'MIPS') return `${v.toFixed(v < 10 ? 1 : 0)} MIPS`;
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`;
}

/** How ours compares: "3.1x slower" / "1.4x faster", from the per-run pairs. */
function versus(ours: number[], qemu: number[], unit: 'ms' | 'MIPS'): string {
  const speed = ours.map((o, i) => (unit === 'MIPS' ? o / qemu[i] : qemu[i] / o));
  const s = median(speed.filter(Number.isFinite));
  if (!Number.isFinite(s)) return '?';
  return s >= 1 ? `${s.toFixed(2)}x faster` : `${(1 / s).toFixed(2)}x slower`;
}

export function printTable(rows: Row[]): void {
  const head = ['benchmark', 'ours', 'QEMU', 'ours vs QEMU', 'ours CPU', 'QEMU CPU', 'vs (CPU)'];
  const body = rows.map((r) => {
    const u = r.unit ?? 'ms';
    const q = r.qemu;
    return [
      r.label,
      value(median(r.ours.wall), u),
      q ? value(median(q.wall), u) : '-',
      q ? versus(r.ours.wall, q.wall, u) : '',
      value(median(r.ours.cpu), u),
      q ? value(median(q.cpu), u) : '-',
      q ? versus(r.ours.cpu, q.cpu, u) : '',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}
