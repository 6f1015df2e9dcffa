// `bao-studio validate <file...>`: every validation rule on each project or config.c, so CI can
// check a whole directory of configs in one run. Exit 1 when any has errors, 2 when any could not
// be read (the others are still checked and reported).
import type { Command } from 'commander';
import { checkProject } from '../../../core/bao/validation/index.js';
import { counts, diagnosticJson, formatDiagnostic, summary } from '../diagnostics.js';
import { loadInput } from '../load.js';
import { UserError } from '../user-error.js';

interface ValidateOptions {
  platform?: string;
  bao?: string;
  json?: boolean;
}

/** One file's result: its JSON form, and its exit code (0, 1 or 2). */
function validateFile(
  file: string,
  opts: ValidateOptions,
  several: boolean,
): { json: object; code: number } {
  let loaded;
  try {
    loaded = loadInput(file, opts);
  } catch (e) {
    // With one file the error ends the run as usual; with several it is this file's result.
    if (!(e instanceof UserError) || !several) throw e;
    process.stderr.write(`bao-studio: ${e.message}\n`);
    return { json: { file, ok: false, error: e.message }, code: 2 };
  }
  const { project, warnings, locate } = loaded;
  const diags = checkProject(project);
  const c = counts(diags);
  if (!opts.json) {
    for (const w of warnings) process.stderr.write(w + '\n');
    for (const d of diags)
      for (const line of formatDiagnostic(file, d, locate)) process.stdout.write(line + '\n');
    process.stdout.write(
      `${file}: ${summary(c)} (${project.target.platform}, Bao ${project.target.bao})\n`,
    );
  }
  const json = {
    file,
    platform: project.target.platform,
    bao: project.target.bao,
    ok: c.errors === 0,
    ...c,
    importWarnings: warnings,
    diagnostics: diags.map((d) => diagnosticJson(d, locate)),
  };
  return { json, code: c.errors > 0 ? 1 : 0 };
}

export function registerValidate(program: Command, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check projects or config.c files against every rule (exit 1 on errors)')
    .argument('<file...>', 'project files (.baoproj) or Bao config.c files')
    .option('--platform <name>', 'platform of a config.c (see `bao-studio platforms`)')
    .option('--bao <version>', 'Bao version: v1.0 or v2 (a config.c: detected when absent)')
    .option('--json', 'print the result as JSON (an array when several files are given)')
    .action((files: string[], opts: ValidateOptions) => {
      const results = files.map((f) => validateFile(f, opts, files.length > 1));
      if (opts.json) {
        const out = files.length === 1 ? results[0].json : results.map((r) => r.json);
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      }
      setExit(Math.max(...results.map((r) => r.code)));
    });
}
