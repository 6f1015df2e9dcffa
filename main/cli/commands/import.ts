// `bao-studio import <config.c> --platform P [--bao v1.0|v2] -o project`
import type { Command } from 'commander';
import { serializeProject } from '../../../core/bao/model/project-file.js';
import { readText, writeNew } from '../files.js';
import { checkPlatformName, importC, parseBaoVersion } from '../load.js';

export function registerImport(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description('turn an existing Bao config.c into a project file')
    .argument('<config.c>', 'the Bao configuration to import')
    .requiredOption('--platform <name>', 'the platform it is for (see `bao-studio platforms`)')
    .option('--bao <version>', 'Bao version: v1.0 or v2 (detected from the syntax when absent)')
    .option('-o, --output <project>', 'project file to write (default: print it)')
    .option('--force', 'replace the output file if it exists')
    .action(
      (
        file: string,
        opts: { platform: string; bao?: string; output?: string; force?: boolean },
      ) => {
        const bao = parseBaoVersion(opts.bao);
        checkPlatformName(opts.platform);
        const { project, warnings } = importC(readText(file), file, opts.platform, bao);
        for (const w of warnings) process.stderr.write(w + '\n');
        const json = serializeProject(project);
        if (opts.output) {
          writeNew(opts.output, json, opts.force);
          process.stderr.write(
            `wrote ${opts.output}: ${project.config.vmlist.length} VM(s), Bao ${project.target.bao}, ${project.target.platform}\n`,
          );
        } else process.stdout.write(json);
        setExit(0);
      },
    );
}
