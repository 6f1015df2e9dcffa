// Connects to the host through core/host (Electron bridge or the web-mode WebSocket whose token
// is in the page URL) and adapts its HostService to the calls the designer makes. Without a host
// (the page opened on its own) projects live in this browser.
import { connectHost as connectCoreHost, type HostClient } from '../../../core/host/index.js';
import { browserHost, type HostApi } from './host-api.js';

// One autosave slot per window session; recovery after a crash restores the last session's.
const DOC_ID = `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export async function connectHost(): Promise<HostApi> {
  try {
    const conn = connectCoreHost(window as never);
    await conn.ready;
    const info = await conn.host.app.info();
    return adapt(conn.host, conn.mode, info.nativeDialogs, info.homeDir);
  } catch (e) {
    console.info(
      'Bao Studio: no host connection, keeping projects in this browser:',
      (e as Error).message,
    );
    return browserHost();
  }
}

export function adapt(
  host: HostClient,
  kind: 'electron' | 'web',
  nativeDialogs: boolean,
  homeDir: string,
): HostApi {
  let recoveredId: string | undefined;
  return {
    kind,
    nativeDialogs,
    homeDir,
    async recent() {
      const list = await host.projects.recent();
      return list
        .filter((r) => r.exists)
        .map((r) => ({ path: r.path, modified: Date.parse(r.openedAt) }));
    },
    async readFile(path) {
      const doc = await host.projects.open(path);
      if (!doc) throw new Error(`${path}: not opened`);
      return doc;
    },
    async readConfig(path) {
      const doc = await host.projects.importConfigC(path);
      if (!doc) throw new Error(`${path}: not read`);
      return doc;
    },
    async writeFile(path, text) {
      return (await host.projects.save(path, text)).path;
    },
    async pickOpen(what) {
      return what === 'config' ? host.projects.importConfigC() : host.projects.open();
    },
    async saveAsDialog(text, name) {
      return (await host.projects.saveAs(text, name))?.path ?? null;
    },
    async autosave(text, name, path) {
      await host.recovery.autosave({
        docId: DOC_ID,
        path: path ?? null,
        name: name.slice(0, 256),
        text,
      });
    },
    async recovery() {
      const entries = (await host.recovery.list()).filter((e) => e.docId !== DOC_ID);
      const latest = entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
      if (!latest) return null;
      const doc = await host.recovery.restore(latest.docId);
      recoveredId = latest.docId;
      return {
        text: doc.text,
        path: doc.path ?? undefined,
        savedAt: Date.parse(doc.savedAt),
        docId: latest.docId,
      };
    },
    async clearRecovery() {
      if (recoveredId) await host.recovery.discard(recoveredId).catch(() => null);
      recoveredId = undefined;
      await host.recovery.discard(DOC_ID).catch(() => null);
    },
    async setDocumentState(s) {
      await host.app.setDocumentState({
        dirty: s.dirty,
        name: s.name.slice(0, 256),
        path: s.path ?? null,
        docId: DOC_ID,
      });
    },
    async exportFiles(files, folder) {
      return (await host.projects.export(files, folder))?.folder ?? null;
    },
    onEvent(handler) {
      return host.onEvent((e) => handler(e));
    },
    async closeWindow() {
      await host.app.closeWindow();
    },
  };
}
