// Import of an existing Bao `config.c` into the model (issue 2, section 6). The pipeline:
// tokenize (tokenizer.ts) → parse the C subset of grammar_census.md (parser.ts) → check it
// against Bao's structs and evaluate values (collect.ts) → map to the model (to-model.ts).
// Every malformed input ends as a ConfigParseError naming file:line:column; nothing is
// "corrected" (mismatched counts stay as declared for validation to flag).
import {
  Project,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  type BaoVersion,
  type RiscvIrqc,
} from '../model/schema.js';
import { getPlatform } from '../platforms/index.js';
import { CONFIG } from './c-types.js';
import { Collector } from './collect.js';
import { ConfigParseError, type ImportWarning } from './errors.js';
import { parseConfigFile } from './parser.js';
import { toModel } from './to-model.js';
import { configLocator } from './locate.js';
import type { Locator } from '../model/locate.js';
import { decideVersion, versionEvidence } from './version.js';
import type { VmImageDecl } from './ast.js';

export { ConfigParseError, formatWarning, type ImportWarning } from './errors.js';

export interface ImportOptions {
  /** The file's name as shown in messages (a path, or a label like "<editor>"). */
  file: string;
  /** Platform name from the catalog (Bao's PLATFORM=); a config.c does not say. */
  platform: string;
  /** Target Bao version; detected from the syntax when absent. */
  bao?: BaoVersion;
  /** Project name; defaults to the file's base name. */
  name?: string;
}

export interface ImportResult {
  project: Project;
  warnings: ImportWarning[];
  /** Where a model path was written in the file (validation points its diagnostics there). */
  locate: Locator;
}

export function importConfigC(text: string, opts: ImportOptions): ImportResult {
  try {
    return importUnchecked(text, opts);
  } catch (e) {
    if (e instanceof ConfigParseError) throw e;
    // A bug of ours, not the user's: still one clean error, marked internal so tests catch it.
    const message = e instanceof Error ? e.message : String(e);
    throw new ConfigParseError(opts.file, 1, 1, `internal error while importing: ${message}`, true);
  }
}

function importUnchecked(text: string, opts: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const file = opts.file;
  const ast = parseConfigFile(text, file, warnings);

  const images = new Map<string, VmImageDecl>();
  for (const img of ast.images) {
    if (images.has(img.name))
      throw ConfigParseError.at(
        file,
        img.pos,
        `VM_IMAGE(${img.name}, ...) is declared twice (first at line ${images.get(img.name)!.pos.line})`,
      );
    images.set(img.name, img);
  }

  const collector = new Collector(ast, file, warnings);
  const root = collector.config(ast.config, CONFIG);
  const notes = collector.notes;

  const bao = decideVersion(versionEvidence(root, notes), opts.bao, file, warnings, ast.configPos);
  const { config, usedImages } = toModel(root, images, file, warnings);

  for (const img of ast.images)
    if (!usedImages.has(img.name))
      warnings.push({
        file,
        line: img.pos.line,
        column: img.pos.column,
        message: `VM_IMAGE(${img.name}, ...) is not used by any VM and is not kept`,
      });
  if (notes.oldSpellings.length > 0) {
    const first = notes.oldSpellings[0];
    warnings.push({
      file,
      line: first.pos.line,
      column: first.pos.column,
      message: `pre-v1.0 (v0.1) spelling ${first.what}${notes.oldSpellings.length > 1 ? ` and ${notes.oldSpellings.length - 1} more` : ''}: imported with today's field names`,
    });
  }
  for (const p of notes.patches)
    warnings.push({
      file,
      line: p.pos.line,
      column: p.pos.column,
      message: `${p.what} is not in upstream Bao`,
    });

  const irqc = impliedIrqc(config, opts.platform, bao);
  const raw = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name: opts.name ?? projectName(file),
    target: { bao, platform: opts.platform, ...(irqc ? { irqc } : {}) },
    config,
  };
  const parsed = Project.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw ConfigParseError.at(
      file,
      ast.configPos,
      `the imported config does not fit the model at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  return { project: parsed.data, warnings, locate: configLocator(root) };
}

/**
 * The RISC-V IRQC= build choice, which config.c does not state. A vIMSIC implies AIA, an APLIC
 * description without one implies APLIC; it is recorded only when the platform offers that
 * choice for the version and it is not already the default. A PLIC-style config is left on the
 * platform's default on purpose: that is what Bao builds, and validation explains the mismatch.
 */
export function impliedIrqc(
  config: Project['config'],
  platformName: string,
  bao: BaoVersion,
): RiscvIrqc | undefined {
  let kind: RiscvIrqc | undefined;
  for (const vm of config.vmlist) {
    const aia = vm.platform.arch.irqc?.aia;
    if (aia?.imsic) kind = 'AIA';
    else if (aia && kind === undefined) kind = 'APLIC';
  }
  const platform = getPlatform(platformName);
  if (!kind || !platform || platform.irqc.type !== 'riscv') return undefined;
  if (!platform.irqc.choices.some((c) => c.kind === kind && c.versions.includes(bao)))
    return undefined;
  return platform.irqc.defaults[bao] === kind ? undefined : kind;
}

/** "demos/baremetal/configs/qemu-riscv64-virt.c" → "qemu-riscv64-virt"; ".../foo/config.c" → "foo". */
export function projectName(file: string): string {
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  let base = (parts.pop() ?? '').replace(/\.c$/i, '');
  if (base === 'config' && parts.length > 0) base = parts[parts.length - 1];
  return base === '' || base.startsWith('<') ? 'imported' : base;
}
