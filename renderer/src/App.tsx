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
import { ProjectDialogs, type DialogState } from './ui/ProjectDialogs.js';
import { ProjectActions, suggestedName } from './project/actions.js';
import type { HostApi } from './host/host-api.js';

type View = 'canvas' | 'addrmap' | 'code';

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

      <ProjectDialogs
        dialog={dialog}
        setDialog={setDialog}
        actions={actions}
        host={host}
        target={target}
        notify={notify}
        exportFiles={exportFiles}
        fileInput={fileInput}
        importInput={importInput}
      />
    </div>
  );
}
