// Builds the CPU-bound benchmark (programs/coremark-mix: start.S + mix.c) with the cross
// compiler at bench time, into a temp dir cached by content and flags.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_GCC } from '../emu/support/tools.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'programs', 'coremark-mix');

export function buildCpuBench(iterations: number): string {
  const srcs = ['start.S', 'mix.c'].map((f) => join(DIR, f));
  const ld = join(DIR, 'link.ld');
  const args = [
    // rv64imac like OpenSBI and Bao's later builds: compressed instructions in the hot loop.
    '-march=rv64imac_zicsr',
    '-mabi=lp64',
    '-mcmodel=medany',
    '-O2',
    '-nostdlib',
    '-nostartfiles',
    '-ffreestanding',
    '-fno-builtin',
    '-static',
    '-Wall',
    '-Werror',
    '-Wl,--no-warn-rwx-segments',
    `-DITERATIONS=${iterations}`,
    '-T',
    ld,
  ];
  const h = createHash('sha256').update(args.join(' '));
  for (const f of [...srcs, ld]) h.update(readFileSync(f));
  const outDir = join(tmpdir(), 'bao-studio-bench-build');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `coremark-mix-${h.digest('hex').slice(0, 16)}.elf`);
  if (existsSync(out)) return out;
  const r = spawnSync(CROSS_GCC, [...args, ...srcs, '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CPU benchmark failed:\n${r.stderr}`);
  return out;
}
