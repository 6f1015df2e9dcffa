// Electron main, run against a recording stand-in for the `electron` module (the binary cannot
// be installed here): the window's security settings, the app:// protocol with its CSP, IPC
// validation and sender checks, navigation and permission blocking, the menu, and the
// unsaved-changes prompt on close.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_CALL, IPC_EVENT, type CallResult } from '../../../core/host/index.js';

type Fn = (...args: never[]) => unknown;
type Any = Record<string, never> & Record<string, Fn>;

const fake = vi.hoisted(() => {
  const state = {
    appPath: '',
    userData: '',
    appHandlers: new Map<string, (...a: unknown[]) => void>(),
    schemes: [] as unknown[],
    protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
    ipc: new Map<string, (...a: unknown[]) => Promise<unknown>>(),
    windows: [] as FakeWindow[],
    menu: undefined as undefined | { template: MenuItem[] },
    messageBoxChoice: 2,
    messageBoxes: 0,
    beforeRequest: undefined as
      undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    permissionRequest: undefined as
      undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    sandboxEnabled: false,
    external: [] as string[],
  };
  interface MenuItem {
    label?: string;
    role?: string;
    submenu?: MenuItem[];
    click?: () => void;
  }
  class FakeWindow {
    options: Record<string, unknown>;
    title = '';
    url = '';
    closed = false;
    handlers = new Map<string, (...a: unknown[]) => void>();
    sent: [string, unknown][] = [];
    webContents = {
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      once: () => {},
      isDestroyed: () => false,
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    on(event: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(event, fn);
    }
    once(event: string, fn: (...a: unknown[]) => void) {
      this.handlers.set(event, fn);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    setTitle(t: string) {
      this.title = t;
    }
    setDocumentEdited() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    setRepresentedFilename() {}
    close() {
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      this.handlers.get('close')?.(event);
      if (!event.defaultPrevented) this.closed = true;
    }
  }
  const electron = {
    app: {
      setPath: (_n: string, p: string) => (state.userData = p),
      getPath: () => state.userData,
      getAppPath: () => state.appPath,
      setName: () => {},
      enableSandbox: () => (state.sandboxEnabled = true),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, fn: (...a: unknown[]) => void) => state.appHandlers.set(event, fn),
      quit: () => {},
      isPackaged: false,
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (_scheme: string, fn: (r: Request) => Promise<Response>) =>
        (state.protocolHandler = fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) =>
          (state.permissionRequest = fn),
        setPermissionCheckHandler: () => {},
        webRequest: {
          onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn),
        },
      },
    },
    shell: { openExternal: async (url: string) => void state.external.push(url) },
    ipcMain: {
      handle: (channel: string, fn: (...a: unknown[]) => Promise<unknown>) =>
        state.ipc.set(channel, fn),
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: MenuItem[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItem[] }) => (state.menu = menu),
    },
    dialog: {
      showMessageBoxSync: () => (state.messageBoxes++, state.messageBoxChoice),
      showErrorBox: () => {},
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    nativeTheme: { shouldUseDarkColors: true },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

const { state } = fake;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'bao-electron-'));
  state.appPath = join(tmp, 'app');
  await mkdir(join(state.appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(
    join(state.appPath, 'dist', 'renderer', 'index.html'),
    '<title>Bao Studio</title>',
  );
  await writeFile(join(tmp, 'app', 'secret.txt'), 'secret');
  process.env.BAO_STUDIO_HOME = join(tmp, 'home');
  await import('../../../main/electron/main.js');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 });
});
afterAll(async () => {
  delete process.env.BAO_STUDIO_HOME;
  await rm(tmp, { recursive: true, force: true });
});

const call = (url: string, channel: string, args: unknown[]) =>
  state.ipc.get(IPC_CALL)!({ senderFrame: { url } }, channel, args) as Promise<CallResult>;
const OURS = 'app://bao-studio/index.html';

describe('Electron main (against a stand-in electron module)', () => {
  it('creates one sandboxed, context-isolated window without Node, on app://', () => {
    const win = state.windows[0];
    expect(state.sandboxEnabled).toBe(true);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String((win.options.webPreferences as Any).preload)).toMatch(/preload\.cjs$/);
    expect(win.url).toBe(OURS);
    expect(state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true, standard: true }),
      }),
    ]);
    expect(state.userData).toBe(join(tmp, 'home'));
  });

  it('serves only dist/renderer over app://, with the CSP header', async () => {
    const ok = await state.protocolHandler!(new Request('app://bao-studio/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await ok.text()).toContain('Bao Studio');
    const escape = await state.protocolHandler!(
      new Request('app://bao-studio/..%2F..%2Fsecret.txt'),
    );
    expect(escape.status).toBeGreaterThanOrEqual(400);
    expect((await state.protocolHandler!(new Request('app://elsewhere/index.html'))).status).toBe(
      404,
    );
  });

  it('validates every IPC call and answers only our own page', async () => {
    const info = await call(OURS, 'app.info', []);
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', nativeDialogs: true } });
    const foreign = await call('https://evil.example/', 'app.info', []);
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('untrusted') },
    });
    const bad = await call(OURS, 'projects.save', ['relative.baoproj', 'x']);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('args[0]') },
    });
    // The native dialog was cancelled: null, not an error.
    expect(await call(OURS, 'projects.open', [])).toEqual({ ok: true, value: null });
  });

  it('blocks navigation, new windows, webviews, remote requests and permissions', () => {
    const handlers = new Map<string, (...a: unknown[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    state.appHandlers.get('web-contents-created')!(
      {},
      {
        setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
        on: (event: string, fn: (...a: unknown[]) => void) => handlers.set(event, fn),
      },
    );
    expect(openHandler!({ url: 'https://github.com/bao-project/bao-hypervisor' })).toEqual({
      action: 'deny',
    });
    expect(state.external).toEqual(['https://github.com/bao-project/bao-hypervisor']);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(state.external).toHaveLength(1);
    const navigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://bao-studio/index.html')).toBe(false);
    let webview = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webview = true) });
    expect(webview).toBe(true);

    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('https://cdn.example/monaco.js')).toBe(true);
    expect(cancelled('app://bao-studio/assets/index.js')).toBe(false);
    let granted: boolean | undefined;
    state.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('has the File, Edit, View and Help menus, whose commands reach the renderer', () => {
    const template = state.menu!.template;
    const file = template.find((m) => m.label === '&File')!.submenu!;
    const labels = file.map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(
      expect.arrayContaining([
        'New from Example…',
        'Open…',
        'Open Recent',
        'Save',
        'Save As…',
        'Import config.c…',
        'Export Generated Files…',
      ]),
    );
    const edit = template.find((m) => m.label === '&Edit')!.submenu!;
    expect(edit.map((i) => i.label)).toEqual(expect.arrayContaining(['Undo', 'Redo']));
    expect(template.map((m) => m.label)).toEqual(expect.arrayContaining(['&View', '&Help']));
    const win = state.windows[0];
    win.sent.length = 0;
    file.find((i) => i.label === 'Save')!.click!();
    edit.find((i) => i.label === 'Undo')!.click!();
    expect(win.sent).toEqual([
      [IPC_EVENT, { type: 'command', command: 'save' }],
      [IPC_EVENT, { type: 'command', command: 'undo' }],
    ]);
  });

  it('lists recent projects in the menu after a save', async () => {
    const path = join(tmp, 'recent-one.baoproj');
    expect(
      await call(OURS, 'projects.save', [path, JSON.stringify({ name: 'Recent One' })]),
    ).toMatchObject({ ok: true });
    await vi.waitFor(() => {
      const file = state.menu!.template.find((m) => m.label === '&File')!.submenu!;
      const recent = file.find((i) => i.label === 'Open Recent')!.submenu!;
      expect(recent[0].label).toBe(`Recent One — ${path}`);
    });
  });

  it('opens a project from a second launch or from the OS in the running window', async () => {
    const win = state.windows[0];
    const file = join(tmp, 'from-os.baoproj');
    await writeFile(file, '{"name":"from OS"}');
    win.sent.length = 0;
    // The second launch ran in tmp with a relative path.
    state.appHandlers.get('second-instance')!(
      {},
      ['/usr/bin/bao-studio', '--flag', 'from-os.baoproj'],
      tmp,
    );
    let prevented = false;
    state.appHandlers.get('open-file')!({ preventDefault: () => (prevented = true) }, file);
    expect(prevented).toBe(true);
    const opened = [
      IPC_EVENT,
      { type: 'open-project', document: { path: file, text: '{"name":"from OS"}' } },
    ];
    await vi.waitFor(() => expect(win.sent).toEqual([opened, opened]));
  });

  it("asks before closing with unsaved changes: Cancel, Save, or Don't Save", async () => {
    const win = state.windows[0];
    const autosave = { docId: 'doc-1', path: null, name: 'setup3', text: '{}' };
    expect(await call(OURS, 'recovery.autosave', [autosave])).toMatchObject({ ok: true });
    await call(OURS, 'app.setDocumentState', [
      { dirty: true, name: 'setup3', path: null, docId: 'doc-1' },
    ]);
    expect(win.title).toBe('● setup3 — Bao Studio');

    state.messageBoxChoice = 2; // Cancel
    win.close();
    expect(win.closed).toBe(false);

    state.messageBoxChoice = 0; // Save: the renderer saves, then asks to close
    win.sent.length = 0;
    win.close();
    expect(win.closed).toBe(false);
    expect(win.sent).toEqual([[IPC_EVENT, { type: 'command', command: 'save-and-close' }]]);

    state.messageBoxChoice = 1; // Don't Save: the autosave is not offered again, then it closes
    win.close();
    await vi.waitFor(() => expect(win.closed).toBe(true));
    expect(await readdir(join(tmp, 'home', 'autosave'))).toEqual([]);
    expect(state.messageBoxes).toBe(3);
    expect(existsSync(join(tmp, 'home', 'recent.json'))).toBe(true);
  });
});
