// Flattened device tree (DTB) writer: version 17 blob as libfdt's sequential-write API produces
// (header, memory reservation map, structure block, strings block with names deduplicated).
import type { FdtNode } from './tree.js';

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

export function encodeFdt(root: FdtNode, opts: EncodeOptions = {}): Uint8Array {
  const struct: number[] = [];
  const strings: number[] = [];
  const stringOffsets = new Map<string, number>();
  const enc = new TextEncoder();

  const pushU32 = (v: number): void => {
    struct.push((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  };
  const pushBytes = (b: Uint8Array): void => {
    for (const x of b) struct.push(x);
    while (struct.length % 4) struct.push(0);
  };
  const stringOffset = (name: string): number => {
    let off = stringOffsets.get(name);
    if (off === undefined) {
      off = strings.length;
      stringOffsets.set(name, off);
      for (const x of enc.encode(name)) strings.push(x);
      strings.push(0);
    }
    return off;
  };
  const emit = (n: FdtNode): void => {
    pushU32(FDT_BEGIN_NODE);
    const nameBytes = enc.encode(n.name);
    const withNul = new Uint8Array(nameBytes.length + 1);
    withNul.set(nameBytes);
    pushBytes(withNul);
    for (const p of n.props) {
      pushU32(FDT_PROP);
      pushU32(p.value.length);
      pushU32(stringOffset(p.name));
      pushBytes(p.value);
    }
    for (const c of n.children) emit(c);
    pushU32(FDT_END_NODE);
  };
  emit(root);
  pushU32(FDT_END);

  const reservations = opts.reservations ?? [];
  const offRsv = HEADER_SIZE; // already 8-byte aligned
  const rsvSize = (reservations.length + 1) * 16;
  const offStruct = offRsv + rsvSize;
  const offStrings = offStruct + struct.length;
  const used = offStrings + strings.length;
  const total = Math.max(used, opts.padTo ?? 0);
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
  view.setUint32(32, strings.length);
  view.setUint32(36, struct.length);
  reservations.forEach((r, i) => {
    view.setBigUint64(offRsv + i * 16, r.address);
    view.setBigUint64(offRsv + i * 16 + 8, r.size);
  });
  out.set(struct, offStruct);
  out.set(strings, offStrings);
  return out;
}
