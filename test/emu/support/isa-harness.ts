// Conformance harness: build a test program with the cross compiler, run it in QEMU (the
// reference) and in our emulator, and compare the signatures both print on the UART.
// Reused by the H-extension tests (issue 4): pass other -march flags, QEMU -cpu options and
// machine options.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CROSS_GCC } from './tools.js';
import { runQemu } from './qemu.js';
import { fileArg, runOurs } from './emu.js';
import type { MachineOptions } from '../../../core/emu/options.js';

export const ISA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'isa');
const BUILD_DIR = join(tmpdir(), 'bao-studio-isa-build');

export interface BuildOptions {
  march?: string;
  mabi?: string;
  /** Extra include directories (the frame in test/emu/isa/common is always available). */
  includes?: string[];
  linkScript?: string;
  defines?: string[];
}

/** Builds one assembly/C program into an ELF in a temp build dir (cached by content). */
export function buildProgram(src: string, o: BuildOptions = {}): string {
  // A program may ask for other extensions: `isa-test: march=rv64gc_zbc` in its source.
  const wanted = /isa-test:[^*]*\bmarch=(\S+)/.exec(readFileSync(src, 'utf8'))?.[1];
  const march = o.march ?? wanted ?? 'rv64gc_zba_zbb_zbs';
  const args = [
    `-march=${march}`,
    `-mabi=${o.mabi ?? 'lp64d'}`,
    '-nostdlib',
    '-nostartfiles',
    '-static',
    '-mcmodel=medany',
    '-T',
    o.linkScript ?? join(ISA_DIR, 'common', 'link.ld'),
    '-I',
    ISA_DIR,
    ...(o.includes ?? []).flatMap((i) => ['-I', i]),
    ...(o.defines ?? []).map((d) => `-D${d}`),
  ];
  const hash = createHash('sha256')
    .update(readFileSync(src))
    .update(readFileSync(join(ISA_DIR, 'common', 'test.h')))
    .update(readFileSync(o.linkScript ?? join(ISA_DIR, 'common', 'link.ld')))
    .update(args.join(' '))
    .digest('hex')
    .slice(0, 16);
  mkdirSync(BUILD_DIR, { recursive: true });
  const out = join(BUILD_DIR, `${basename(src).replace(/\.[^.]+$/, '')}-${hash}.elf`);
  if (existsSync(out)) return out;
  // Build under a private name and rename: test files run in parallel and share the cache.
  const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const r = spawnSync(CROSS_GCC, [...args, src, '-o', tmp], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${src} failed:\n${r.stderr}`);
  renameSync(tmp, out);
  return out;
}

export interface Signature {
  lines: string[];
  complete: boolean;
  raw: string;
}

export function parseSignature(output: string): Signature {
  const lines = output.split(/\r?\n/).filter((l) => /^SIG [0-9a-f]{3} [0-9a-f]{16}$/.test(l));
  return { lines, complete: /^END$/m.test(output), raw: output };
}

/**
 * Per-program run options from a `isa-test: harts=4 quantum=3` comment in the source:
 * harts (QEMU -smp and ours), quantum (our instructions per hart slice, to interleave harts
 * finely), cpu (QEMU -cpu), input (typed after READY; \r and \n escapes). march (the
 * -march to build with) is read by buildProgram.
 */
export function programOptions(src: string): ProgramRunOptions {
  const m = /isa-test:(.*?)\*\//.exec(readFileSync(src, 'utf8'));
  const kv: Record<string, string> = Object.fromEntries(
    (m?.[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  const o: ProgramRunOptions = { machine: {} };
  if (kv.harts) o.harts = Number(kv.harts);
  if (kv.quantum) o.machine!.quantum = Number(kv.quantum);
  if (kv.cpu) o.qemuCpu = kv.cpu;
  if (kv.input) o.input = kv.input.replace(/\\r/g, '\r').replace(/\\n/g, '\n');
  return o;
}

export interface ProgramRunOptions {
  /** Harts in both machines (default 1). */
  harts?: number;
  /** QEMU -cpu value (default rv64). */
  qemuCpu?: string;
  /** QEMU -M value (default virt). */
  qemuMachine?: string;
  machine?: MachineOptions;
  timeoutMs?: number;
  /** Typed on the UART once the program prints READY (both machines). */
  input?: string;
}

export function runProgramInQemu(elf: string, o: ProgramRunOptions = {}): Promise<Signature> {
  return runQemu(
    ['-cpu', o.qemuCpu ?? 'rv64', '-smp', String(o.harts ?? 1), '-bios', 'none', '-kernel', elf],
    {
      machine: o.qemuMachine,
      input: o.input,
      inputAfter: 'READY',
      expect: ['END\n'],
      timeoutMs: o.timeoutMs ?? 20_000,
      waitExit: true,
    },
  ).then((r) => parseSignature(r.output));
}

export async function runProgramInOurs(elf: string, o: ProgramRunOptions = {}): Promise<Signature> {
  const r = await runOurs(
    { kernel: fileArg(elf) },
    {
      ...o.machine,
      harts: o.harts ?? o.machine?.harts,
      input: o.input,
      inputAfter: 'READY',
      expect: ['END\n'],
      timeoutMs: o.timeoutMs ?? 20_000,
      maxInsns: 200_000_000n,
      waitExit: true,
    },
  );
  return parseSignature(r.output);
}

/**
 * A signature line where QEMU deviates from the spec: the reason, and optionally the value the
 * spec requires, which ours must then print instead of QEMU's.
 */
export type Deviation = string | { why: string; ours: string };

/** Line-by-line differences, QEMU deviations (by signature index) checked against the spec. */
export function diffSignatures(
  ours: Signature,
  ref: Signature,
  deviations: Record<number, Deviation> = {},
): string[] {
  const out: string[] = [];
  const n = Math.max(ours.lines.length, ref.lines.length);
  const value = (l: string | undefined): string => l?.slice(8) ?? '(missing)';
  for (let i = 0; i < n; i++) {
    const dev = deviations[i];
    if (typeof dev === 'object') {
      if (value(ours.lines[i]) !== dev.ours)
        out.push(
          `#${i}: ours ${value(ours.lines[i])}  spec ${dev.ours} (QEMU deviates: ${dev.why})`,
        );
      continue;
    }
    if (dev !== undefined) continue;
    if (ours.lines[i] !== ref.lines[i])
      out.push(`#${i}: ours ${value(ours.lines[i])}  qemu ${value(ref.lines[i])}`);
  }
  if (!ours.complete)
    out.push(`ours did not finish; its output ended with: ${JSON.stringify(ours.raw.slice(-200))}`);
  return out;
}
