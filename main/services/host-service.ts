// The Node implementation of HostService: files, atomic saves, recent list, autosave, examples.
// Electron main and the web-mode server each create one (with or without native dialogs) and
// put it behind createHostDispatcher, which has already validated every argument.
import { homedir } from 'node:os';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  HostError,
  MAX_TEXT,
  PROJECT_FILE_SUFFIX,
  type AppInfo,
  type DocumentState,
  type FileDocument,
  type HostService,
} from '../../core/host/index.js';
import { APP_NAME, APP_VERSION } from './app-version.js';
import { writeFileAtomic } from './atomic-write.js';
import { Autosaves } from './autosave.js';
import type { Dialogs } from './dialogs.js';
import { blankProject, type ExampleCatalog } from './examples.js';
import { RecentProjects } from './recent.js';

export interface NodeHostOptions {
  /** Studio home (recent list, autosaves): see defaultStudioHome(). */
  home: string;
  mode: AppInfo['mode'];
  dialogs: Dialogs;
  examples: ExampleCatalog;
  /** Extra version strings for app.info (electron, chrome…). */
  versions?: Record<string, string>;
  onDocumentState?: (state: DocumentState) => void;
  onCloseWindow?: () => void;
}

const PROJECT_FILTERS = [
  { name: 'Bao Studio project', extensions: ['baoproj', 'json'] },
  { name: 'All files', extensions: ['*'] },
];
const CONFIG_C_FILTERS = [
  { name: 'Bao config.c', extensions: ['c'] },
  { name: 'All files', extensions: ['*'] },
];

export function createNodeHostService(options: NodeHostOptions): HostService {
  const recent = new RecentProjects(options.home);
  const autosaves = new Autosaves(options.home);
  const { dialogs } = options;
  // Dialogs start where the user last opened or saved something.
  let lastFolder = homedir();

  async function readText(path: string): Promise<FileDocument> {
    const info = await stat(path);
    if (!info.isFile()) throw new HostError('io', `${path}: is not a file`);
    if (info.size > MAX_TEXT) {
      throw new HostError(
        'io',
        `${path}: too large (${info.size} bytes) for a project or config.c`,
      );
    }
    const text = await readFile(path, 'utf8');
    lastFolder = dirname(path);
    return { path, text };
  }

  async function save(path: string, text: string) {
    await writeFileAtomic(path, text);
    lastFolder = dirname(path);
    await recent.add(path, projectName(text, path));
    return { path, savedAt: new Date().toISOString() };
  }

  return {
    app: {
      async info() {
        return {
          name: APP_NAME,
          version: APP_VERSION,
          mode: options.mode,
          nativeDialogs: options.mode === 'electron',
          os: process.platform,
          homeDir: homedir(),
          versions: { node: process.versions.node, ...options.versions },
        };
      },
      async setDocumentState(state) {
        options.onDocumentState?.(state);
        return null;
      },
      async closeWindow() {
        options.onCloseWindow?.();
        return null;
      },
    },

    projects: {
      listExamples: () => options.examples.list(),
      newFromExample: (name) => options.examples.create(name),
      async newBlank(platform, bao) {
        return blankProject(platform, bao);
      },
      async open(path) {
        const chosen =
          path ??
          (await dialogs.openFile({
            title: 'Open Bao Studio project',
            filters: PROJECT_FILTERS,
            defaultPath: lastFolder,
          }));
        if (chosen === null) return null;
        const doc = await readText(chosen);
        await recent.add(doc.path, projectName(doc.text, doc.path));
        return doc;
      },
      save,
      async saveAs(text, suggestedName) {
        const name = (suggestedName ?? projectName(text, 'untitled')).replace(/[\\/:*?"<>|]/g, '_');
        const chosen = await dialogs.saveFile({
          title: 'Save Bao Studio project',
          filters: PROJECT_FILTERS,
          defaultPath: join(
            lastFolder,
            /\.(baoproj|json)$/.test(name) ? name : name + PROJECT_FILE_SUFFIX,
          ),
        });
        return chosen === null ? null : save(chosen, text);
      },
      recent: () => recent.list(),
      async forgetRecent(path) {
        await recent.forget(path);
        return recent.list();
      },
      async importConfigC(path) {
        const chosen =
          path ??
          (await dialogs.openFile({
            title: 'Import Bao config.c',
            filters: CONFIG_C_FILTERS,
            defaultPath: lastFolder,
          }));
        return chosen === null ? null : readText(chosen);
      },
      async export(files, folder) {
        const chosen =
          folder ??
          (await dialogs.chooseFolder({
            title: 'Export generated files',
            defaultPath: lastFolder,
          }));
        if (chosen === null) return null;
        const root = resolve(chosen);
        await mkdir(root, { recursive: true });
        const written: string[] = [];
        for (const file of files) {
          const target = resolve(root, ...file.path.split(/[\\/]/));
          // The schema forbids "..", this is the belt to its braces.
          if (!target.startsWith(root + sep)) {
            throw new HostError('bad-request', `export: ${file.path} is outside the folder`);
          }
          await mkdir(dirname(target), { recursive: true });
          await writeFileAtomic(target, file.text);
          written.push(target);
        }
        lastFolder = root;
        return { folder: root, written };
      },
    },

    recovery: {
      autosave: (request) => autosaves.save(request),
      list: () => autosaves.list(),
      restore: (docId) => autosaves.restore(docId),
      async discard(docId) {
        await autosaves.discard(docId);
        return null;
      },
    },

    files: {
      async listDir(path) {
        const dir = resolve(path ?? homedir());
        const dirents = await readdir(dir, { withFileTypes: true });
        const entries = [];
        for (const d of dirents) {
          if (d.name.startsWith('.')) continue;
          if (d.isDirectory()) entries.push({ name: d.name, kind: 'dir' as const });
          else if (d.isFile()) {
            const size = await stat(join(dir, d.name)).then(
              (s) => s.size,
              () => undefined,
            );
            entries.push(
              size === undefined
                ? { name: d.name, kind: 'file' as const }
                : { name: d.name, kind: 'file' as const, size },
            );
          }
        }
        entries.sort((a, b) =>
          a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1,
        );
        const parent = dirname(dir);
        return { path: dir, parent: parent === dir ? null : parent, entries };
      },
    },
  };
}

/** The project's "name" field when the text is a project, else the file name. */
function projectName(text: string, path: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // not JSON (yet): fall back to the file name
  }
  return basename(path).replace(/\.(baoproj|json)$/, '');
}
