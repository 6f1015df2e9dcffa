// `bao-studio new --example NAME [-o file]` / `new --platform P [--bao v] [-o file]`
import type { Command } from 'commander';
import { serializeProject } from '../../../core/bao/model/project-file.js';
import {
  EXAMPLES,
  newBlankProject,
  newProjectFromExample,
  UnknownExampleError,
} from '../../../assets/examples/index.js';
import { getPlatform } from '../../../core/bao/platforms/index.js';
import { writeNew } from '../files.js';
import { checkPlatformName, parseBaoVersion } from '../load.js';
import { UserError } from '../user-error.js';

interface NewOptions {
  example?: string;
  platform?: string;
  bao?: string;
  name?: string;
  output?: string;
  list?: boolean;
  force?: boolean;
}

export function registerNew(program: Command, setExit: (code: number) => void): void {
  program
    .command('new')
    .description('create a project from an example or a blank one for a platform')
    .option('--example <name>', `an example: ${EXAMPLES.map((e) => e.name).join(', ')}`)
    .option('--platform <name>', 'a blank project for this platform')
    .option('--bao <version>', 'Bao version: v1.0 or v2')
    .option('--name <name>', 'project name')
    .option('--list', 'list the examples')
    .option('-o, --output <file>', 'project file to write (default: print it)')
    .option('--force', 'replace the output file if it exists')
    .action((opts: NewOptions) => {
      if (opts.list) {
        const width = Math.max(...EXAMPLES.map((e) => e.name.length));
        for (const e of EXAMPLES) process.stdout.write(`${e.name.padEnd(width)}  ${e.title}\n`);
        setExit(0);
        return;
      }
      if (opts.example && opts.platform)
        throw new UserError('give either --example or --platform, not both');
      const bao = parseBaoVersion(opts.bao);
      let project;
      if (opts.example) {
        try {
          project = newProjectFromExample(opts.example);
        } catch (e) {
          if (e instanceof UnknownExampleError) throw new UserError(e.message);
          throw e;
        }
        if (bao) project = { ...project, target: { ...project.target, bao } };
        if (opts.name) project = { ...project, name: opts.name };
      } else if (opts.platform) {
        checkPlatformName(opts.platform);
        const versions = getPlatform(opts.platform)!.baoVersions;
        if (bao && !versions.includes(bao))
          throw new UserError(
            `${opts.platform} is not in Bao ${bao} (only in ${versions.join(', ')}); use --bao ${versions[versions.length - 1]}`,
          );
        project = newBlankProject(opts.platform, bao ?? 'v2', opts.name);
      } else
        throw new UserError(
          `say what to start from: --example NAME (${EXAMPLES.map((e) => e.name).join(', ')}) or --platform NAME`,
        );
      const json = serializeProject(project);
      if (opts.output) {
        writeNew(opts.output, json, opts.force);
        process.stderr.write(`wrote ${opts.output}\n`);
      } else process.stdout.write(json);
      setExit(0);
    });
}
