// Fuzzing: whatever the bytes, the importer either returns a valid project or throws a
// ConfigParseError with a sane position: never a TypeError, RangeError or hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigParseError, importConfigC } from '../../../../core/bao/import/index.js';
import { Project } from '../../../../core/bao/model/schema.js';
import { fixture } from './helpers.js';

const SEEDS = [
  'v1-workshop-ipc.c',
  'v2-remio-aia.c',
  'v01-old.c',
  'armv8-defines.c',
  'mismatched-counts.c',
].map(fixture);

/** Rough C tokens (with the whitespace and comments between them) to mutate at token level. */
function lex(text: string): string[] {
  return (
    text.match(
      /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|[A-Za-z_]\w*|0[xXbB][0-9a-fA-F]+|\d+|"[^"\n]*"|./g,
    ) ?? []
  );
}

function check(text: string): void {
  const lines = text.split('\n').length;
  try {
    const { project } = importConfigC(text, { file: 'fuzz.c', platform: 'qemu-riscv64-virt' });
    expect(Project.safeParse(project).success).toBe(true);
  } catch (e) {
    if (!(e instanceof ConfigParseError)) throw e;
    expect(e.internal, e.message).toBe(false);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lines + 1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message.startsWith(`fuzz.c:${e.line}:${e.column}: `)).toBe(true);
  }
}

const seed = fc.constantFrom(...SEEDS.map(lex));

type Mutation = {
  kind: 'delete' | 'duplicate' | 'swap' | 'replace';
  at: number;
  other: number;
  with: string;
};
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'replace'),
  at: fc.nat(),
  other: fc.nat(),
  with: fc.constantFrom(
    '{',
    '}',
    ',',
    '=',
    '.',
    '(',
    ')',
    '[',
    ']',
    ';',
    '0x',
    'x',
    '-',
    '*',
    '/*',
    '"',
    'NULL',
    '#define',
    '\n#',
  ),
});

function mutate(tokens: string[], ms: Mutation[]): string {
  const t = [...tokens];
  for (const m of ms) {
    if (t.length === 0) break;
    const i = m.at % t.length;
    const j = m.other % t.length;
    if (m.kind === 'delete') t.splice(i, 1);
    else if (m.kind === 'duplicate') t.splice(i, 0, t[i]);
    else if (m.kind === 'swap') [t[i], t[j]] = [t[j], t[i]];
    else t[i] = m.with;
  }
  return t.join('');
}

describe('fuzzing the importer', () => {
  it('imports every seed cleanly (the mutations start from valid configs)', () => {
    for (const s of SEEDS)
      expect(() => importConfigC(s, { file: 's.c', platform: 'p' })).not.toThrow();
  });

  it('survives deleted, duplicated, swapped and replaced tokens', () => {
    fc.assert(
      fc.property(seed, fc.array(mutation, { minLength: 1, maxLength: 6 }), (tokens, ms) =>
        check(mutate(tokens, ms)),
      ),
      { numRuns: 1000, seed: 0x5eed },
    );
  });

  it('survives truncation anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.nat(), (text, n) =>
        check(text.slice(0, n % (text.length + 1))),
      ),
      { numRuns: 500, seed: 0x7a11 },
    );
  });

  it('survives random bytes spliced in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.nat(),
        fc.string({ unit: 'binary', maxLength: 12 }),
        (text, at, junk) => {
          const i = at % (text.length + 1);
          check(text.slice(0, i) + junk + text.slice(i));
        },
      ),
      { numRuns: 400, seed: 0xb17e },
    );
  });

  it('survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => check(text)),
      {
        numRuns: 500,
        seed: 0xa7b,
      },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lex(SEEDS[1])), { maxLength: 80 }), (tokens) =>
        check(tokens.join(' ')),
      ),
      { numRuns: 500, seed: 0xc0de },
    );
  });

  it('fails cleanly on pathological nesting and sizes instead of overflowing the stack', () => {
    const deep = (open: string, n: number) =>
      `struct config config = { .hyp.colors = ${open.repeat(n)} };`;
    for (const text of [
      deep('(', 100_000),
      deep('{', 100_000),
      deep('-', 100_000),
      deep('(irqid_t)', 50_000),
      'struct config config = ' + '{'.repeat(100_000),
      `struct config config = { .hyp.colors = ${Array(20_000).fill('0xffffffff').join(' * ')} };`,
      `struct config config = { .hyp.colors = ${Array(20_000).fill('1').join(' + ')} };`,
    ]) {
      let err: unknown;
      try {
        importConfigC(text, { file: 'deep.c', platform: 'p' });
      } catch (e) {
        err = e;
      }
      expect(err, text.slice(0, 60)).toBeInstanceOf(ConfigParseError);
      expect((err as ConfigParseError).internal).toBe(false);
    }
  });
});
