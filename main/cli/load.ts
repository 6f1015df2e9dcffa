// Loading what the user names on the command line: a project file (JSON) or a Bao config.c,
// imported for the platform and Bao version given with --platform / --bao.
import { parseProject, ProjectFileError } from '../../core/bao/model/project-file.js';
import type { BaoVersion, Project } from '../../core/bao/model/schema.js';
import { jsonLocator, type Locator } from '../../core/bao/model/locate.js';
import { getPlatform, similarPlatformNames } from '../../core/bao/platforms/index.js';
import { ConfigParseError, formatWarning, importConfigC } from '../../core/bao/import/index.js';
import { readText } from './files.js';
import { UserError } from './user-error.js';

export const BAO_VERSIONS: readonly BaoVersion[] = ['v1.0', 'v2'];

export function parseBaoVersion(value: string | undefined): BaoVersion | undefined {
  if (value === undefined) return undefined;
  const v = value === 'v1' || value === 'v1.0.0' ? 'v1.0' : value === 'v2.0.0' ? 'v2' : value;
  if (!BAO_VERSIONS.includes(v as BaoVersion))
    throw new UserError(`unknown Bao version "${value}" (use v1.0 or v2)`);
  return v as BaoVersion;
}

export function checkPlatformName(name: string): void {
  if (getPlatform(name)) return;
  const close = similarPlatformNames(name);
  throw new UserError(
    `unknown platform "${name}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; \`bao-studio platforms\` lists them`,
  );
}

export function isConfigC(file: string, text: string): boolean {
  return (
    /\.c$/i.test(file) || (!text.trimStart().startsWith('{') && /struct\s+config\b/.test(text))
  );
}

export interface Loaded {
  project: Project;
  /** Import warnings (config.c input), formatted file:line:column. */
  warnings: string[];
  kind: 'project' | 'config.c';
  /** Where a model path stands in the file, for compiler-style diagnostics. */
  locate: Locator;
}

export function loadInput(file: string, opts: { platform?: string; bao?: string } = {}): Loaded {
  const text = readText(file);
  const bao = parseBaoVersion(opts.bao);
  if (isConfigC(file, text)) {
    if (!opts.platform)
      throw new UserError(
        `${file} is a config.c: say which platform it is for with --platform (e.g. --platform qemu-riscv64-virt)`,
      );
    checkPlatformName(opts.platform);
    return { ...importC(text, file, opts.platform, bao), kind: 'config.c' };
  }
  let project: Project;
  try {
    project = parseProject(text, file);
  } catch (e) {
    if (e instanceof ProjectFileError) throw new UserError(e.message);
    throw e;
  }
  if (opts.platform) {
    checkPlatformName(opts.platform);
    project = { ...project, target: { ...project.target, platform: opts.platform } };
  }
  if (bao) project = { ...project, target: { ...project.target, bao } };
  return { project, warnings: [], kind: 'project', locate: jsonLocator(text) };
}

export function importC(
  text: string,
  file: string,
  platform: string,
  bao: BaoVersion | undefined,
): { project: Project; warnings: string[]; locate: Locator } {
  try {
    const result = importConfigC(text, { file, platform, bao });
    return {
      project: result.project,
      warnings: result.warnings.map(formatWarning),
      locate: result.locate,
    };
  } catch (e) {
    if (e instanceof ConfigParseError && !e.internal) throw new UserError(e.message);
    throw e;
  }
}
