// Builds the S-mode test payload (test/emu/payloads) with the cross compiler into a temp dir.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_GCC } from './tools.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'payloads');

export function buildPayload(): string {
  const srcs = ['entry.S', 'payload.c'].map((f) => join(DIR, f));
  const ld = join(DIR, 'payload.ld');
  const args = [
    '-march=rv64imac_zicsr',
    '-mabi=lp64',
    '-mcmodel=medany',
    '-nostdlib',
    '-ffreestanding',
    '-fno-builtin',
    '-O2',
    '-Wall',
    '-Wl,--no-warn-rwx-segments',
    '-T',
    ld,
  ];
  const h = createHash('sha256');
  for (const f of [...srcs, ld]) h.update(readFileSync(f));
  const outDir = join(tmpdir(), 'bao-studio-payload-build');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `payload-${h.update(args.join(' ')).digest('hex').slice(0, 16)}.elf`);
  if (existsSync(out)) return out;
  // Build under a private name and rename: test files run in parallel and share the cache.
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const r = spawnSync(CROSS_GCC, [...args, ...srcs, '-o', tmp], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the payload failed:\n${r.stderr}`);
  renameSync(tmp, out);
  return out;
}
