// File access for the CLI: reading input with one-line errors, and atomic writes (a temporary
// file next to the target, then a rename) so a failed run never leaves half a file behind.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UserError } from './user-error.js';

export function readText(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${reason(e)}`);
  }
  if (text.trim() === '') throw new UserError(`${file}: the file is empty`);
  // NUL bytes never occur in a config.c or a project: an image or an archive was named instead.
  if (text.slice(0, 4096).includes('\0'))
    throw new UserError(`${file}: not a text file (binary data): expected a project or a config.c`);
  return text;
}

/**
 * Writes a file the user asked for by name, refusing to replace one that exists unless `force`:
 * `new` and `import` write projects, and replacing a hand-edited project loses work.
 */
export function writeNew(file: string, content: string, force = false): void {
  if (!force && existsSync(file))
    throw new UserError(`${file} already exists (--force to replace it)`);
  writeAtomic(file, content);
}

export function writeAtomic(file: string, content: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file could not even be created (e.g. the "directory" is a file).
    }
    throw new UserError(`cannot write ${file}: ${reason(e)}`);
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a directory is needed';
    default:
      return err.message ?? String(e);
  }
}
