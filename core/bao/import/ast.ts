// The C initializer tree the parser builds: just enough of C to describe Bao configs, with a
// source position on every node so later stages can report file:line:column.
import type { SourcePos } from './errors.js';
import type { Comment } from './tokenizer.js';

export type Expr =
  | { kind: 'num'; value: bigint; text: string; pos: SourcePos }
  | { kind: 'ident'; name: string; pos: SourcePos }
  | { kind: 'unary'; op: '-' | '+' | '~'; operand: Expr; pos: SourcePos }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: SourcePos }
  | { kind: 'cast'; type: TypeName; operand: Expr; pos: SourcePos }
  | { kind: 'compound'; type: TypeName; list: InitList; pos: SourcePos }
  | { kind: 'call'; name: string; args: Expr[]; pos: SourcePos }
  | { kind: 'string'; value: string; pos: SourcePos };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<<' | '>>' | '&' | '|' | '^';

/** `struct vm_mem_region[]`, `irqid_t[]`, `paddr_t`, `unsigned long int[]`. */
export interface TypeName {
  /** The base type's words joined by one space, e.g. "struct vm_config", "unsigned long int". */
  base: string;
  /** True for an array type (`T[]` or `T[N]`). */
  array: boolean;
  /** The declared length of `T[N]`. */
  length?: Expr;
  pointer: boolean;
  pos: SourcePos;
}

export interface InitList {
  kind: 'list';
  items: InitItem[];
  pos: SourcePos;
  /** Comments just before the closing brace (after the last item). */
  closingComments: Comment[];
}

export type Init = InitList | Expr;

export type Designator =
  { kind: 'field'; name: string; pos: SourcePos } | { kind: 'index'; index: Expr; pos: SourcePos };

export interface InitItem {
  /** `CONFIG_HEADER` appears as an item of its own (it expands to nothing since 2022). */
  header?: boolean;
  designators: Designator[];
  value: Init;
  pos: SourcePos;
  /** Comments before the item (before its first designator or value token). */
  comments: Comment[];
}

/** `VM_IMAGE(name, path)` at top level. */
export interface VmImageDecl {
  name: string;
  path: string;
  style: 'xstr' | 'string' | 'bare';
  pos: SourcePos;
  /** Comments before the VM_IMAGE line. */
  comments: Comment[];
}

/** `#define NAME value`. `value` is undefined when the replacement is not an expression. */
export interface Define {
  name: string;
  value?: Init;
  /** Why the replacement could not be used as a value (reported only where it is used). */
  problem?: string;
  functionLike: boolean;
  pos: SourcePos;
}

export interface ConfigFile {
  includes: { path: string; pos: SourcePos }[];
  defines: Map<string, Define>;
  images: VmImageDecl[];
  /** The initializer of `struct config config`. */
  config: InitList;
  configPos: SourcePos;
}
