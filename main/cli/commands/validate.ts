// `bao-studio validate <project.baoproj | config.c>`: every validation rule; exit 1 on errors.
import type { Command } from 'commander';
import { checkProject } from '../../../core/bao/validation/index.js';
import { counts, diagnosticJson, formatDiagnostic, summary } from '../diagnostics.js';
import { loadInput } from '../load.js';

export function registerValidate(program: Command, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check a project or a config.c against every rule (exit 1 on errors)')
    .argument('<file>', 'a project file (.baoproj) or a Bao config.c')
    .option('--platform <name>', 'platform of a config.c (see `bao-studio platforms`)')
    .option('--bao <version>', 'Bao version: v1.0 or v2 (a config.c: detected when absent)')
    .option('--json', 'print the result as JSON')
    .action((file: string, opts: { platform?: string; bao?: string; json?: boolean }) => {
      const { project, warnings, locate } = loadInput(file, opts);
      const diags = checkProject(project);
      const c = counts(diags);
      if (opts.json) {
        const out = {
          file,
          platform: project.target.platform,
          bao: project.target.bao,
          ok: c.errors === 0,
          ...c,
          importWarnings: warnings,
          diagnostics: diags.map((d) => diagnosticJson(d, locate)),
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        for (const w of warnings) process.stderr.write(w + '\n');
        for (const d of diags)
          for (const line of formatDiagnostic(file, d, locate)) process.stdout.write(line + '\n');
        process.stdout.write(
          `${file}: ${summary(c)} (${project.target.platform}, Bao ${project.target.bao})\n`,
        );
      }
      setExit(c.errors > 0 ? 1 : 0);
    });
}
