// Node file-system errors → HostErrors with a message a user can act on (path first).
import { HostError } from '../../core/host/index.js';

const MESSAGES: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
};

export function hostErrorFromNode(error: unknown): HostError | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || !e.code.startsWith('E')) return undefined;
  const what = MESSAGES[e.code] ?? e.message;
  const where = e.path ? `${e.path}: ` : '';
  return new HostError(e.code === 'ENOENT' ? 'not-found' : 'io', `${where}${what}`);
}
