// The recent-projects list: most recent first, no duplicates, at most MAX_RECENT entries,
// stored as JSON in the studio home and written atomically.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../core/host/index.js';
import { writeFileAtomic } from './atomic-write.js';

export const MAX_RECENT = 10;

const Stored = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })),
});
type StoredEntry = z.infer<typeof Stored>['entries'][number];

export class RecentProjects {
  private readonly file: string;
  // Serialises read-modify-write cycles so two quick saves cannot drop an entry.
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly home: string) {
    this.file = join(home, 'recent.json');
  }

  async list(): Promise<RecentProject[]> {
    const entries = await this.read();
    return Promise.all(
      entries.map(async (e) => ({
        ...e,
        exists: await stat(e.path).then(
          (s) => s.isFile(),
          () => false,
        ),
      })),
    );
  }

  add(path: string, name: string, now = new Date()): Promise<void> {
    return this.update((entries) => [
      { path, name, openedAt: now.toISOString() },
      ...entries.filter((e) => e.path !== path),
    ]);
  }

  forget(path: string): Promise<void> {
    return this.update((entries) => entries.filter((e) => e.path !== path));
  }

  private update(change: (entries: StoredEntry[]) => StoredEntry[]): Promise<void> {
    const next = this.chain.then(async () => {
      const entries = change(await this.read()).slice(0, MAX_RECENT);
      await mkdir(this.home, { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, entries }, null, 2) + '\n');
    });
    this.chain = next.catch(() => {});
    return next;
  }

  private async read(): Promise<StoredEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = Stored.safeParse(JSON.parse(text));
      // A damaged list is not worth an error dialog: start a new one.
      return parsed.success ? parsed.data.entries : [];
    } catch {
      return [];
    }
  }
}
