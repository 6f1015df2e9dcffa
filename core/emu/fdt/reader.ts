// Flattened device tree (DTB) reader, for user-supplied DTBs (to patch /chosen like QEMU does)
// and for tests that compare our tree with QEMU's own dump.
import type { FdtNode } from './tree.js';
import type { FdtReservation } from './writer.js';

export class FdtError extends Error {}

export interface DecodedFdt {
  root: FdtNode;
  bootCpuId: number;
  reservations: FdtReservation[];
  totalSize: number;
}

export function decodeFdt(blob: Uint8Array, source = 'device tree'): DecodedFdt {
  const fail = (msg: string): never => {
    throw new FdtError(`${source}: ${msg}`);
  };
  if (blob.byteLength < 40) fail(`too short for an FDT header (${blob.byteLength} bytes)`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (view.getUint32(0) !== 0xd00dfeed) fail('not a flattened device tree (bad magic)');
  const totalSize = view.getUint32(4);
  const offStruct = view.getUint32(8);
  const offStrings = view.getUint32(12);
  const offRsv = view.getUint32(16);
  const version = view.getUint32(20);
  if (totalSize > blob.byteLength)
    fail(`truncated: header says ${totalSize} bytes, file has ${blob.byteLength}`);
  if (version < 16) fail(`unsupported FDT version ${version}`);
  const sizeStruct = version >= 17 ? view.getUint32(36) : totalSize - offStruct;
  if (offStruct + sizeStruct > totalSize || offStrings > totalSize)
    fail('block offsets past the end');
  const dec = new TextDecoder();
  const cstr = (off: number, limit: number): [string, number] => {
    let end = off;
    while (end < limit && blob[end] !== 0) end++;
    if (end >= limit) fail('unterminated string');
    return [dec.decode(blob.subarray(off, end)), end + 1];
  };
  const reservations: FdtReservation[] = [];
  for (let off = offRsv; ; off += 16) {
    if (off + 16 > totalSize) fail('memory reservation map runs past the end');
    const address = view.getBigUint64(off);
    const size = view.getBigUint64(off + 8);
    if (address === 0n && size === 0n) break;
    reservations.push({ address, size });
  }
  const end = offStruct + sizeStruct;
  let p = offStruct;
  const u32 = (): number => {
    if (p + 4 > end) fail('structure block truncated');
    const v = view.getUint32(p);
    p += 4;
    return v;
  };
  const stack: FdtNode[] = [];
  let root: FdtNode | undefined;
  for (;;) {
    const tok = u32();
    if (tok === 1) {
      const [name, next] = cstr(p, end);
      p = (next + 3) & ~3;
      const n: FdtNode = { name, props: [], children: [] };
      if (stack.length) stack[stack.length - 1].children.push(n);
      else if (root) fail('more than one root node');
      else root = n;
      stack.push(n);
    } else if (tok === 3) {
      const len = u32();
      const nameOff = u32();
      if (!stack.length) fail('property outside a node');
      if (p + len > end) fail('property value past the end');
      const [name] = cstr(offStrings + nameOff, totalSize);
      stack[stack.length - 1].props.push({ name, value: blob.slice(p, p + len) });
      p = (p + len + 3) & ~3;
    } else if (tok === 2) {
      if (!stack.pop()) fail('unbalanced END_NODE');
    } else if (tok === 4) {
      // NOP
    } else if (tok === 9) {
      break;
    } else {
      fail(`bad structure token ${tok} at offset ${p - 4}`);
    }
  }
  if (!root || stack.length) fail('unbalanced nodes');
  return { root: root!, bootCpuId: view.getUint32(28), reservations, totalSize };
}
