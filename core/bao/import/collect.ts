// Typed collection: walks the C initializer tree against Bao's struct descriptions (c-types.ts)
// and yields a tree of typed C values, resolving designators (chained, indexed), #define'd names,
// casts, arithmetic and the VM_IMAGE_* macros. Every mistake a C compiler would reject (unknown
// field, wrong kind of initializer, value out of range) becomes a ConfigParseError at its place.
import type { ConfigFile, Define, Designator, Expr, Init, InitList, TypeName } from './ast.js';
import {
  INTEGER_TYPES,
  type ArrayType,
  type CType,
  type FieldSpec,
  type ScalarType,
  type StructType,
} from './c-types.js';
import { ImportStage, type ImportWarning, type SourcePos } from './errors.js';
import type { Comment } from './tokenizer.js';

export type ScalarValue =
  | { k: 'int'; v: bigint; pos: SourcePos }
  | { k: 'bool'; v: boolean; pos: SourcePos }
  | { k: 'enum'; v: 'REMIO_DEV_FRONTEND' | 'REMIO_DEV_BACKEND'; pos: SourcePos }
  | { k: 'imgref'; which: 'offset' | 'size'; name: string; pos: SourcePos };

export interface StructValue {
  k: 'struct';
  type: StructType;
  fields: Map<string, CValue>;
  pos: SourcePos;
  /** Comments before the element and before its first field (device names live there). */
  comments: Comment[];
  /** Written as VM_IMAGE_BUILTIN(name, base) / VM_IMAGE_LOADED(base, load, size). */
  macro?: { kind: 'builtin'; name: string; namePos: SourcePos } | { kind: 'loaded' };
}

export interface ArrayValue {
  k: 'array';
  type: ArrayType;
  /** Holes (skipped by index designators) are undefined: zero in C. */
  elems: (CValue | undefined)[];
  pos: SourcePos;
  /** How it was written: `(T[]){...}`, plain braces (v1 vmlist), or NULL. */
  form: 'compound' | 'braces' | 'null';
  /** The compound literal's element type as written. */
  typeName?: string;
}

export type CValue = ScalarValue | StructValue | ArrayValue;

/** Facts the version detection and the model mapper need besides the values. */
export interface CollectNotes {
  /** v2-only fields used, with where. */
  v2Fields: { what: string; pos: SourcePos }[];
  /** Pre-v1.0 (v0.1) spellings used. */
  oldSpellings: { what: string; pos: SourcePos }[];
  /** Fields of the demos' non-upstream patches. */
  patches: { what: string; pos: SourcePos }[];
  headerPos?: SourcePos;
}

const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = (1n << 32n) - 1n;
/** Index designators beyond this are typos, not configs; refuse before allocating. */
const MAX_INDEX = 4096n;

export class Collector extends ImportStage {
  readonly notes: CollectNotes = { v2Fields: [], oldSpellings: [], patches: [] };
  private expanding: string[] = [];
  private useSite: SourcePos | undefined;

  constructor(
    private readonly file: ConfigFile,
    fileName: string,
    warnings: ImportWarning[],
  ) {
    super(fileName, warnings);
  }

  // ---- #define resolution --------------------------------------------------------------------
  /** Replaces a #define'd identifier by its value (recursively), reporting bad macros at use. */
  private resolve<T extends Init>(
    init: T,
    use: (inner: Init) => CValue | ScalarValue,
  ): CValue | ScalarValue {
    if (init.kind === 'ident' && this.file.defines.has(init.name)) {
      const d = this.file.defines.get(init.name) as Define;
      // Errors inside a macro's value are reported where the macro is used, where the user looks.
      const outer = this.expanding.length === 0;
      if (outer) this.useSite = init.pos;
      const at = this.useSite ?? init.pos;
      if (this.expanding.includes(d.name))
        throw this.error(
          at,
          `${d.name} refers to itself (${[...this.expanding, d.name].join(' → ')})`,
        );
      if (!d.value)
        throw this.error(
          at,
          `${d.name} (defined at line ${d.pos.line}) is not usable as a value: ${d.problem}`,
        );
      this.expanding.push(d.name);
      try {
        return this.resolve(d.value, use);
      } finally {
        this.expanding.pop();
        if (outer) this.useSite = undefined;
      }
    }
    return use(init);
  }

  // ---- aggregates ----------------------------------------------------------------------------
  /** The top-level `struct config config = { ... }`. */
  config(list: InitList, type: StructType): StructValue {
    const s: StructValue = { k: 'struct', type, fields: new Map(), pos: list.pos, comments: [] };
    this.fillStruct(s, list, true);
    return s;
  }

  private newValue(type: CType, pos: SourcePos): StructValue | ArrayValue | undefined {
    if (type.t === 'struct') return { k: 'struct', type, fields: new Map(), pos, comments: [] };
    if (type.t === 'array') return { k: 'array', type, elems: [], pos, form: 'compound' };
    return undefined;
  }

  private fillStruct(s: StructValue, list: InitList, top = false): void {
    for (const item of list.items) {
      if (item.header) {
        if (!top)
          throw this.error(item.pos, 'CONFIG_HEADER belongs only at the top of struct config');
        this.notes.headerPos ??= item.pos;
        continue;
      }
      if (item.designators.length === 0)
        throw this.error(
          item.pos,
          `positional initializer in ${s.type.cname}: name the field it sets (.field = value)`,
        );
      this.assign(s, item.designators, item.value, item.comments);
    }
  }

  /** Applies `designators = value` to an aggregate, creating intermediate aggregates. */
  private assign(
    target: StructValue | ArrayValue,
    ds: Designator[],
    value: Init,
    comments: Comment[],
  ): void {
    const [d, ...rest] = ds;
    if (target.k === 'struct') {
      if (d.kind !== 'field')
        throw this.error(d.pos, `array index used on ${target.type.cname}, which is a struct`);
      const spec = this.field(target.type, d.name, d.pos);
      if (!spec) return;
      const existing = target.fields.get(d.name);
      if (rest.length === 0) {
        if (existing) this.warn(d.pos, `.${d.name} is initialized twice; the last value wins`);
        target.fields.set(d.name, this.value(spec.type, value, d, comments, spec));
        return;
      }
      let sub = existing;
      if (!sub || sub.k === 'int' || sub.k === 'bool' || sub.k === 'enum' || sub.k === 'imgref') {
        const created = this.newValue(spec.type, d.pos);
        if (!created)
          throw this.error(
            rest[0].pos,
            `.${d.name} is a ${describeType(spec.type)}: it has no members`,
          );
        sub = created;
        target.fields.set(d.name, sub);
      }
      if (sub.k === 'array' && sub.form === 'null') sub.form = 'compound';
      this.assign(sub as StructValue | ArrayValue, rest, value, comments);
    } else {
      if (d.kind !== 'index')
        throw this.error(d.pos, `.${d.name} used on an array: expected [index]`);
      const index = this.indexOf(d);
      this.setElem(target, index, rest, value, comments, d.pos);
    }
  }

  private indexOf(d: Designator & { kind: 'index' }): number {
    const v = this.scalar(d.index, { t: 'scalar', kind: 'count', cname: 'index' }, d.pos);
    if (v.k !== 'int') throw this.error(d.pos, 'array index must be an integer');
    if (v.v > MAX_INDEX)
      throw this.error(d.index.pos, `array index ${v.v} is too large (at most ${MAX_INDEX})`);
    return Number(v.v);
  }

  private setElem(
    arr: ArrayValue,
    index: number,
    rest: Designator[],
    value: Init,
    comments: Comment[],
    pos: SourcePos,
  ): void {
    const elemType = arr.type.elem;
    if (rest.length === 0) {
      if (arr.elems[index] !== undefined)
        this.warn(pos, `element [${index}] is initialized twice; the last value wins`);
      arr.elems[index] = this.value(elemType, value, undefined, comments);
      return;
    }
    let sub = arr.elems[index];
    if (!sub || sub.k !== 'struct') {
      if (elemType.t !== 'struct')
        throw this.error(
          rest[0].pos,
          `elements of this array are ${elemType.cname}: they have no members`,
        );
      sub = { k: 'struct', type: elemType, fields: new Map(), pos, comments: [...comments] };
      arr.elems[index] = sub;
    }
    this.assign(sub, rest, value, []);
  }

  private field(type: StructType, name: string, pos: SourcePos): FieldSpec | undefined {
    const spec = Object.prototype.hasOwnProperty.call(type.fields, name)
      ? type.fields[name]
      : undefined;
    if (!spec) {
      const known = Object.entries(type.fields)
        .filter(([, s]) => !s.runtimeOnly && !s.oldFor)
        .map(([n]) => n);
      const near = known.find((k) => editDistance(k, name) <= 2);
      throw this.error(
        pos,
        `${type.cname} has no field '${name}'` +
          (near ? ` (did you mean '${near}'?)` : `; its fields are: ${known.join(', ')}`),
      );
    }
    if (spec.since === 'v2') this.notes.v2Fields.push({ what: `.${name}`, pos });
    if (spec.oldFor) this.notes.oldSpellings.push({ what: `.${name} (now .${spec.oldFor})`, pos });
    if (spec.patch) this.notes.patches.push({ what: `.${name} (${spec.patch})`, pos });
    if (spec.runtimeOnly) {
      this.warn(pos, `.${name} is filled in by Bao at run time; the value is ignored`);
      return undefined;
    }
    return spec;
  }

  /** Collects the value of a field or element of the given type. */
  private value(
    type: CType,
    init: Init,
    d: Designator | undefined,
    comments: Comment[],
    spec?: FieldSpec,
  ): CValue {
    return this.resolve(init, (inner) => {
      if (type.t === 'scalar') return this.scalar(inner, type, d?.pos ?? inner.pos, spec);
      if (type.t === 'array') return this.array(inner, type, d);
      return this.struct(inner, type, comments);
    }) as CValue;
  }

  private struct(init: Init, type: StructType, comments: Comment[]): StructValue {
    if (init.kind === 'call' && type.fields.separately_loaded)
      return this.imageMacro(init, type, comments);
    let list: InitList;
    if (init.kind === 'list') list = init;
    else if (init.kind === 'compound' && !init.type.array && !init.type.pointer) {
      this.checkStructType(init.type, type);
      list = init.list;
    } else
      throw this.error(init.pos, `expected { ... } for ${type.cname}, found ${describeInit(init)}`);
    const own = [...comments];
    if (list.items.length > 0) own.push(...list.items[0].comments);
    else own.push(...list.closingComments);
    const s: StructValue = { k: 'struct', type, fields: new Map(), pos: list.pos, comments: own };
    this.fillStruct(s, list);
    return s;
  }

  private checkStructType(t: TypeName, type: StructType): void {
    const want = type.cname.split(' (')[0];
    if (t.base !== want) throw this.error(t.pos, `expected (${want}), found (${t.base})`);
  }

  private imageMacro(
    call: Expr & { kind: 'call' },
    type: StructType,
    comments: Comment[],
  ): StructValue {
    const s: StructValue = { k: 'struct', type, fields: new Map(), pos: call.pos, comments };
    const int = (e: Expr) => this.scalar(e, { t: 'scalar', kind: 'u64', cname: 'paddr_t' }, e.pos);
    const arity = (n: number, sig: string) => {
      if (call.args.length !== n)
        throw this.error(
          call.pos,
          `${call.name} takes ${n} arguments (${sig}), found ${call.args.length}`,
        );
    };
    if (call.name === 'VM_IMAGE_BUILTIN') {
      arity(2, 'image identifier, base address');
      const id = call.args[0];
      if (id.kind !== 'ident')
        throw this.error(
          id.pos,
          `VM_IMAGE_BUILTIN expects the VM_IMAGE identifier first, found ${describeInit(id)}`,
        );
      s.macro = { kind: 'builtin', name: id.name, namePos: id.pos };
      s.fields.set('base_addr', int(call.args[1]));
      s.fields.set('load_addr', { k: 'imgref', which: 'offset', name: id.name, pos: id.pos });
      s.fields.set('size', { k: 'imgref', which: 'size', name: id.name, pos: id.pos });
      s.fields.set('separately_loaded', { k: 'bool', v: false, pos: call.pos });
    } else if (call.name === 'VM_IMAGE_LOADED') {
      arity(3, 'base address, load address, size');
      s.macro = { kind: 'loaded' };
      s.fields.set('base_addr', int(call.args[0]));
      s.fields.set('load_addr', int(call.args[1]));
      s.fields.set('size', int(call.args[2]));
      s.fields.set('separately_loaded', { k: 'bool', v: true, pos: call.pos });
    } else {
      throw this.error(
        call.pos,
        `${call.name}(...) is not an image macro: use VM_IMAGE_BUILTIN(name, base) or VM_IMAGE_LOADED(base, load, size)`,
      );
    }
    return s;
  }

  private array(init: Init, type: ArrayType, d: Designator | undefined): ArrayValue {
    const where = d?.kind === 'field' ? `.${d.name}` : 'this array';
    const elemName = type.elemTypes[0];
    if (init.kind === 'ident' && init.name === 'NULL')
      return { k: 'array', type, elems: [], pos: init.pos, form: 'null' };
    if (init.kind === 'num' && init.value === 0n)
      return { k: 'array', type, elems: [], pos: init.pos, form: 'null' };
    if (init.kind === 'cast' && init.operand.kind === 'ident' && init.operand.name === 'NULL')
      return { k: 'array', type, elems: [], pos: init.pos, form: 'null' };
    let list: InitList;
    let form: ArrayValue['form'];
    let typeName: string | undefined;
    if (init.kind === 'compound') {
      if (!init.type.array)
        throw this.error(
          init.type.pos,
          `${where} needs an array compound literal (${elemName}[]){ ... }, found (${init.type.base})`,
        );
      const ok =
        type.elem.t === 'scalar'
          ? INTEGER_TYPES.has(init.type.base)
          : type.elemTypes.includes(init.type.base);
      if (!ok)
        throw this.error(
          init.type.pos,
          `${where} holds ${elemName} elements, found (${init.type.base}[])`,
        );
      if (type.elem.t === 'struct' && init.type.base !== elemName)
        this.notes.oldSpellings.push({
          what: `(${init.type.base}[]) (now (${elemName}[]))`,
          pos: init.type.pos,
        });
      if (type.elem.t === 'scalar' && init.type.base === 'uint64_t' && elemName === 'irqid_t')
        this.notes.oldSpellings.push({
          what: '(uint64_t[]) interrupts (now (irqid_t[]))',
          pos: init.type.pos,
        });
      list = init.list;
      form = 'compound';
      typeName = init.type.base;
      if (init.type.length) {
        const n = this.scalar(
          init.type.length,
          { t: 'scalar', kind: 'count', cname: 'size_t' },
          init.type.pos,
        );
        if (n.k === 'int' && n.v > MAX_INDEX)
          throw this.error(init.type.pos, `array length ${n.v} is too large`);
      }
    } else if (init.kind === 'list' && type.flexible) {
      list = init;
      form = 'braces';
    } else if (init.kind === 'list') {
      throw this.error(
        init.pos,
        `${where} is a pointer: initialize it with a compound literal (${elemName}[]){ ... }`,
      );
    } else {
      throw this.error(
        init.pos,
        `expected (${elemName}[]){ ... } for ${where}, found ${describeInit(init)}`,
      );
    }
    const arr: ArrayValue = { k: 'array', type, elems: [], pos: init.pos, form, typeName };
    let next = 0;
    let prev: CValue | undefined;
    for (const item of list.items) {
      if (item.header)
        throw this.error(item.pos, 'CONFIG_HEADER belongs only at the top of struct config');
      // `}, // UART0`: a comment on the line where the previous element ends belongs to it.
      const comments =
        prev?.k === 'struct' ? this.giveTrailing(item.comments, prev) : item.comments;
      const [first, ...rest] = item.designators;
      if (first && first.kind === 'field')
        throw this.error(
          first.pos,
          `.${first.name} used on an array: expected [index] or a plain element`,
        );
      let index = next;
      if (first) index = this.indexOf(first);
      if (index > Number(MAX_INDEX)) throw this.error(item.pos, `more than ${MAX_INDEX} elements`);
      this.setElem(arr, index, first ? rest : [], item.value, comments, item.pos);
      prev = arr.elems[index];
      next = index + 1;
    }
    if (prev?.k === 'struct') this.giveTrailing(list.closingComments, prev);
    return arr;
  }

  /** Moves the comments that trail the previous element's line to it; returns the rest. */
  private giveTrailing(comments: Comment[], prev: StructValue): Comment[] {
    let k = 0;
    while (k < comments.length && comments[k].trailing) k++;
    prev.comments.push(...comments.slice(0, k));
    return comments.slice(k);
  }

  // ---- scalars -------------------------------------------------------------------------------
  scalar(init: Init, type: ScalarType, _pos: SourcePos, spec?: FieldSpec): ScalarValue {
    if (init.kind === 'list') {
      // C accepts braces around a scalar initializer: `{ 5 }`.
      if (
        init.items.length === 1 &&
        init.items[0].designators.length === 0 &&
        !init.items[0].header
      )
        return this.scalar(init.items[0].value, type, _pos, spec);
      throw this.error(init.pos, `expected a ${type.cname} value, found { ... }`);
    }
    const v = this.eval(init);
    if (v.k === 'imgref') {
      if (!spec?.imageRef)
        throw this.error(
          v.pos,
          `VM_IMAGE_${v.which.toUpperCase()}() belongs in .image.${v.which === 'offset' ? 'load_addr' : 'size'}`,
        );
      if (spec.imageRef !== v.which)
        throw this.error(
          v.pos,
          `VM_IMAGE_${v.which.toUpperCase()}() used for .${spec.imageRef === 'offset' ? 'load_addr' : 'size'}`,
        );
      return v;
    }
    switch (type.kind) {
      case 'bool':
        if (v.k === 'bool') return v;
        if (v.k === 'int') {
          if (v.v > 1n) this.warn(v.pos, `${v.v} stored in a bool becomes true`);
          return { k: 'bool', v: v.v !== 0n, pos: v.pos };
        }
        throw this.error(v.pos, `expected true or false, found ${v.v}`);
      case 'remio_type':
        if (v.k === 'enum') return v;
        if (v.k === 'int' && v.v <= 1n)
          return {
            k: 'enum',
            v: v.v === 0n ? 'REMIO_DEV_FRONTEND' : 'REMIO_DEV_BACKEND',
            pos: v.pos,
          };
        throw this.error(
          v.pos,
          `expected REMIO_DEV_FRONTEND or REMIO_DEV_BACKEND, found ${show(v)}`,
        );
      default: {
        const n =
          v.k === 'int'
            ? v.v
            : v.k === 'bool'
              ? v.v
                ? 1n
                : 0n
              : v.v === 'REMIO_DEV_FRONTEND'
                ? 0n
                : 1n;
        if (type.kind === 'u32' && n > U32_MAX)
          throw this.error(v.pos, `${hexOf(n)} does not fit in ${type.cname} (32 bits)`);
        if (type.kind === 'count' && n > BigInt(Number.MAX_SAFE_INTEGER))
          throw this.error(v.pos, `${hexOf(n)} is out of range for ${type.cname}`);
        return { k: 'int', v: n, pos: v.pos };
      }
    }
  }

  /** Evaluates a constant expression. Results stay within 0..2^64-1 or raise an error. */
  eval(e: Init): ScalarValue {
    if (e.kind === 'list') throw this.error(e.pos, 'expected a value, found { ... }');
    switch (e.kind) {
      case 'num':
        if (e.value > U64_MAX) throw this.error(e.pos, `${e.text} does not fit in 64 bits`);
        return { k: 'int', v: e.value, pos: e.pos };
      case 'string':
        throw this.error(e.pos, 'expected a number, found a string literal');
      case 'compound':
        throw this.error(
          e.pos,
          `expected a number, found a compound literal (${e.type.base}${e.type.array ? '[]' : ''})`,
        );
      case 'ident':
        return this.ident(e);
      case 'cast': {
        if (e.type.array || e.type.pointer)
          throw this.error(
            e.type.pos,
            `cast to (${e.type.base}${e.type.array ? '[]' : ' *'}) where a number is expected`,
          );
        const v = this.eval(e.operand);
        return { ...v, pos: e.pos } as ScalarValue;
      }
      case 'unary': {
        const v = this.int(e.operand);
        if (e.op === '+') return { k: 'int', v, pos: e.pos };
        if (e.op === '~') return { k: 'int', v: ~v & U64_MAX, pos: e.pos };
        if (v !== 0n)
          throw this.error(e.pos, `negative value -${hexOf(v)}: Bao's fields are unsigned`);
        return { k: 'int', v: 0n, pos: e.pos };
      }
      case 'binary':
        return { k: 'int', v: this.binary(e), pos: e.left.pos };
      case 'call':
        return this.call(e);
    }
  }

  private int(e: Expr): bigint {
    const v = this.eval(e);
    if (v.k === 'int') return v.v;
    if (v.k === 'bool') return v.v ? 1n : 0n;
    if (v.k === 'enum') return v.v === 'REMIO_DEV_FRONTEND' ? 0n : 1n;
    throw this.error(v.pos, `VM_IMAGE_${v.which.toUpperCase()}() cannot take part in arithmetic`);
  }

  private binary(e: Expr & { kind: 'binary' }): bigint {
    const a = this.int(e.left);
    const b = this.int(e.right);
    let r: bigint;
    switch (e.op) {
      case '+':
        r = a + b;
        break;
      case '-':
        r = a - b;
        break;
      case '*':
        r = a * b;
        break;
      case '/':
      case '%':
        if (b === 0n) throw this.error(e.pos, 'division by zero');
        r = e.op === '/' ? a / b : a % b;
        break;
      case '<<':
      case '>>':
        if (b > 63n) throw this.error(e.pos, `shift by ${b} bits is out of range`);
        r = e.op === '<<' ? a << b : a >> b;
        break;
      case '&':
        r = a & b;
        break;
      case '|':
        r = a | b;
        break;
      case '^':
        r = a ^ b;
        break;
    }
    if (r < 0n)
      throw this.error(
        e.pos,
        `${hexOf(a)} ${e.op} ${hexOf(b)} is negative: Bao's fields are unsigned`,
      );
    if (r > U64_MAX)
      throw this.error(e.pos, `${hexOf(a)} ${e.op} ${hexOf(b)} does not fit in 64 bits`);
    return r;
  }

  private ident(e: Expr & { kind: 'ident' }): ScalarValue {
    switch (e.name) {
      case 'true':
        return { k: 'bool', v: true, pos: e.pos };
      case 'false':
        return { k: 'bool', v: false, pos: e.pos };
      case 'NULL':
        return { k: 'int', v: 0n, pos: e.pos };
      case 'REMIO_DEV_FRONTEND':
      case 'REMIO_DEV_BACKEND':
        return { k: 'enum', v: e.name, pos: e.pos };
    }
    if (this.file.defines.has(e.name)) {
      const r = this.resolve(e, (inner) => {
        if (inner.kind === 'ident' && !this.file.defines.has(inner.name)) return this.ident(inner);
        return this.eval(inner);
      });
      return { ...(r as ScalarValue), pos: e.pos };
    }
    if (e.name === 'CONFIG_HEADER') throw this.error(e.pos, 'CONFIG_HEADER is not a value');
    throw this.error(e.pos, `unknown identifier '${e.name}' (not #define'd in this file)`);
  }

  private call(e: Expr & { kind: 'call' }): ScalarValue {
    if (e.name === 'VM_IMAGE_OFFSET' || e.name === 'VM_IMAGE_SIZE') {
      const which = e.name === 'VM_IMAGE_OFFSET' ? 'offset' : 'size';
      const arg = e.args[0];
      if (e.args.length !== 1 || arg.kind !== 'ident')
        throw this.error(e.pos, `${e.name} takes one argument: the VM_IMAGE identifier`);
      return { k: 'imgref', which, name: arg.name, pos: arg.pos };
    }
    if (e.name === 'VM_IMAGE_BUILTIN' || e.name === 'VM_IMAGE_LOADED')
      throw this.error(e.pos, `${e.name}(...) belongs in .image = ...`);
    throw this.error(e.pos, `unknown macro ${e.name}(...)`);
  }
}

function describeType(t: CType): string {
  return t.t === 'scalar' ? t.cname : t.t === 'struct' ? t.cname : 'array';
}

function describeInit(i: Init): string {
  switch (i.kind) {
    case 'list':
      return '{ ... }';
    case 'num':
      return `'${i.text}'`;
    case 'ident':
      return `'${i.name}'`;
    case 'string':
      return 'a string literal';
    case 'compound':
      return `(${i.type.base}${i.type.array ? '[]' : ''}){ ... }`;
    case 'call':
      return `${i.name}(...)`;
    case 'cast':
      return `a cast to (${i.type.base})`;
    default:
      return 'an expression';
  }
}

function show(v: ScalarValue): string {
  return v.k === 'int'
    ? hexOf(v.v)
    : v.k === 'imgref'
      ? `VM_IMAGE_${v.which.toUpperCase()}(${v.name})`
      : String(v.v);
}

function hexOf(n: bigint): string {
  return n < 0n ? '-0x' + (-n).toString(16) : n < 10n ? n.toString() : '0x' + n.toString(16);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return dp[a.length][b.length];
}
