// The Node host services against a real temporary folder: atomic saves, the recent list,
// autosave and crash recovery, export, folder listing, dialogs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../main/services/atomic-write.js';
import { MAX_RECENT } from '../../../main/services/recent.js';
import type { Dialogs } from '../../../main/services/dialogs.js';
import { nodeHost, tempDir } from './fixtures.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let home: string;
let work: string;
beforeEach(async () => {
  tmp = await tempDir();
  home = join(tmp.dir, 'home');
  work = join(tmp.dir, 'work');
  await mkdir(work, { recursive: true });
});
afterEach(() => tmp.cleanup());

const project = (name: string) => JSON.stringify({ format: 'bao-studio-project', name }) + '\n';

describe('atomic save', () => {
  it('replaces the file and leaves no temp file', async () => {
    const { client } = await nodeHost(home);
    const file = join(work, 'a.baoproj');
    await writeFile(file, 'old');
    const result = await client.projects.save(file, project('A'));
    expect(result.path).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(project('A'));
    expect(await readdir(work)).toEqual(['a.baoproj']);
  });

  it('keeps the old file intact when the write fails half-way', async () => {
    const file = join(work, 'a.baoproj');
    await writeFile(file, 'the old, good contents');
    async function* failing() {
      yield new TextEncoder().encode('half of the new cont');
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow('ENOSPC');
    expect(await readFile(file, 'utf8')).toBe('the old, good contents');
    expect(await readdir(work)).toEqual(['a.baoproj']); // the temp file is gone
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = join(work, 'a.baoproj');
    await writeFile(file, 'x');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'y');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reports a missing folder without creating anything', async () => {
    const { client } = await nodeHost(home);
    const file = join(work, 'missing', 'a.baoproj');
    await expect(client.projects.save(file, 'x')).rejects.toMatchObject({ code: 'not-found' });
    expect(await readdir(work)).toEqual([]);
  });
});

describe('recent projects', () => {
  it('lists opened and saved projects most recent first, without duplicates, capped', async () => {
    const { client } = await nodeHost(home);
    const files: string[] = [];
    for (let i = 0; i < MAX_RECENT + 2; i++) {
      const file = join(work, `p${i}.baoproj`);
      files.push(file);
      await client.projects.save(file, project(`P${i}`));
    }
    await client.projects.open(files[3]);
    const recent = await client.projects.recent();
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toMatchObject({ path: files[3], name: 'P3', exists: true });
    expect(recent[1].path).toBe(files[MAX_RECENT + 1]);
    expect(new Set(recent.map((r) => r.path)).size).toBe(MAX_RECENT);
    // The oldest fell off.
    expect(recent.map((r) => r.path)).not.toContain(files[0]);
  });

  it('persists across restarts, marks deleted files and forgets on request', async () => {
    const first = await nodeHost(home);
    const a = join(work, 'a.baoproj');
    const b = join(work, 'b.json');
    await first.client.projects.save(a, project('A'));
    await first.client.projects.save(b, 'not json yet');
    await rm(a);
    const second = await nodeHost(home); // a new process on the same home
    expect(await second.client.projects.recent()).toMatchObject([
      { path: b, name: 'b', exists: true },
      { path: a, name: 'A', exists: false },
    ]);
    expect(await second.client.projects.forgetRecent(a)).toMatchObject([{ path: b }]);
  });

  it('starts over when the stored list is damaged', async () => {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'recent.json'), '{ broken');
    const { client } = await nodeHost(home);
    expect(await client.projects.recent()).toEqual([]);
    await client.projects.save(join(work, 'a.baoproj'), project('A'));
    expect(await client.projects.recent()).toHaveLength(1);
  });
});

describe('autosave and recovery', () => {
  it('recovers what a crashed session autosaved, until it is discarded', async () => {
    const crashed = await nodeHost(home);
    await crashed.client.recovery.autosave({
      docId: 'doc-1',
      path: null,
      name: 'untitled',
      text: 'v1',
    });
    await crashed.client.recovery.autosave({
      docId: 'doc-1',
      path: null,
      name: 'untitled',
      text: 'v2',
    });
    const file = join(work, 'b.baoproj');
    await crashed.client.recovery.autosave({ docId: 'doc-2', path: file, name: 'B', text: 'bbb' });

    const next = await nodeHost(home); // the next launch
    const entries = await next.client.recovery.list();
    expect(entries.map((e) => e.docId).sort()).toEqual(['doc-1', 'doc-2']);
    expect(entries.find((e) => e.docId === 'doc-2')).toMatchObject({
      path: file,
      name: 'B',
      bytes: 3,
    });
    expect(await next.client.recovery.restore('doc-1')).toMatchObject({
      docId: 'doc-1',
      text: 'v2',
    });

    await next.client.recovery.discard('doc-1');
    expect((await next.client.recovery.list()).map((e) => e.docId)).toEqual(['doc-2']);
    await expect(next.client.recovery.restore('doc-1')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('skips a damaged autosave in the list and says so on restore', async () => {
    const { client } = await nodeHost(home);
    await client.recovery.autosave({ docId: 'good', path: null, name: 'g', text: 'g' });
    await writeFile(join(home, 'autosave', 'bad.json'), '{"docId": "bad", "te');
    expect((await client.recovery.list()).map((e) => e.docId)).toEqual(['good']);
    await expect(client.recovery.restore('bad')).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining('damaged'),
    });
  });
});

describe('dialogs, import, export and folders', () => {
  it('uses the dialog when no path is given, and null means cancelled', async () => {
    const answers: (string | null)[] = [];
    const asked: string[] = [];
    const dialogs: Dialogs = {
      openFile: async ({ title }) => (asked.push(title), answers.shift() ?? null),
      saveFile: async ({ defaultPath }) => (asked.push(defaultPath), answers.shift() ?? null),
      chooseFolder: async ({ title }) => (asked.push(title), answers.shift() ?? null),
    };
    const { client } = await nodeHost(home, dialogs);
    const configC = join(work, 'config.c');
    await writeFile(configC, 'struct config config = {};');
    answers.push(configC);
    expect(await client.projects.importConfigC()).toEqual({
      path: configC,
      text: 'struct config config = {};',
    });
    expect(await client.projects.open()).toBeNull();

    const target = join(work, 'saved.baoproj');
    answers.push(target);
    expect(await client.projects.saveAs(project('S'), 'setup 3')).toMatchObject({ path: target });
    // The suggested name got the project suffix, in the folder last used.
    expect(asked).toContain(join(work, 'setup 3.baoproj'));
    expect(await readFile(target, 'utf8')).toBe(project('S'));
  });

  it('reports no-dialog in web mode', async () => {
    const { client } = await nodeHost(home);
    await expect(client.projects.open()).rejects.toMatchObject({ code: 'no-dialog' });
  });

  it('exports generated files below the folder, creating sub-folders', async () => {
    const { client } = await nodeHost(home);
    const out = join(work, 'export');
    const result = await client.projects.export(
      [
        { path: 'config.c', text: '// config' },
        { path: 'dts/linux.dts', text: '/dts-v1/;' },
      ],
      out,
    );
    expect(result?.written).toEqual([join(out, 'config.c'), join(out, 'dts', 'linux.dts')]);
    expect(await readFile(join(out, 'dts', 'linux.dts'), 'utf8')).toBe('/dts-v1/;');
  });

  it('lists a folder: folders first, hidden files omitted', async () => {
    const { client } = await nodeHost(home);
    await writeFile(join(work, 'b.baoproj'), '12345');
    await writeFile(join(work, '.hidden'), '');
    await mkdir(join(work, 'zdir'));
    const listing = await client.files.listDir(work);
    expect(listing.parent).toBe(tmp.dir);
    expect(listing.entries).toEqual([
      { name: 'zdir', kind: 'dir' },
      { name: 'b.baoproj', kind: 'file', size: 5 },
    ]);
  });
});
