// What the designer asks of the host (files, dialogs, autosave, menu events). The real host is
// core/host's HostService, over Electron IPC or the web-mode WebSocket (connect.ts). The
// browser-local host below keeps the designer usable when the page is opened on its own (e.g.
// `vite dev`), storing projects in localStorage.
import type { MenuCommand } from '../../../core/host/index.js';

export type { MenuCommand };

export interface FileRef {
  path: string;
  /** Last modification or opening (ms since epoch), when known. */
  modified?: number;
}

export interface OpenedFile {
  path: string;
  text: string;
}

export interface Recovery {
  text: string;
  /** The project file the autosave belongs to, if it had one. */
  path?: string;
  savedAt: number;
  docId?: string;
}

export type HostEventHandler = (
  e: { type: 'command'; command: MenuCommand } | { type: 'open-project'; document: OpenedFile },
) => void;

export interface HostApi {
  /** "electron" / "web" (a real host) or "browser" (localStorage only). */
  readonly kind: 'electron' | 'web' | 'browser';
  /** Native open/save dialogs exist (desktop); otherwise the designer asks for a path itself. */
  readonly nativeDialogs: boolean;
  /** Where to suggest saving (the user's home folder on a real host). */
  readonly homeDir: string;
  recent(): Promise<FileRef[]>;
  readFile(path: string): Promise<OpenedFile>;
  /** Writes atomically (temp file + rename on the host). Returns the path written. */
  writeFile(path: string, text: string): Promise<string>;
  /** Native open dialog; null when cancelled. */
  pickOpen(kind: 'project' | 'config'): Promise<OpenedFile | null>;
  /** Reads a config.c by path. */
  readConfig(path: string): Promise<OpenedFile>;
  /** Native Save As dialog that also saves; returns the path, null when cancelled. */
  saveAsDialog(text: string, suggestedName: string): Promise<string | null>;
  autosave(text: string, name: string, path?: string): Promise<void>;
  recovery(): Promise<Recovery | null>;
  clearRecovery(): Promise<void>;
  setDocumentState(state: { dirty: boolean; name: string; path?: string }): Promise<void>;
  onEvent(handler: HostEventHandler): () => void;
  /**
   * Writes generated files below a folder (the native folder dialog when none is given).
   * Returns the folder, null when cancelled.
   */
  exportFiles(files: { path: string; text: string }[], folder?: string): Promise<string | null>;
  closeWindow(): Promise<void>;
}

const FILES = 'bao-studio:files';
const RECOVERY = 'bao-studio:recovery';

interface StoredFile {
  text: string;
  modified: number;
}

function readStore(storage: Storage): Record<string, StoredFile> {
  try {
    return JSON.parse(storage.getItem(FILES) ?? '{}') as Record<string, StoredFile>;
  } catch {
    return {};
  }
}

/** Projects kept in the browser's localStorage; dialogs are the designer's own. */
export function browserHost(storage: Storage = localStorage): HostApi {
  const read = async (path: string) => {
    const f = readStore(storage)[path];
    if (!f) throw new Error(`${path}: no such file in this browser`);
    return { path, text: f.text };
  };
  return {
    kind: 'browser',
    nativeDialogs: false,
    homeDir: '/projects',
    async recent() {
      return Object.entries(readStore(storage))
        .map(([path, f]) => ({ path, modified: f.modified }))
        .sort((a, b) => b.modified - a.modified);
    },
    readFile: read,
    readConfig: read,
    async writeFile(path, text) {
      const files = readStore(storage);
      files[path] = { text, modified: Date.now() };
      // One setItem replaces the whole map at once, so a failed write loses nothing.
      storage.setItem(FILES, JSON.stringify(files));
      return path;
    },
    async pickOpen() {
      return null;
    },
    async saveAsDialog() {
      return null;
    },
    async autosave(text, _name, path) {
      storage.setItem(RECOVERY, JSON.stringify({ text, path, savedAt: Date.now() }));
    },
    async recovery() {
      try {
        const r = JSON.parse(storage.getItem(RECOVERY) ?? 'null') as Recovery | null;
        return r && typeof r.text === 'string' ? r : null;
      } catch {
        return null;
      }
    },
    async clearRecovery() {
      storage.removeItem(RECOVERY);
    },
    async setDocumentState() {},
    async exportFiles(files) {
      // No file system here: the browser downloads each file.
      for (const f of files) {
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([f.text], { type: 'text/plain' }));
        a.download = f.path;
        a.click();
        URL.revokeObjectURL(a.href);
      }
      return 'Downloads';
    },
    onEvent() {
      return () => {};
    },
    async closeWindow() {},
  };
}
