// Recursive-descent parser for Bao config files (grammar_census.md's EBNF):
//   file        := { pp_line | vm_image | config_decl }
//   vm_image    := 'VM_IMAGE' '(' IDENT ',' RAW_TOKENS_OR_STRING ')' [';']
//   config_decl := 'struct' 'config' 'config' '=' init_list ';'
//   init_list   := '{' [ item { ',' item } [','] ] '}'   (CONFIG_HEADER needs no ',')
//   item        := 'CONFIG_HEADER' | designation? init
//   designation := ( '.' IDENT | '[' expr ']' )+ '='
//   init        := init_list | expr
//   expr        := C constant expressions with casts, compound literals and macro calls
// It knows nothing of Bao's structs: that is the collector's job (collect.ts).
import type {
  BinaryOp,
  ConfigFile,
  Define,
  Designator,
  Expr,
  Init,
  InitItem,
  InitList,
  TypeName,
  VmImageDecl,
} from './ast.js';
import { ConfigParseError, ImportStage, type ImportWarning, type SourcePos } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';

/** Deeper nesting than this is not a config: fail cleanly instead of exhausting the stack. */
const MAX_DEPTH = 200;

const TYPE_WORDS = new Set([
  'struct',
  'union',
  'enum',
  'unsigned',
  'signed',
  'long',
  'int',
  'short',
  'char',
  'bool',
  '_Bool',
  'const',
  'volatile',
  'void',
]);

const BINARY_LEVELS: BinaryOp[][] = [
  ['|'],
  ['^'],
  ['&'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

export function parseConfigFile(text: string, file: string, warnings: ImportWarning[]): ConfigFile {
  return new Parser(text, file, tokenize(text, file), warnings).file();
}

/** Describes a token for an error message: `'{'`, `identifier 'foo'`, `end of file`. */
export function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of file';
  const shown = t.text.length > 24 ? t.text.slice(0, 24) + '…' : t.text;
  if (t.kind === 'ident') return `'${shown}'`;
  if (t.kind === 'number') return `number '${shown}'`;
  if (t.kind === 'string') return `string ${shown}`;
  if (t.kind === 'directive') return `'${shown.trim()}'`;
  return `'${shown}'`;
}

class Parser extends ImportStage {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    fileName: string,
    private readonly toks: Token[],
    warnings: ImportWarning[],
  ) {
    super(fileName, warnings);
  }

  // ---- helpers -------------------------------------------------------------------------------
  private get tok(): Token {
    return this.toks[this.i];
  }
  private peek(n = 1): Token {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)];
  }
  private next(): Token {
    const t = this.toks[this.i];
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private is(text: string, t: Token = this.tok): boolean {
    return (t.kind === 'punct' || t.kind === 'ident') && t.text === text;
  }
  private expect(text: string, context: string): Token {
    if (!this.is(text))
      throw this.error(this.tok.pos, `expected '${text}' ${context}, found ${describe(this.tok)}`);
    return this.next();
  }
  private enter(pos: SourcePos): void {
    if (++this.depth > MAX_DEPTH) throw this.error(pos, `nesting deeper than ${MAX_DEPTH} levels`);
  }
  private leave(): void {
    this.depth--;
  }

  // ---- top level -----------------------------------------------------------------------------
  file(): ConfigFile {
    const includes: ConfigFile['includes'] = [];
    const defines = new Map<string, Define>();
    const images: VmImageDecl[] = [];
    let config: InitList | undefined;
    let configPos: SourcePos | undefined;
    while (this.tok.kind !== 'eof') {
      const t = this.tok;
      if (t.kind === 'directive') {
        this.next();
        this.directive(t, includes, defines);
      } else if (this.is('VM_IMAGE')) {
        images.push(this.vmImage());
      } else if (this.is(';')) {
        this.next();
      } else if (
        this.is('struct') &&
        this.is('config', this.peek()) &&
        this.is('config', this.peek(2))
      ) {
        if (config)
          throw this.error(
            t.pos,
            `'struct config config' is defined twice (first at line ${configPos!.line})`,
          );
        this.next();
        this.next();
        this.next();
        this.expect('=', "after 'struct config config'");
        configPos = t.pos;
        config = this.initList();
        this.expect(';', "after the closing '}' of 'struct config config'");
      } else {
        throw this.error(
          t.pos,
          `unexpected ${describe(t)} at top level: a Bao config holds #include/#define lines, VM_IMAGE(...) and 'struct config config = { ... };'`,
        );
      }
    }
    if (!config || !configPos)
      throw this.error(this.tok.pos, "no 'struct config config = { ... };' in the file");
    return { includes, defines, images, config, configPos };
  }

  private directive(
    t: Token,
    includes: ConfigFile['includes'],
    defines: Map<string, Define>,
  ): void {
    const m = /^#\s*([A-Za-z_]\w*)?/.exec(t.text);
    const name = m?.[1] ?? '';
    if (name === 'include') {
      const path = t.text.slice(m![0].length).trim();
      if (!/^(<[^>]+>|"[^"]+")$/.test(path))
        throw this.error(t.pos, `#include expects <file> or "file", found '${path}'`);
      includes.push({ path: path.slice(1, -1), pos: t.pos });
    } else if (name === 'define') {
      const d = this.define(t);
      if (defines.has(d.name)) this.warn(t.pos, `${d.name} is redefined`);
      defines.set(d.name, d);
    } else if (name === 'undef') {
      defines.delete(t.text.slice(m![0].length).trim());
    } else if (name === 'pragma' || name === '') {
      this.warn(t.pos, `'${t.text.trim()}' ignored`);
    } else if (['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif'].includes(name)) {
      throw this.error(
        t.pos,
        `#${name}: preprocessor conditionals are not supported in an imported config`,
      );
    } else {
      throw this.error(t.pos, `unsupported preprocessor directive #${name}`);
    }
  }

  private define(t: Token): Define {
    // Locate the macro name and its replacement in the original text so the replacement's
    // tokens keep their real positions.
    const re = /#\s*define\s+([A-Za-z_]\w*)(\()?/y;
    re.lastIndex = t.pos.offset;
    const m = re.exec(this.src);
    if (!m) throw this.error(t.pos, '#define expects a macro name');
    const name = m[1];
    if (m[2]) {
      return { name, functionLike: true, problem: 'it is a function-like macro', pos: t.pos };
    }
    const valueStart = t.pos.offset + m[0].length;
    const base: SourcePos = {
      line: t.pos.line,
      column: t.pos.column + m[0].length,
      offset: valueStart,
    };
    const toks = tokenize(this.src.slice(valueStart, t.end), this.fileName, base);
    if (toks[0].kind === 'eof')
      return { name, functionLike: false, problem: 'it has no value', pos: t.pos };
    const sub = new Parser(this.src, this.fileName, toks, this.warnings);
    try {
      const value = sub.init();
      if (sub.tok.kind !== 'eof')
        return {
          name,
          functionLike: false,
          problem: `unexpected ${describe(sub.tok)} in its value`,
          pos: t.pos,
        };
      return { name, functionLike: false, value, pos: t.pos };
    } catch (e) {
      if (!(e instanceof ConfigParseError)) throw e;
      return { name, functionLike: false, problem: e.detail, pos: t.pos };
    }
  }

  private vmImage(): VmImageDecl {
    const start = this.next();
    this.expect('(', 'after VM_IMAGE');
    const nameTok = this.next();
    if (nameTok.kind !== 'ident')
      throw this.error(
        nameTok.pos,
        `VM_IMAGE expects an image identifier first, found ${describe(nameTok)}`,
      );
    this.expect(',', 'after the VM_IMAGE identifier');
    // The path: everything up to the matching ')', kept as written.
    const first = this.tok;
    let depth = 0;
    const pathToks: Token[] = [];
    for (;;) {
      const t = this.tok;
      if (t.kind === 'eof') throw this.error(start.pos, "VM_IMAGE( is never closed: expected ')'");
      if (t.kind === 'directive')
        throw this.error(t.pos, `unexpected ${describe(t)} inside VM_IMAGE(...)`);
      if (this.is('(')) depth++;
      if (this.is(')')) {
        if (depth === 0) break;
        depth--;
      }
      pathToks.push(this.next());
    }
    const close = this.next();
    if (this.is(';')) this.next();
    if (pathToks.length === 0) throw this.error(close.pos, 'VM_IMAGE has an empty path');
    const last = pathToks[pathToks.length - 1];
    let path: string;
    let style: VmImageDecl['style'];
    if (pathToks.length === 1 && first.kind === 'string') {
      style = 'string';
      path = unquote(first.text);
    } else if (this.is('XSTR', first) && this.is('(', pathToks[1]) && this.is(')', last)) {
      style = 'xstr';
      path = withoutComments(this.src.slice(pathToks[1].end, last.pos.offset));
      if (path === '') throw this.error(first.pos, 'XSTR() has an empty path');
    } else {
      style = 'bare';
      path = withoutComments(this.src.slice(first.pos.offset, last.end));
    }
    return { name: nameTok.text, path, style, pos: start.pos, comments: start.comments };
  }

  // ---- initializers --------------------------------------------------------------------------
  initList(): InitList {
    const open = this.expect('{', 'to start an initializer list');
    this.enter(open.pos);
    const items: InitItem[] = [];
    for (;;) {
      if (this.is('}')) break;
      items.push(this.item());
      const after = items[items.length - 1];
      if (this.is(',')) {
        this.next();
        continue;
      }
      if (this.is('}')) break;
      // CONFIG_HEADER expands to nothing, so no comma follows it in most configs.
      if (after.header) continue;
      throw this.error(
        this.tok.pos,
        `expected ',' or '}' after an initializer, found ${describe(this.tok)}`,
      );
    }
    const close = this.next();
    this.leave();
    return { kind: 'list', items, pos: open.pos, closingComments: close.comments };
  }

  private item(): InitItem {
    const first = this.tok;
    if (this.is('CONFIG_HEADER') && !this.is('=', this.peek()) && !this.is('(', this.peek())) {
      this.next();
      return {
        header: true,
        designators: [],
        value: { kind: 'list', items: [], pos: first.pos, closingComments: [] },
        pos: first.pos,
        comments: first.comments,
      };
    }
    if (this.is(',')) throw this.error(first.pos, "empty initializer (',' with nothing before it)");
    const designators: Designator[] = [];
    while (this.is('.') || this.is('[')) {
      const d = this.next();
      if (d.text === '.') {
        const n = this.next();
        if (n.kind !== 'ident')
          throw this.error(n.pos, `expected a field name after '.', found ${describe(n)}`);
        designators.push({ kind: 'field', name: n.text, pos: n.pos });
      } else {
        if (this.is(']')) throw this.error(this.tok.pos, "expected an index inside '[ ]'");
        const index = this.expr();
        if (this.is('...'))
          throw this.error(this.tok.pos, "range designators '[a ... b]' are not supported");
        this.expect(']', 'after the array index');
        designators.push({ kind: 'index', index, pos: d.pos });
      }
    }
    if (designators.length > 0) this.expect('=', 'after the designator');
    const value = this.init();
    return { designators, value, pos: first.pos, comments: first.comments };
  }

  init(): Init {
    return this.is('{') ? this.initList() : this.expr();
  }

  // ---- expressions ---------------------------------------------------------------------------
  expr(level = 0): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.expr(level + 1);
    const ops = BINARY_LEVELS[level];
    let count = 0;
    while (this.tok.kind === 'punct' && (ops as string[]).includes(this.tok.text)) {
      const op = this.next();
      // The evaluator recurses along the chain: keep it far from the stack limit.
      if (++count > MAX_DEPTH)
        throw this.error(op.pos, `expression with more than ${MAX_DEPTH} operators`);
      const right = this.expr(level + 1);
      left = { kind: 'binary', op: op.text as BinaryOp, left, right, pos: op.pos };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.tok;
    this.enter(t.pos);
    try {
      if (this.is('-') || this.is('+') || this.is('~')) {
        this.next();
        return { kind: 'unary', op: t.text as '-' | '+' | '~', operand: this.unary(), pos: t.pos };
      }
      if (this.is('(')) {
        this.next();
        if (this.isTypeStart()) {
          const type = this.typeName();
          this.expect(')', 'after the type name');
          if (this.is('{')) return { kind: 'compound', type, list: this.initList(), pos: t.pos };
          return { kind: 'cast', type, operand: this.unary(), pos: t.pos };
        }
        const inner = this.expr();
        this.expect(')', 'to close the parenthesis');
        return inner;
      }
      return this.primary();
    } finally {
      this.leave();
    }
  }

  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'number')
      return { kind: 'num', value: this.number(t), text: t.text, pos: t.pos };
    if (t.kind === 'string') return { kind: 'string', value: unquote(t.text), pos: t.pos };
    if (t.kind === 'ident') {
      if (this.is('(')) {
        this.next();
        const args: Expr[] = [];
        if (!this.is(')')) {
          for (;;) {
            args.push(this.expr());
            if (this.is(',')) {
              this.next();
              continue;
            }
            break;
          }
        }
        this.expect(')', `to close ${t.text}(`);
        return { kind: 'call', name: t.text, args, pos: t.pos };
      }
      return { kind: 'ident', name: t.text, pos: t.pos };
    }
    throw this.error(t.pos, `expected a value, found ${describe(t)}`);
  }

  private number(t: Token): bigint {
    const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uU]?[lL]{0,2}|[lL]{1,2}[uU])$/.exec(t.text);
    if (!m) throw this.error(t.pos, `'${t.text}' is not an integer literal`);
    const digits = m[1];
    if (/^0[0-7]+$/.test(digits)) {
      this.warn(
        t.pos,
        `'${t.text}' is an octal literal in C (= ${BigInt('0o' + digits.slice(1))})`,
      );
      return BigInt('0o' + digits.slice(1));
    }
    if (/^0[0-9]+$/.test(digits))
      throw this.error(t.pos, `'${t.text}' is not a valid octal literal`);
    return BigInt(digits);
  }

  private isTypeStart(): boolean {
    const t = this.tok;
    return t.kind === 'ident' && (TYPE_WORDS.has(t.text) || /^[A-Za-z_]\w*_t$/.test(t.text));
  }

  private typeName(): TypeName {
    const pos = this.tok.pos;
    const words: string[] = [];
    while (this.tok.kind === 'ident') {
      const w = this.next().text;
      if (w === 'const' || w === 'volatile') continue;
      words.push(w);
      if (w === 'struct' || w === 'union' || w === 'enum') {
        const tag = this.next();
        if (tag.kind !== 'ident')
          throw this.error(tag.pos, `expected a ${w} tag, found ${describe(tag)}`);
        words.push(tag.text);
        break;
      }
      if (/_t$/.test(w) || !TYPE_WORDS.has(w)) break;
    }
    let array = false;
    let pointer = false;
    let length: Expr | undefined;
    if (this.is('*')) {
      this.next();
      pointer = true;
    } else if (this.is('[')) {
      this.next();
      array = true;
      if (!this.is(']')) length = this.expr();
      this.expect(']', 'to close the array type');
    }
    return { base: words.join(' '), array, pointer, length, pos };
  }
}

/**
 * Raw path tokens as written, minus comments, with whitespace runs as one space: what the
 * preprocessor's stringification (XSTR) makes of them.
 */
function withoutComments(raw: string): string {
  return raw
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value of a C string literal (simple escapes; configs hold plain paths). */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}
