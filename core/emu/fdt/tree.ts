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
  const value = new Uint8Array(values.length * 4);
  const view = new DataView(value.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v >>> 0));
  return { name, value };
}

/** A 64-bit quantity as two cells (address/size with #address-cells = 2). */
export function hiLo(v: number | bigint): [number, number] {
  const b = BigInt(v);
  return [Number(b >> 32n) >>> 0, Number(b & 0xffffffffn)];
}

/** One or more NUL-terminated strings (a string list when several). */
export function strings(name: string, ...values: string[]): FdtProperty {
  const value = new TextEncoder().encode(values.map((s) => s + '\0').join(''));
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
