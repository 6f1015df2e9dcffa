// Reading and writing project files (JSON). 64-bit values are written as hex strings; every
// error names the file and the field, so a hand-edited project is easy to fix.
import { z } from 'zod';
import { formatPath } from './path.js';
import { Project, PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type BaoVersion } from './schema.js';
import { hex } from './numbers.js';

export class ProjectFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `${file}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    );
    this.name = 'ProjectFileError';
  }
}

/** Parses project JSON text. Throws ProjectFileError naming `file` and each bad field. */
export function parseProject(text: string, file = '<project>'): Project {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProjectFileError(file, [
      { path: '', message: `not valid JSON: ${(e as Error).message}` },
    ]);
  }
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format !== PROJECT_FORMAT) {
    throw new ProjectFileError(file, [
      {
        path: 'format',
        message: `not a Bao Studio project (expected "format": "${PROJECT_FORMAT}")`,
      },
    ]);
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > PROJECT_FORMAT_VERSION) {
    throw new ProjectFileError(file, [
      {
        path: 'formatVersion',
        message: `written by a newer Bao Studio (format ${version}; this one reads ${PROJECT_FORMAT_VERSION})`,
      },
    ]);
  }
  return validateProject(raw, file);
}

/** Validates an already-parsed object (e.g. from IPC) against the project schema. */
export function validateProject(raw: unknown, file = '<project>'): Project {
  const result = Project.safeParse(raw);
  if (!result.success) throw new ProjectFileError(file, issuesOf(result.error));
  return result.data;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({
    path: formatPath(i.path.filter((p): p is string | number => typeof p !== 'symbol')),
    message: i.message,
  }));
}

/** JSON for a project: stable key order as in the schema, bigints as lower-case hex strings. */
export function serializeProject(project: Project): string {
  return (
    JSON.stringify(project, (_key, value) => (typeof value === 'bigint' ? hex(value) : value), 2) +
    '\n'
  );
}

/** A new, empty project for a platform. */
export function emptyProject(platform: string, bao: BaoVersion = 'v2', name = 'untitled'): Project {
  return Project.parse({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    name,
    target: { bao, platform },
    config: {},
  });
}
