// The project's standards (DEVELOPERS.md): TypeScript strict for every layer (main/ against
// Electron's own types), ESLint (including the layering rules) and Prettier, checked as part of the
// test suite so CI enforces them.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function run(bin: string, args: string[]): { status: number | null; output: string } {
  const res = spawnSync(process.execPath, [`${ROOT}node_modules/${bin}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { status: res.status, output: `${res.stdout}${res.stderr}`.slice(0, 20_000) };
}

describe('standards', () => {
  it('type-checks core, toolchain, renderer and tests (strict)', () => {
    const r = run('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('type-checks main/ and the preload against electron.d.ts', () => {
    const r = run('typescript/bin/tsc', ['-p', 'main/tsconfig.json', '--noEmit']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('passes ESLint, layering rules included', () => {
    const r = run('eslint/bin/eslint.js', ['.']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('is formatted with Prettier', () => {
    const r = run('prettier/bin/prettier.cjs', ['--check', '.', '--log-level', 'warn']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });
});
