// Reading and writing project files (JSON). 64-bit values are written as hex strings; every
// error names the file and the field, so a hand-edited project is easy to fix.
import { z } from 'zod';
import { formatPath } from './path.js';
import { Project, PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type BaoVersion } from './schema.js';
import { hex } from './numbers.js';
import { parse, type ParseError } from 'jsonc-parser';
import { jsonLocator, positionAt, type TextPos } from './locate.js';

export interface ProjectFileIssue {
  /** The field, e.g. "config.vmlist[0].image.base_addr" ("" for the file as a whole). */
  path: string;
  message: string;
  /** Where it stands in the file, when the text is JSON. */
  pos?: TextPos;
}

export class ProjectFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ProjectFileIssue[],
  ) {
    super(issues.map((i) => formatIssue(file, i)).join('; '));
    this.name = 'ProjectFileError';
  }
}

/** "file:line:column: path: message", the way a compiler names a place. */
function formatIssue(file: string, i: ProjectFileIssue): string {
  const at = i.pos ? `${file}:${i.pos.line}:${i.pos.column}` : file;
  return `${at}: ${i.path ? `${i.path}: ` : ''}${i.message}`;
}

/** Parses project JSON text. Throws ProjectFileError naming `file` and each bad field. */
export function parseProject(text: string, file = '<project>'): Project {
  if (text.trim() === '')
    throw new ProjectFileError(file, [{ path: '', message: 'the file is empty' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ProjectFileError(file, [jsonSyntaxIssue(text, (e as Error).message)]);
  }
  const locate = jsonLocator(text);
  const at = (path: (string | number)[]): ProjectFileIssue['pos'] => locate(path);
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== PROJECT_FORMAT) {
    // An object is told which field is missing or wrong; an array or a number is not a project.
    const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
    throw new ProjectFileError(file, [
      {
        path: isObject ? 'format' : '',
        message: `not a Bao Studio project (expected "format": "${PROJECT_FORMAT}")`,
        pos: at(['format']) ?? { line: 1, column: 1 },
      },
    ]);
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > PROJECT_FORMAT_VERSION) {
    throw new ProjectFileError(file, [
      {
        path: 'formatVersion',
        message: `written by a newer Bao Studio (format ${version}; this one reads ${PROJECT_FORMAT_VERSION})`,
        pos: at(['formatVersion']),
      },
    ]);
  }
  const result = Project.safeParse(raw);
  if (!result.success)
    throw new ProjectFileError(
      file,
      issuesOf(result.error).map((i) => ({ ...i, pos: at(i.segments) })),
    );
  return result.data;
}

/**
 * A JSON syntax error at its line and column: the place from jsonc-parser (V8 does not always
 * give one), the words from V8 without its echo of the text.
 */
function jsonSyntaxIssue(text: string, message: string): ProjectFileIssue {
  if (isBinary(text))
    return { path: '', message: 'not a project file (binary data, not JSON text)' };
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true });
  const detail = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends too early');
  return {
    path: '',
    message: `not valid JSON: ${detail}`,
    pos: positionAt(text, errors[0]?.offset ?? text.length),
  };
}

/** Control characters other than white space never occur in JSON text (an image, an archive). */
function isBinary(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 512); i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

function issuesOf(error: z.ZodError): (ProjectFileIssue & { segments: (string | number)[] })[] {
  return error.issues.map((i) => {
    const segments = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    return { path: formatPath(segments), message: i.message, segments };
  });
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
