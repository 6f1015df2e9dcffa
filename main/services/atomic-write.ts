// Atomic file replacement: write a temp file in the same folder, fsync it, rename it over the
// target, fsync the folder. A crash or a failed write at any point leaves either the old file or
// the new one, never a truncated mix, and no temp file behind.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type AtomicData = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export async function writeFileAtomic(file: string, data: AtomicData): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  // Keep the permissions of the file we replace (a user may have made it read-only for others).
  const mode = await stat(file).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  const handle = await open(temp, 'wx', mode ?? 0o644);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(chunk);
    await handle.sync();
    await handle.close();
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename durable. Folders cannot be opened for fsync on Windows: skip there. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already synced.
  }
}
