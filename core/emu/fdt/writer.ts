// Flattened device tree (DTB) writer: version 17 blob as libfdt's sequential-write API produces
// (header, memory reservation map, structure block, strings block with names deduplicated).
// It runs on every machine boot, so it measures the blob first and then writes it once into a
// buffer of the exact size (no per-byte array pushes: those dominated the boot plan's time).
import { utf8Length, writeUtf8, type FdtNode } from './tree.js';

const FDT_MAGIC = 0xd00dfeed;
const FDT_BEGIN_NODE = 1;
const FDT_END_NODE = 2;
const FDT_PROP = 3;
const FDT_END = 9;
const HEADER_SIZE = 40;

export interface FdtReservation {
  address: bigint;
  size: bigint;
}

export interface EncodeOptions {
  bootCpuId?: number;
  reservations?: FdtReservation[];
  /** Pad the blob to this total size (QEMU's blobs are packed; padding leaves room for edits). */
  padTo?: number;
}

const pad4 = (n: number): number => (n + 3) & ~3;

export function encodeFdt(root: FdtNode, opts: EncodeOptions = {}): Uint8Array {
  // Pass 1: the structure block's size, and the strings block (names in first-use order).
  const stringOffsets = new Map<string, number>();
  const stringList: string[] = [];
  let stringsSize = 0;
  const measure = (n: FdtNode): number => {
    let size = 4 + pad4(utf8Length(n.name) + 1);
    for (const p of n.props) {
      size += 12 + pad4(p.value.length);
      if (!stringOffsets.has(p.name)) {
        stringOffsets.set(p.name, stringsSize);
        stringList.push(p.name);
        stringsSize += utf8Length(p.name) + 1;
      }
    }
    for (const c of n.children) size += measure(c);
    return size + 4;
  };
  const structSize = measure(root) + 4;

  const reservations = opts.reservations ?? [];
  const offRsv = HEADER_SIZE; // already 8-byte aligned
  const rsvSize = (reservations.length + 1) * 16;
  const offStruct = offRsv + rsvSize;
  const offStrings = offStruct + structSize;
  const used = offStrings + stringsSize;
  const total = Math.max(used, opts.padTo ?? 0);
  // Fresh buffers are zero: NULs, alignment padding and the reservation terminator are free.
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, FDT_MAGIC);
  view.setUint32(4, total);
  view.setUint32(8, offStruct);
  view.setUint32(12, offStrings);
  view.setUint32(16, offRsv);
  view.setUint32(20, 17); // version
  view.setUint32(24, 16); // last compatible version
  view.setUint32(28, opts.bootCpuId ?? 0);
  view.setUint32(32, stringsSize);
  view.setUint32(36, structSize);
  reservations.forEach((r, i) => {
    view.setBigUint64(offRsv + i * 16, r.address);
    view.setBigUint64(offRsv + i * 16 + 8, r.size);
  });

  // Pass 2: the structure block.
  let pos = offStruct;
  const emit = (n: FdtNode): void => {
    view.setUint32(pos, FDT_BEGIN_NODE);
    pos = pad4(writeUtf8(out, pos + 4, n.name) + 1);
    for (const p of n.props) {
      view.setUint32(pos, FDT_PROP);
      view.setUint32(pos + 4, p.value.length);
      view.setUint32(pos + 8, stringOffsets.get(p.name)!);
      out.set(p.value, pos + 12);
      pos = pad4(pos + 12 + p.value.length);
    }
    for (const c of n.children) emit(c);
    view.setUint32(pos, FDT_END_NODE);
    pos += 4;
  };
  emit(root);
  view.setUint32(pos, FDT_END);

  let s = offStrings;
  for (const name of stringList) s = writeUtf8(out, s, name) + 1;
  return out;
}
