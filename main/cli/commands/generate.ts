// `bao-studio generate <project> [-o dir]`: config.c, each Linux guest's .dts and, when dtc is
// on the PATH, its .dtb. A project with validation errors is not generated unless --force.
import { rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { generateProjectFiles, DtsGenerationError } from '../../../core/bao/generate/index.js';
import { checkProject } from '../../../core/bao/validation/index.js';
import { compileDts, findDtc, formatDtcDiagnostic } from '../../../toolchain/dtc.js';
import { counts, formatDiagnostic } from '../diagnostics.js';
import { writeAtomic } from '../files.js';
import { loadInput, parseBaoVersion } from '../load.js';
import { UserError } from '../user-error.js';

interface GenerateOptions {
  output?: string;
  bao?: string;
  platform?: string;
  force?: boolean;
  dtb?: boolean;
}

export function registerGenerate(program: Command, setExit: (code: number) => void): void {
  program
    .command('generate')
    .description("write config.c and each Linux guest's device tree (.dts, and .dtb with dtc)")
    .argument('<project>', 'a project file (.baoproj), or a config.c with --platform')
    .option('-o, --output <dir>', 'output directory (default: <project>.generated next to it)')
    .option('--bao <version>', 'generate for this Bao version (v1.0 or v2) instead of the target')
    .option('--platform <name>', 'platform of a config.c input')
    .option('--force', 'generate even when validation reports errors')
    .option('--no-dtb', 'do not compile the device trees even when dtc is available')
    .action(async (file: string, opts: GenerateOptions) => {
      const bao = parseBaoVersion(opts.bao);
      const { project, locate } = loadInput(file, { platform: opts.platform });
      const target = bao ? { ...project, target: { ...project.target, bao } } : project;
      const diags = checkProject(target);
      const errors = counts(diags).errors;
      for (const d of diags)
        if (d.severity !== 'info')
          for (const line of formatDiagnostic(file, d, locate)) process.stderr.write(line + '\n');
      if (errors > 0 && !opts.force) {
        process.stderr.write(
          `${file}: not generated: ${errors} validation error${errors === 1 ? '' : 's'} (--force to generate anyway)\n`,
        );
        setExit(1);
        return;
      }
      const outDir =
        opts.output ?? join(dirname(file), `${basename(file, extname(file))}.generated`);
      let files;
      try {
        files = generateProjectFiles(target);
      } catch (e) {
        if (e instanceof DtsGenerationError) throw new UserError(`${file}: ${e.message}`);
        throw e;
      }
      const dtc = opts.dtb === false ? undefined : await findDtc();
      let failed = false;
      for (const f of files) {
        const path = join(outDir, f.path);
        writeAtomic(path, f.content);
        process.stdout.write(`wrote ${path}\n`);
        if (f.kind !== 'dts' || !dtc) continue;
        const result = await compileDts(f.content, { dtc });
        for (const d of result.diagnostics)
          process.stderr.write(formatDtcDiagnostic(d, path) + '\n');
        const dtb = path.replace(/\.dts$/, '.dtb');
        if (result.ok && result.dtb) {
          writeAtomic(dtb, result.dtb);
          process.stdout.write(`wrote ${dtb}\n`);
        } else {
          // A blob from an earlier run must not pass for the tree that just failed.
          rmSync(dtb, { force: true });
          failed = true;
        }
      }
      if (!dtc && opts.dtb !== false && files.some((f) => f.kind === 'dts'))
        process.stderr.write('note: dtc is not on the PATH: device trees written as .dts only\n');
      setExit(failed ? 1 : 0);
    });
}
