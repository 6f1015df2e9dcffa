// A minimal WebAssembly binary writer: just what the JIT emits (LEB128 numbers, the sections of
// one module, structured control with label depths). No dependency: binaryen would be ~10 MB
// of JavaScript to load for a few hundred bytes of output per block.

/** Growable byte buffer with the encodings of the wasm binary format. */
export class Bytes {
  private buf = new Uint8Array(1024);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const n = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    n.set(this.buf.subarray(0, this.length));
    this.buf = n;
  }

  byte(b: number): this {
    if (this.length === this.buf.length) this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  bytes(b: ArrayLike<number>): this {
    for (let i = 0; i < b.length; i++) this.byte(b[i]);
    return this;
  }

  /** Unsigned LEB128 (u32). */
  u32(v: number): this {
    let x = v >>> 0;
    do {
      let b = x & 0x7f;
      x >>>= 7;
      if (x !== 0) b |= 0x80;
      this.byte(b);
    } while (x !== 0);
    return this;
  }

  /** Signed LEB128 of a 32-bit integer. */
  s32(v: number): this {
    let x = v | 0;
    for (;;) {
      const b = x & 0x7f;
      x >>= 7;
      if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
        this.byte(b);
        return this;
      }
      this.byte(b | 0x80);
    }
  }

  /** Signed LEB128 of a 64-bit integer (a bigint of any sign, or a number in int32 range). */
  s64(v: bigint | number): this {
    if (typeof v === 'number' && (v | 0) === v) return this.s32(v);
    let x = BigInt.asIntN(64, BigInt(v));
    for (;;) {
      const b = Number(x & 0x7fn);
      x >>= 7n;
      if ((x === 0n && (b & 0x40) === 0) || (x === -1n && (b & 0x40) !== 0)) {
        this.byte(b);
        return this;
      }
      this.byte(b | 0x80);
    }
  }

  /** A name (ASCII: the JIT's import names). */
  name(s: string): this {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) this.byte(s.charCodeAt(i));
    return this;
  }

  /** A copy of another buffer. */
  append(b: Bytes | Uint8Array): this {
    const src = b instanceof Bytes ? b.buf.subarray(0, b.length) : b;
    this.reserve(src.length);
    this.buf.set(src, this.length);
    this.length += src.length;
    return this;
  }

  /** A length-prefixed copy of another buffer (sections, function bodies). */
  sized(b: Bytes): this {
    return this.u32(b.length).append(b);
  }

  toUint8Array(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

export const T = { i32: 0x7f, i64: 0x7e, funcref: 0x70 } as const;

export interface FuncType {
  params: number[];
  results: number[];
}

export type Import =
  | { module: string; name: string; kind: 'func'; type: number }
  | { module: string; name: string; kind: 'memory'; shared: boolean; max?: number }
  | { module: string; name: string; kind: 'table' };

export interface Func {
  type: number;
  /** Local declarations beyond the parameters, as [count, type] runs. */
  locals: [number, number][];
  /** The instructions, ending with `end`. */
  body: Uint8Array;
}

/** Assembles a module: types, imports, functions, and one active element segment. */
export function assembleModule(m: {
  types: FuncType[];
  imports: Import[];
  funcs: Func[];
  /** Table offset where the functions (in order) are placed at instantiation. */
  elemBase: number;
}): Uint8Array<ArrayBuffer> {
  const out = new Bytes().bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const section = (id: number, body: Bytes) => out.byte(id).sized(body);

  const types = new Bytes().u32(m.types.length);
  for (const t of m.types) {
    types.byte(0x60).u32(t.params.length).bytes(t.params).u32(t.results.length).bytes(t.results);
  }
  section(1, types);

  const imports = new Bytes().u32(m.imports.length);
  let importedFuncs = 0;
  for (const i of m.imports) {
    imports.name(i.module).name(i.name);
    if (i.kind === 'func') {
      imports.byte(0x00).u32(i.type);
      importedFuncs++;
    } else if (i.kind === 'table') imports.byte(0x01).byte(T.funcref).byte(0x00).u32(0);
    else if (i.shared)
      imports
        .byte(0x02)
        .byte(0x03)
        .u32(0)
        .u32(i.max ?? 65536);
    else imports.byte(0x02).byte(0x00).u32(0);
  }
  section(2, imports);

  const funcs = new Bytes().u32(m.funcs.length);
  for (const f of m.funcs) funcs.u32(f.type);
  section(3, funcs);

  // element segment 0: active, table 0, offset expression, vector of function indices
  const elems = new Bytes().u32(1).byte(0x00).byte(0x41).s32(m.elemBase).byte(0x0b);
  elems.u32(m.funcs.length);
  for (let i = 0; i < m.funcs.length; i++) elems.u32(importedFuncs + i);
  section(9, elems);

  const code = new Bytes().u32(m.funcs.length);
  for (const f of m.funcs) {
    const body = new Bytes().u32(f.locals.length);
    for (const [n, t] of f.locals) body.u32(n).byte(t);
    body.append(f.body);
    code.sized(body);
  }
  section(10, code);
  return out.toUint8Array();
}
