// Builds the Bao hypervisor from a user's checkout the way its README says
// (`make PLATFORM= CONFIG_REPO= CONFIG= CROSS_COMPILE=`), working around the traps a user hits:
// - v1.0.0's Makefile includes ci/ci.mk from a git submodule a plain clone lacks (lint targets
//   only): an empty file there is enough;
// - Bao's dependency step loses the guest images (the cross gcc runs without -ffreestanding and
//   its "stdint.h not found" is ignored), so a changed guest image does not rebuild Bao: the
//   config's build directory is removed before every build.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './process.js';

export interface BaoBuildOptions {
  /** Bao checkout (bao-hypervisor). */
  baoSrc: string;
  platform: string;
  /** Directory holding `<config>.c` or `<config>/config.c`. */
  configRepo: string;
  config: string;
  /** Directory the config's VM_IMAGE paths are relative to (BAO_WRKDIR_IMGS). */
  imagesDir?: string;
  crossCompile?: string;
  /** Extra make variables, e.g. { IRQC: 'PLIC', DEBUG: 'y' }. */
  vars?: Record<string, string>;
  timeoutMs?: number;
}

export interface BaoBuildResult {
  bin: string;
  elf: string;
  log: string;
}

export class BaoBuildError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
    this.name = 'BaoBuildError';
  }
}

export async function buildBao(opts: BaoBuildOptions): Promise<BaoBuildResult> {
  if (!existsSync(join(opts.baoSrc, 'Makefile')) || !existsSync(join(opts.baoSrc, 'src', 'core'))) {
    throw new BaoBuildError(
      `${opts.baoSrc} is not a Bao hypervisor checkout (no Makefile or src/core)`,
      '',
    );
  }
  const ciDir = join(opts.baoSrc, 'ci');
  if (existsSync(ciDir) && readdirSync(ciDir).length === 0) writeFileSync(join(ciDir, 'ci.mk'), '');
  else if (!existsSync(ciDir)) {
    mkdirSync(ciDir);
    writeFileSync(join(ciDir, 'ci.mk'), '');
  }
  rmSync(join(opts.baoSrc, 'build', opts.platform, opts.config), { recursive: true, force: true });
  rmSync(join(opts.baoSrc, 'bin', opts.platform, opts.config), { recursive: true, force: true });

  const args = [
    `PLATFORM=${opts.platform}`,
    `CONFIG_REPO=${opts.configRepo}`,
    `CONFIG=${opts.config}`,
    `CROSS_COMPILE=${opts.crossCompile ?? 'riscv64-unknown-elf-'}`,
  ];
  if (opts.imagesDir) args.push(`CPPFLAGS=-DBAO_WRKDIR_IMGS=${opts.imagesDir}`);
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push(`${k}=${v}`);
  const res = await runTool('make', ['-C', opts.baoSrc, ...args], {
    timeoutMs: opts.timeoutMs ?? 300_000,
  });
  const log = res.stdout + res.stderr;
  const binDir = join(opts.baoSrc, 'bin', opts.platform, opts.config);
  const bin = join(binDir, 'bao.bin');
  if (res.code !== 0 || !existsSync(bin)) {
    const firstError = summarizeBuildError(log) ?? `make exited with ${res.code}`;
    throw new BaoBuildError(
      `Bao build of ${opts.config} for ${opts.platform} failed: ${firstError.trim()}`,
      log,
    );
  }
  return { bin, elf: join(binDir, 'bao.elf'), log };
}

/**
 * The line of a failed build that explains it: a compiler `error:` (skipping the harmless
 * "stdint.h: No such file" of Bao's dependency step), else make's own error line.
 */
export function summarizeBuildError(log: string): string | undefined {
  const lines = log.split('\n');
  return (
    lines.find((l) => /\berror:/.test(l) && !/stdint\.h/.test(l)) ??
    lines.find((l) => /\*\*\*|\bError \d+/.test(l))
  );
}
