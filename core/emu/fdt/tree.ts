// The in-memory device tree: nodes with ordered properties, shared by the FDT writer, the
// reader (user DTBs) and the `virt` generator.

export interface FdtProperty {
  name: string;
  value: Uint8Array;
}

export interface FdtNode {
  /** Node name with unit address, e.g. `serial@10000000`; '' for the root. */
  name: string;
  props: FdtProperty[];
  children: FdtNode[];
}

export function node(name: string, props: FdtProperty[] = [], children: FdtNode[] = []): FdtNode {
  return { name, props, children };
}

/** Big-endian 32-bit cells (`<a b c>` in dts). */
export function cells(name: string, ...values: number[]): FdtProperty {
  // Byte by byte into a small array: a DataView would move it off the JS heap (one per property,
  // and a machine's tree has ~100 of them).
  const value = new Uint8Array(values.length * 4);
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const v = values[i] >>> 0;
    value[o] = v >>> 24;
    value[o + 1] = (v >>> 16) & 0xff;
    value[o + 2] = (v >>> 8) & 0xff;
    value[o + 3] = v & 0xff;
  }
  return { name, value };
}

const TWO_32 = 2 ** 32;

/** A 64-bit quantity as two cells (address/size with #address-cells = 2). */
export function hiLo(v: number | bigint): [number, number] {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)
    return [Math.floor(v / TWO_32), v >>> 0];
  const b = BigInt(v);
  return [Number(b >> 32n) >>> 0, Number(b & 0xffffffffn)];
}

let encoder: TextEncoder | undefined;

/** Bytes of `s` in UTF-8 (device-tree names and strings are nearly always ASCII). */
export function utf8Length(s: string): number {
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) return (encoder ??= new TextEncoder()).encode(s).length;
  return s.length;
}

/** Writes `s` in UTF-8 at `pos`; returns the position after it. */
export function writeUtf8(out: Uint8Array, pos: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) {
      const b = (encoder ??= new TextEncoder()).encode(s);
      out.set(b, pos);
      return pos + b.length;
    }
    out[pos + i] = c;
  }
  return pos + s.length;
}

/** One or more NUL-terminated strings (a string list when several). */
export function strings(name: string, ...values: string[]): FdtProperty {
  let size = 0;
  for (const s of values) size += utf8Length(s) + 1;
  const value = new Uint8Array(size);
  let pos = 0;
  for (const s of values) pos = writeUtf8(value, pos, s) + 1;
  return { name, value };
}

/** A property with no value (`interrupt-controller;`). */
export function flag(name: string): FdtProperty {
  return { name, value: new Uint8Array(0) };
}

export function bytes(name: string, value: Uint8Array): FdtProperty {
  return { name, value };
}

/** Finds a node by absolute path (`/soc/serial@10000000`); unit addresses must match exactly. */
export function findNode(root: FdtNode, path: string): FdtNode | undefined {
  let cur: FdtNode | undefined = root;
  for (const part of path.split('/').filter(Boolean)) {
    cur = cur?.children.find((c) => c.name === part);
    if (!cur) return undefined;
  }
  return cur;
}

export function getProp(n: FdtNode, name: string): Uint8Array | undefined {
  return n.props.find((p) => p.name === name)?.value;
}

/** Sets a property: replaced in place, or added first as libfdt's fdt_setprop does. */
export function setProp(n: FdtNode, prop: FdtProperty): void {
  const i = n.props.findIndex((p) => p.name === prop.name);
  if (i >= 0) n.props[i] = prop;
  else n.props.unshift(prop);
}

/** Finds or creates a direct child. */
export function ensureChild(n: FdtNode, name: string): FdtNode {
  let c = n.children.find((x) => x.name === name);
  if (!c) {
    c = node(name);
    n.children.push(c);
  }
  return c;
}

export function propU32s(value: Uint8Array): number[] {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= value.byteLength; i += 4) out.push(view.getUint32(i));
  return out;
}

export function propStrings(value: Uint8Array): string[] {
  const s = new TextDecoder().decode(value);
  return s.split('\0').slice(0, -1);
}
