// Autosave and crash recovery. Each open document autosaves to <home>/autosave/<docId>.json
// (atomically); a save or a clean close discards it. Whatever is still there at the next start
// is what a crash (or a killed process) would otherwise have lost.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AutosaveRequest,
  HostError,
  type RecoveredDocument,
  type RecoveryEntry,
} from '../../core/host/index.js';
import { writeFileAtomic } from './atomic-write.js';

const Stored = AutosaveRequest.extend({ savedAt: z.string() });

export class Autosaves {
  private readonly dir: string;

  constructor(home: string) {
    this.dir = join(home, 'autosave');
  }

  async save(request: AutosaveRequest, now = new Date()): Promise<{ savedAt: string }> {
    await mkdir(this.dir, { recursive: true });
    const savedAt = now.toISOString();
    await writeFileAtomic(this.fileOf(request.docId), JSON.stringify({ ...request, savedAt }));
    return { savedAt };
  }

  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const doc = await this.read(name.slice(0, -'.json'.length)).catch(() => undefined);
      if (!doc) continue; // a damaged autosave cannot be restored: leave it out
      entries.push({
        docId: doc.docId,
        path: doc.path,
        name: doc.name,
        savedAt: doc.savedAt,
        bytes: Buffer.byteLength(doc.text),
      });
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async restore(docId: string): Promise<RecoveredDocument> {
    const doc = await this.read(docId);
    return {
      docId: doc.docId,
      path: doc.path,
      name: doc.name,
      savedAt: doc.savedAt,
      text: doc.text,
    };
  }

  async discard(docId: string): Promise<void> {
    await rm(this.fileOf(docId), { force: true });
  }

  private async read(docId: string) {
    let text: string;
    try {
      text = await readFile(this.fileOf(docId), 'utf8');
    } catch {
      throw new HostError('not-found', `no autosaved document "${docId}"`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = Stored.safeParse(raw);
    if (!parsed.success || parsed.data.docId !== docId) {
      throw new HostError('io', `the autosave of "${docId}" is damaged`);
    }
    return parsed.data;
  }

  private fileOf(docId: string): string {
    // docId is validated by the channel table ([A-Za-z0-9_-]), so it is a safe file name.
    return join(this.dir, `${docId}.json`);
  }
}
