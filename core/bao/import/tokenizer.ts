// Tokenizer for the subset of C that Bao config files use (grammar_census.md). It is lenient on
// purpose: anything it does not understand becomes an `other` token and the parser reports it
// where it matters, because VM_IMAGE paths are raw token soup (`XSTR(IMGS/linux-6.1.bin)`) that
// must survive untouched. Comments are kept and attached to the next token: device names live
// in comments such as `/* PL011 */`.
import { ConfigParseError, type SourcePos } from './errors.js';

export type TokenKind =
  | 'ident'
  /** A C preprocessing number: digits, letters, `_` and `.` (validated when used as a value). */
  | 'number'
  | 'string'
  | 'punct'
  /** A whole preprocessor line (`#include ...`, `#define ...`), continuation lines joined. */
  | 'directive'
  | 'other'
  | 'eof';

export interface Comment {
  /** The comment's text without its delimiters, trimmed. */
  text: string;
  pos: SourcePos;
  /** True for a comment that starts on the same line as the previous token ends. */
  trailing: boolean;
}

export interface Token {
  kind: TokenKind;
  text: string;
  pos: SourcePos;
  /** Offset just past the token's last character. */
  end: number;
  /** Comments between the previous token and this one. */
  comments: Comment[];
}

const PUNCT3 = ['...', '<<=', '>>='];
const PUNCT2 = ['<<', '>>', '->', '++', '--', '&&', '||', '==', '!=', '<=', '>=', '##'];
const PUNCT1 = '{}()[].,;=+-*/%<>&|^~!?:#';

/**
 * Splits `text` into tokens. `base` shifts the reported positions when `text` is a slice of a
 * larger file (the value of a `#define`), in which case directives are not recognised.
 */
export function tokenize(text: string, file: string, base?: SourcePos): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = base?.line ?? 1;
  // A negative line start makes the first line's columns continue from base.column.
  let lineStart = base ? -(base.column - 1) : 0;
  let pending: Comment[] = [];
  let lastTokenLine = 0;
  // True while only whitespace/comments have been seen since the last newline: `#` then starts
  // a directive.
  let atLineStart = true;

  const shift = base?.offset ?? 0;
  const posAt = (offset: number): SourcePos => ({
    line,
    column: offset - lineStart + 1,
    offset: offset + shift,
  });
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  const push = (
    kind: TokenKind,
    start: number,
    startPos: SourcePos,
    end: number,
    tokText?: string,
  ) => {
    tokens.push({
      kind,
      text: tokText ?? text.slice(start, end),
      pos: startPos,
      end: end + shift,
      comments: pending,
    });
    pending = [];
    lastTokenLine = line;
    atLineStart = false;
  };

  // A UTF-8 byte-order mark some Windows editors write: not part of the C text.
  if (!base && text.charCodeAt(0) === 0xfeff) {
    i = 1;
    lineStart = 1;
  }
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      newline(i);
      i++;
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      // A line continuation outside a directive: harmless whitespace.
      i += text[i + 1] === '\n' ? 1 : 2;
      newline(i);
      i++;
      continue;
    }
    const start = i;
    const startPos = posAt(i);
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw ConfigParseError.at(file, startPos, 'unterminated /* comment');
      const body = text.slice(i + 2, close);
      for (let k = i; k < close; k++) if (text[k] === '\n') newline(k);
      i = close + 2;
      pending.push({
        text: cleanBlock(body),
        pos: startPos,
        trailing: lastTokenLine === startPos.line,
      });
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      let e = text.indexOf('\n', i);
      if (e < 0) e = text.length;
      pending.push({
        text: text
          .slice(i + 2, e)
          .replace(/^\/+/, '')
          .trim(),
        pos: startPos,
        trailing: lastTokenLine === startPos.line,
      });
      i = e;
      continue;
    }
    if (c === '#' && atLineStart && !base) {
      // The directive runs to the end of the line, honouring `\` continuations. Comments inside
      // it are removed (a `#define X 0x10 /* base */` is common C).
      let body = '';
      let k = i;
      while (k < text.length && text[k] !== '\n') {
        if (
          text[k] === '\\' &&
          (text[k + 1] === '\n' || (text[k + 1] === '\r' && text[k + 2] === '\n'))
        ) {
          k += text[k + 1] === '\n' ? 1 : 2;
          newline(k);
          k++;
          body += ' ';
          continue;
        }
        if (text[k] === '/' && text[k + 1] === '*') {
          const close = text.indexOf('*/', k + 2);
          if (close < 0) throw ConfigParseError.at(file, posAt(k), 'unterminated /* comment');
          for (let m = k; m < close; m++) if (text[m] === '\n') newline(m);
          k = close + 2;
          body += ' ';
          continue;
        }
        if (text[k] === '/' && text[k + 1] === '/') {
          while (k < text.length && text[k] !== '\n') k++;
          break;
        }
        body += text[k];
        k++;
      }
      i = k;
      tokens.push({
        kind: 'directive',
        text: body,
        pos: startPos,
        end: k + shift,
        comments: pending,
      });
      pending = [];
      lastTokenLine = line;
      continue;
    }
    if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i])) i++;
      push('ident', start, startPos, i);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      // C's pp-number: digits, identifier characters and dots (and e+/e- exponents).
      i++;
      while (i < text.length) {
        const d = text[i];
        if (isIdentPart(d) || d === '.') i++;
        else if (
          (d === '+' || d === '-') &&
          /[eEpP]/.test(text[i - 1]) &&
          !/^0[xX]/.test(text.slice(start, i))
        )
          i++;
        else break;
      }
      push('number', start, startPos, i);
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\n') break;
        if (text[i] === '\\') i++;
        i++;
      }
      if (text[i] !== c)
        throw ConfigParseError.at(
          file,
          startPos,
          `unterminated ${c === '"' ? 'string' : 'character'} literal`,
        );
      i++;
      push(c === '"' ? 'string' : 'other', start, startPos, i);
      continue;
    }
    const p3 = text.slice(i, i + 3);
    const p2 = text.slice(i, i + 2);
    if (PUNCT3.includes(p3)) {
      i += 3;
      push('punct', start, startPos, i);
    } else if (PUNCT2.includes(p2)) {
      i += 2;
      push('punct', start, startPos, i);
    } else if (PUNCT1.includes(c)) {
      i++;
      push('punct', start, startPos, i);
    } else {
      // One code point (keep surrogate pairs together so the message shows the real character).
      const cp = text.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      push('other', start, startPos, i);
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: posAt(i), end: i + shift, comments: pending });
  return tokens;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** Strips a block comment's decoration: leading `*` columns of doc comments, blank edges. */
function cleanBlock(body: string): string {
  const lines = body.split('\n').map((l) => l.replace(/^\s*\*+(?!\/)/, '').trim());
  return lines.join('\n').replace(/^\*+/, '').trim();
}
