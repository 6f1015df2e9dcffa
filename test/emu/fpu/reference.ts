// Reference vectors from real RISC-V F/D instructions: builds vectors.c with the bare-metal
// cross compiler and runs it under qemu-riscv64 (user mode), which executes each instruction
// with each rounding mode and reports result bits and fflags.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CROSS_GCC = 'riscv64-unknown-elf-gcc';
export const QEMU_USER = 'qemu-riscv64';
const SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'vectors.c');
const RECORD_BYTES = 48;

export interface Vector {
  op: string;
  rm: number;
  a: bigint;
  b: bigint;
  c: bigint;
  result: bigint;
  flags: number;
}

export interface VectorSet {
  ops: string[];
  vectors: Vector[];
}

function run(cmd: string, args: string[]): Buffer {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return r.stdout;
}

/** Builds and runs the generator: `count` vectors per (operation, rounding mode), seeded. */
export function generateVectors(count: number, seed: number): VectorSet {
  const dir = mkdtempSync(join(tmpdir(), 'bao-studio-fpuvec-'));
  try {
    const exe = join(dir, 'vectors');
    // Freestanding: Debian's riscv64-unknown-elf-gcc comes without a C library.
    run(CROSS_GCC, [
      '-march=rv64gc',
      '-mabi=lp64d',
      '-O2',
      '-static',
      '-nostdlib',
      '-ffreestanding',
      '-Wl,--no-warn-rwx-segments',
      '-o',
      exe,
      SOURCE,
    ]);
    return parseVectors(run(QEMU_USER, [exe, String(count), String(seed)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseVectors(out: Buffer): VectorSet {
  const nl1 = out.indexOf(10);
  const nl2 = out.indexOf(10, nl1 + 1);
  const header = out.subarray(0, nl1).toString('latin1').split(' ');
  if (header[0] !== 'FPUVEC1') throw new Error(`unexpected generator output: ${header[0]}`);
  const ops = out
    .subarray(nl1 + 1, nl2)
    .toString('latin1')
    .split(' ');
  if (ops.length !== Number(header[1])) throw new Error('operation table does not match its count');
  const body = out.subarray(nl2 + 1);
  if (body.length % RECORD_BYTES !== 0) throw new Error('truncated vector stream');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const vectors: Vector[] = [];
  for (let off = 0; off < body.length; off += RECORD_BYTES) {
    vectors.push({
      op: ops[view.getUint32(off, true)],
      rm: view.getUint32(off + 4, true),
      a: view.getBigUint64(off + 8, true),
      b: view.getBigUint64(off + 16, true),
      c: view.getBigUint64(off + 24, true),
      result: view.getBigUint64(off + 32, true),
      flags: view.getUint32(off + 40, true),
    });
  }
  return { ops, vectors };
}
