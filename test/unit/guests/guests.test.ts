import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';

const hasCross = spawnSync('riscv64-unknown-elf-gcc', ['--version']).status === 0;

describe('demo guests', () => {
  it.skipIf(!hasCross)('rebuilding the committed guest binaries gives the same bytes', () => {
    // Skipped (with this name shown) when riscv64-unknown-elf-gcc is not installed.
    const out = execFileSync('make', ['-s', '-C', 'assets/guests', 'check'], { encoding: 'utf8' });
    expect(out).toContain('rebuilt binaries match the committed ones');
  });
});
