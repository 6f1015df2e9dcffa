// A cpio "newc" archive writer (what the Linux kernel unpacks as an initramfs), so the fetch
// script needs no cpio binary. Deterministic: mtime 0, inode numbers in entry order.

export interface CpioEntry {
  name: string;
  /** st_mode with the file type (0o100000 file, 0o040000 dir, 0o020000 char device). */
  mode: number;
  data?: Uint8Array;
  /** For device nodes. */
  rdevMajor?: number;
  rdevMinor?: number;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const pad4 = (n: number): number => (4 - (n % 4)) % 4;

export function cpioNewc(entries: readonly CpioEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  const push = (e: CpioEntry, ino: number): void => {
    const data = e.data ?? new Uint8Array(0);
    const name = enc.encode(`${e.name}\0`);
    const isDir = (e.mode & 0o170000) === 0o040000;
    const header =
      '070701' +
      [
        ino,
        e.mode,
        0, // uid
        0, // gid
        isDir ? 2 : 1, // nlink
        0, // mtime
        data.length,
        0, // devmajor
        0, // devminor
        e.rdevMajor ?? 0,
        e.rdevMinor ?? 0,
        name.length,
        0, // check
      ]
        .map(hex8)
        .join('');
    parts.push(enc.encode(header), name, new Uint8Array(pad4(110 + name.length)));
    parts.push(data, new Uint8Array(pad4(data.length)));
  };
  entries.forEach((e, i) => push(e, i + 1));
  push({ name: 'TRAILER!!!', mode: 0 }, 0);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
