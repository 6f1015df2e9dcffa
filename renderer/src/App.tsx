// The workbench: tool bar; side bar | centre (canvas / address map / code) over problems |
// inspector; status bar. Panels are resizable; shortcuts follow common IDE conventions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { useDesigner, useStoreState } from './state/hooks.js';
import { deleteAt } from './state/edits.js';
import { Canvas } from './canvas/Canvas.js';
import { Inspector } from './inspector/Inspector.js';
import { Problems } from './problems/Problems.js';
import { AddressMap } from './addressmap/AddressMap.js';
import { CodeView } from './code/CodeView.js';
import { Sidebar } from './ui/Sidebar.js';
import { Toolbar } from './ui/Toolbar.js';
import { Dialog } from './ui/Dialog.js';
import { ProjectActions, suggestedName } from './project/actions.js';
import type { FileRef, HostApi, Recovery } from './host/host-api.js';

type View = 'canvas' | 'addrmap' | 'code';

const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y', 'Undo / redo'],
  ['Delete, Backspace', 'Delete the selected VM, region, device, IPC, shared memory or vCPU'],
  ['Escape', 'Clear the selection'],
  ['F8', 'Go to the first problem'],
  ['Ctrl+S / Ctrl+Shift+S', 'Save / Save As'],
  ['Ctrl+O', 'Open a project'],
  ['Ctrl+1 / 2 / 3', 'Design / Address map / Code'],
  ['Ctrl+Enter (in config.c)', 'Apply the edited config.c to the design'],
  ['Ctrl+Alt+T', 'Toggle dark / light theme'],
  ['Enter / Escape (in a field)', 'Commit / revert the value'],
];
type DialogState =
  | { kind: 'confirm'; resolve: (ok: boolean) => void }
  | { kind: 'open'; files: FileRef[]; path: string }
  | { kind: 'import'; path: string }
  | { kind: 'export'; path: string }
  | { kind: 'saveAs'; name: string }
  | { kind: 'recovery'; rec: Recovery }
  | { kind: 'shortcuts' }
  | null;

function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  return (
    e.tagName === 'INPUT' ||
    e.tagName === 'TEXTAREA' ||
    e.tagName === 'SELECT' ||
    e.isContentEditable ||
    !!e.closest?.('.monaco-editor')
  );
}

export function App({ host }: { host: HostApi }) {
  const store = useDesigner();
  const [theme, setTheme] = useState<'dark' | 'light'>(() =>
    localStorage.getItem('bao-studio:theme') === 'light' ? 'light' : 'dark',
  );
  const [view, setView] = useState<View>('canvas');
  // Panel sizes survive reloads, like any IDE's.
  const mainLayout = useDefaultLayout({
    id: 'bao-main',
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
  const centreLayout = useDefaultLayout({
    id: 'bao-centre',
    storage: localStorage,
    onlySaveAfterUserInteractions: true,
  });
  const [dialog, setDialog] = useState<DialogState>(null);
  // What was last autosaved: shown only while it is the project on screen.
  // Start-up done (the recovery check answered): tests and the shell wait for it.
  const [started, setStarted] = useState(false);
  const [autosaved, setAutosaved] = useState<{ at: Date; project: unknown } | null>(null);
  const [toast, setToast] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const diagnostics = useStoreState((s) => s.derived.diagnostics);
  const platform = useStoreState((s) => s.platform);
  const target = useStoreState((s) => s.project.target);
  const lastEdit = useStoreState((s) => s.lastEdit);
  const dirty = useStoreState((s) => s.dirty);
  const project = useStoreState((s) => s.project);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('bao-studio:theme', theme);
  }, [theme]);

  const notify = useCallback(
    (kind: 'info' | 'error', text: string) => setToast({ kind, text }),
    [],
  );
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), toast.kind === 'error' ? 8000 : 3000);
    return () => clearTimeout(t);
  }, [toast]);

  const actions = useMemo(
    () =>
      new ProjectActions(
        store,
        host,
        notify,
        () => new Promise<boolean>((resolve) => setDialog({ kind: 'confirm', resolve })),
      ),
    [store, host, notify],
  );

  const openDialog = useCallback(async () => {
    if (host.nativeDialogs) return actions.open();
    const files = await host.recent().catch(() => []);
    setDialog({ kind: 'open', files, path: `${host.homeDir}/` });
  }, [host, actions]);
  const saveAsDialog = useCallback(async () => {
    if (host.nativeDialogs) return void (await actions.saveAs());
    const s = store.getState();
    setDialog({
      kind: 'saveAs',
      name: s.filePath ?? `${host.homeDir}/${suggestedName(s.project)}`,
    });
  }, [host, actions, store]);
  const save = useCallback(async () => {
    if (!(await actions.save())) await saveAsDialog();
  }, [actions, saveAsDialog]);
  const importDialog = useCallback(async () => {
    if (host.nativeDialogs) return actions.importConfig();
    setDialog({ kind: 'import', path: `${host.homeDir}/config.c` });
  }, [host, actions]);
  // Export: config.c and each Linux guest's device tree, as generated now.
  const exportFiles = useCallback(
    async (folder?: string) => {
      store.flushDerived();
      const files = store.getState().derived.files;
      const failed = files.find((f) => f.text === undefined);
      if (failed) return notify('error', `${failed.title}: ${failed.error ?? 'not generated'}`);
      try {
        const to = await host.exportFiles(
          files.map((f) => ({ path: f.title, text: f.text! })),
          folder,
        );
        if (to) notify('info', `Exported ${files.map((f) => f.title).join(', ')} to ${to}`);
      } catch (e) {
        notify('error', `Export failed: ${(e as Error).message}`);
      }
    },
    [store, host, notify],
  );
  const exportConfig = useCallback(() => {
    if (host.nativeDialogs || host.kind === 'browser') return void exportFiles();
    setDialog({ kind: 'export', path: `${host.homeDir}/bao-config` });
  }, [host, exportFiles]);

  // Recovery after a crash: offer the autosaved project once at start.
  useEffect(() => {
    void host
      .recovery()
      .then((rec) => rec && setDialog({ kind: 'recovery', rec }))
      .catch(() => null)
      .finally(() => setStarted(true));
  }, [host]);

  // Autosave a few seconds after the last edit.
  useEffect(() => {
    if (!dirty) return;
    const t = setTimeout(
      () => void actions.autosave().then((ok) => ok && setAutosaved({ at: new Date(), project })),
      2000,
    );
    return () => clearTimeout(t);
  }, [project, dirty, actions]);

  // Warn before closing with unsaved work.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!store.getState().dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  // The title bar and the close prompt (desktop) follow the document state.
  const filePath = useStoreState((s) => s.filePath);
  useEffect(() => {
    void host.setDocumentState({ dirty, name: project.name, path: filePath }).catch(() => {});
  }, [host, dirty, project.name, filePath]);

  // Application-menu commands and files the host opens for us.
  useEffect(
    () =>
      host.onEvent((e) => {
        if (e.type === 'open-project') {
          void (async () => {
            if (
              store.getState().dirty &&
              !(await new Promise<boolean>((resolve) => setDialog({ kind: 'confirm', resolve })))
            )
              return;
            try {
              actions.loadText(e.document.text, e.document.path);
            } catch (err) {
              notify('error', (err as Error).message);
            }
          })();
          return;
        }
        const cmd = e.command;
        if (cmd === 'undo') store.undo();
        else if (cmd === 'redo') store.redo();
        else if (cmd === 'open') void openDialog();
        else if (cmd === 'save') void save();
        else if (cmd === 'save-as') void saveAsDialog();
        else if (cmd === 'import-config-c') void importDialog();
        else if (cmd === 'export') exportConfig();
        else if (cmd === 'theme-dark' || cmd === 'theme-light')
          setTheme(cmd === 'theme-dark' ? 'dark' : 'light');
        else if (cmd === 'theme-system')
          setTheme(matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');
        else if (cmd === 'new-from-example' || cmd === 'new-blank')
          document.querySelector<HTMLButtonElement>('[data-testid="menu-new"]')?.click();
        else if (cmd === 'save-and-close')
          void actions.save().then(async (ok) => {
            if (ok) await host.closeWindow();
          });
      }),
    [host, store, actions, openDialog, save, saveAsDialog, importDialog, exportConfig, notify],
  );

  // Keyboard shortcuts.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 's') {
        e.preventDefault();
        if (e.shiftKey) void saveAsDialog();
        else void save();
      } else if (mod && k === 'o') {
        e.preventDefault();
        void openDialog();
      } else if (mod && e.altKey && k === 't') {
        e.preventDefault();
        setTheme((t) => (t === 'dark' ? 'light' : 'dark'));
      } else if (mod && ['1', '2', '3'].includes(e.key)) {
        e.preventDefault();
        setView((['canvas', 'addrmap', 'code'] as const)[Number(e.key) - 1]!);
      } else if (isTyping(e.target)) {
        return;
      } else if (mod && k === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.redo();
        else store.undo();
      } else if (mod && k === 'y') {
        e.preventDefault();
        store.redo();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const sel = store.getState().selection;
        if (sel && sel.path[0] === 'config' && sel.path.length >= 3) {
          e.preventDefault();
          store.apply('Delete', (p) => deleteAt(p, sel.path));
        }
      } else if (e.key === 'Escape') {
        store.select(null);
      } else if (e.key === 'F8') {
        const ds = store.getState().derived.diagnostics;
        if (ds.length) store.reveal(ds[0]!.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, save, openDialog, saveAsDialog]);

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const unsupported = !platform
    ? `Platform ${target.platform} is not in the catalog: devices and CPUs cannot be checked.`
    : platform.versions.length && !platform.versions.includes(target.bao)
      ? `${platform.name} is not supported by Bao ${target.bao} (supported: ${platform.versions.join(', ')}).`
      : undefined;

  return (
    <div className="app" data-started={started}>
      <Toolbar
        actions={actions}
        theme={theme}
        onToggleTheme={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}
        onOpen={() => void openDialog()}
        onSave={() => void save()}
        onSaveAs={() => void saveAsDialog()}
        onImport={() => void importDialog()}
        onExport={exportConfig}
      />
      {unsupported && (
        <div className="banner warning" data-testid="target-banner">
          {unsupported}
        </div>
      )}
      <Group
        orientation="horizontal"
        className="workbench"
        id="bao-main"
        defaultLayout={mainLayout.defaultLayout}
        onLayoutChanged={mainLayout.onLayoutChanged}
      >
        <Panel defaultSize="17%" minSize="160px" id="panel-side">
          <Sidebar />
        </Panel>
        <Separator className="separator" />
        <Panel minSize="30%" id="panel-centre">
          <Group
            orientation="vertical"
            id="bao-centre"
            defaultLayout={centreLayout.defaultLayout}
            onLayoutChanged={centreLayout.onLayoutChanged}
          >
            <Panel minSize="25%" id="panel-views">
              <div className="panel">
                <div className="tabs" role="tablist">
                  <button
                    className={`tab${view === 'canvas' ? ' active' : ''}`}
                    data-testid="view-canvas"
                    onClick={() => setView('canvas')}
                  >
                    Design
                  </button>
                  <button
                    className={`tab${view === 'addrmap' ? ' active' : ''}`}
                    data-testid="view-addrmap"
                    onClick={() => setView('addrmap')}
                  >
                    Address map
                  </button>
                  <button
                    className={`tab${view === 'code' ? ' active' : ''}`}
                    data-testid="view-code"
                    onClick={() => setView('code')}
                  >
                    Code
                  </button>
                </div>
                <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
                  {view === 'canvas' && <Canvas theme={theme} />}
                  {view === 'addrmap' && <AddressMap />}
                  {/* The code view stays mounted so its editor state (an unapplied edit) survives tab switches. */}
                  <div style={{ display: view === 'code' ? 'block' : 'none', height: '100%' }}>
                    <CodeView theme={theme} />
                  </div>
                </div>
              </div>
            </Panel>
            <Separator className="separator" />
            <Panel defaultSize="26%" minSize="60px" collapsible id="panel-problems">
              <Problems onReveal={() => setView('canvas')} />
            </Panel>
          </Group>
        </Panel>
        <Separator className="separator" />
        <Panel defaultSize="22%" minSize="220px" id="panel-inspector">
          <Inspector />
        </Panel>
      </Group>
      <div className={`statusbar${errors ? ' has-errors' : ''}`} data-testid="statusbar">
        <button
          data-testid="status-problems"
          onClick={() => store.reveal(diagnostics[0]?.path ?? ['config', 'hyp'])}
        >
          ✕ {errors} ! {warnings}
        </button>
        <span>
          Bao {target.bao} · {target.platform}
        </span>
        {lastEdit && <span>{lastEdit}</span>}
        {toast && (
          <span data-testid="toast" style={{ fontWeight: 600 }}>
            {toast.text}
          </span>
        )}
        <span className="spacer" />
        {dirty && autosaved?.project === project && (
          <span
            data-testid="autosave-status"
            title="Unsaved work is kept for recovery after a crash"
          >
            autosaved {autosaved.at.toLocaleTimeString()}
          </span>
        )}
        <button
          data-testid="show-shortcuts"
          onClick={() => setDialog({ kind: 'shortcuts' })}
          title="Keyboard shortcuts"
        >
          ⌨ Shortcuts
        </button>
        <span data-testid="host-kind">
          {host.kind === 'browser' ? 'projects stored in this browser' : `${host.kind} host`}
        </span>
      </div>

      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-file-input"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (!f) return;
          setDialog(null);
          try {
            actions.loadText(await f.text(), f.name);
          } catch (err) {
            notify('error', (err as Error).message);
          }
        }}
      />
      <input
        ref={importInput}
        type="file"
        accept=".c,text/x-c"
        hidden
        data-testid="import-file-input"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) await actions.importConfig({ path: f.name, text: await f.text() });
        }}
      />

      {dialog?.kind === 'confirm' && (
        <Dialog
          title="Discard unsaved changes?"
          testid="confirm-dialog"
          onCancel={() => {
            dialog.resolve(false);
            setDialog(null);
          }}
        >
          <p>The current project has changes that are not saved.</p>
          <div className="actions">
            <button
              className="btn outline"
              onClick={() => (dialog.resolve(false), setDialog(null))}
            >
              Cancel
            </button>
            <button
              className="btn primary"
              data-testid="confirm-discard"
              onClick={() => (dialog.resolve(true), setDialog(null))}
            >
              Discard changes
            </button>
          </div>
        </Dialog>
      )}
      {dialog?.kind === 'open' && (
        <Dialog title="Open project" testid="open-dialog" onCancel={() => setDialog(null)}>
          {dialog.files.length === 0 ? (
            <p>No saved projects yet. Save one with Ctrl+S, or open a project file from disk.</p>
          ) : (
            <div className="file-list">
              {dialog.files.map((f) => (
                <button
                  key={f.path}
                  data-testid={`open-file-${f.path}`}
                  onClick={() => {
                    setDialog(null);
                    void actions.open(f.path);
                  }}
                >
                  {f.path}
                  {f.modified && (
                    <span className="kbd"> · {new Date(f.modified).toLocaleString()}</span>
                  )}
                </button>
              ))}
            </div>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const path = dialog.path.trim();
              setDialog(null);
              void actions.open(path);
            }}
          >
            <p>Or a project file by path:</p>
            <input
              className="input mono"
              style={{ width: '100%' }}
              data-testid="open-path"
              value={dialog.path}
              onChange={(e) => setDialog({ ...dialog, path: e.target.value })}
            />
          </form>
          <div className="actions">
            <button className="btn outline" onClick={() => fileInput.current?.click()}>
              Upload from this computer…
            </button>
            <button className="btn" onClick={() => setDialog(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {dialog?.kind === 'import' && (
        <Dialog title="Import config.c" testid="import-dialog" onCancel={() => setDialog(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const path = dialog.path.trim();
              setDialog(null);
              void actions.importConfig(path);
            }}
          >
            <p>
              The config.c becomes a new design for Bao {target.bao} on {target.platform} (switch
              the target first if needed).
            </p>
            {host.kind !== 'browser' && (
              <input
                className="input mono"
                style={{ width: '100%' }}
                autoFocus
                data-testid="import-path"
                value={dialog.path}
                onChange={(e) => setDialog({ ...dialog, path: e.target.value })}
              />
            )}
            <div className="actions">
              <button
                type="button"
                className="btn outline"
                onClick={() => (setDialog(null), importInput.current?.click())}
              >
                Upload from this computer…
              </button>
              <button type="button" className="btn" onClick={() => setDialog(null)}>
                Cancel
              </button>
              {host.kind !== 'browser' && (
                <button type="submit" className="btn primary" data-testid="import-confirm">
                  Import
                </button>
              )}
            </div>
          </form>
        </Dialog>
      )}
      {dialog?.kind === 'export' && (
        <Dialog
          title="Export generated files"
          testid="export-dialog"
          onCancel={() => setDialog(null)}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const path = dialog.path.trim();
              setDialog(null);
              void exportFiles(path);
            }}
          >
            <p>config.c and the Linux guests&apos; device trees are written into this folder:</p>
            <input
              className="input mono"
              style={{ width: '100%' }}
              autoFocus
              data-testid="export-path"
              value={dialog.path}
              onChange={(e) => setDialog({ ...dialog, path: e.target.value })}
            />
            <div className="actions">
              <button type="button" className="btn" onClick={() => setDialog(null)}>
                Cancel
              </button>
              <button type="submit" className="btn primary" data-testid="export-confirm">
                Export
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {dialog?.kind === 'saveAs' && (
        <Dialog title="Save project as" testid="save-dialog" onCancel={() => setDialog(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const name = dialog.name.trim();
              if (!name) return;
              setDialog(null);
              void actions.saveAs(name);
            }}
          >
            <p>Path of the project file:</p>
            <input
              className="input"
              style={{ width: '100%' }}
              autoFocus
              data-testid="save-name"
              value={dialog.name}
              onChange={(e) => setDialog({ kind: 'saveAs', name: e.target.value })}
            />
            <div className="actions">
              <button type="button" className="btn" onClick={() => setDialog(null)}>
                Cancel
              </button>
              <button type="submit" className="btn primary" data-testid="save-confirm">
                Save
              </button>
            </div>
          </form>
        </Dialog>
      )}
      {dialog?.kind === 'shortcuts' && (
        <Dialog
          title="Keyboard shortcuts"
          testid="shortcuts-dialog"
          onCancel={() => setDialog(null)}
        >
          <table className="shortcuts">
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <td>
                    <code>{keys}</code>
                  </td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button className="btn primary" onClick={() => setDialog(null)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
      {dialog?.kind === 'recovery' && (
        <Dialog
          title="Recover unsaved work?"
          testid="recovery-dialog"
          onCancel={() => setDialog(null)}
        >
          <p>
            Bao Studio closed with unsaved changes{dialog.rec.path ? ` to ${dialog.rec.path}` : ''}{' '}
            (autosaved {new Date(dialog.rec.savedAt).toLocaleString()}).
          </p>
          <div className="actions">
            <button
              className="btn outline"
              data-testid="recovery-discard"
              onClick={() => {
                setDialog(null);
                void host.clearRecovery();
              }}
            >
              Discard
            </button>
            <button
              className="btn primary"
              data-testid="recovery-restore"
              onClick={() => {
                const rec = dialog.rec;
                setDialog(null);
                void actions
                  .recover(rec.text, rec.path)
                  .catch((e: Error) => notify('error', e.message));
              }}
            >
              Recover
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
