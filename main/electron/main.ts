// Electron main: one window running the renderer from app://bao-studio/, the application menu,
// a single-instance lock, and the Node host services behind validated IPC.
import { app, BrowserWindow, dialog, Menu, nativeTheme } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DocumentState, HostService } from '../../core/host/index.js';
import { APP_NAME } from '../services/app-version.js';
import { loadExampleCatalog } from '../services/default-examples.js';
import { createNodeDispatcher } from '../services/dispatcher.js';
import { createNodeHostService } from '../services/host-service.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';
import { electronDialogs } from './dialogs.js';
import { registerHostIpc, sendHostEvent } from './ipc.js';
import { buildAppMenu } from './menu.js';
import { hardenSessions, hardenWebContents } from './security.js';

// Tests and portable setups point the user-data folder elsewhere, as in web mode.
if (process.env.BAO_STUDIO_HOME) app.setPath('userData', resolve(process.env.BAO_STUDIO_HOME));
app.setName(APP_NAME);
app.enableSandbox();
registerAppScheme();
hardenWebContents();

// macOS delivers files opened from Finder (or dropped on the Dock icon) with 'open-file', which
// can come before the window exists.
let pendingOpen: string | undefined;
let openFile: ((path: string) => void) | undefined;
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openFile) openFile(path);
  else pendingOpen = path;
});

if (!app.requestSingleInstanceLock()) {
  // Another Bao Studio is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  void app.whenReady().then(start);
}

let mainWindow: BrowserWindow | null = null;
let documentState: DocumentState = { dirty: false, name: 'untitled', path: null };
let closeConfirmed = false;

async function start(): Promise<void> {
  hardenSessions();
  const appPath = app.getAppPath();
  serveRenderer(join(appPath, 'dist', 'renderer'));

  const service: HostService = createNodeHostService({
    home: app.getPath('userData'),
    mode: 'electron',
    dialogs: electronDialogs(() => mainWindow),
    examples: await loadExampleCatalog(),
    versions: {
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
    },
    onDocumentState(state) {
      documentState = state;
      if (!mainWindow) return;
      mainWindow.setTitle(`${state.dirty ? '● ' : ''}${state.name} — ${APP_NAME}`);
      mainWindow.setDocumentEdited(state.dirty); // macOS close-button dot
      if (state.path) mainWindow.setRepresentedFilename(state.path);
    },
    onCloseWindow() {
      closeConfirmed = true;
      mainWindow?.close();
    },
  });

  const refreshMenu = async () => {
    const recent = await service.projects.recent();
    Menu.setApplicationMenu(
      buildAppMenu(
        {
          send: (command) => sendHostEvent(mainWindow?.webContents, { type: 'command', command }),
          openRecent: (path) => void openInWindow(service, path),
          clearRecent: async () => {
            for (const r of await service.projects.recent())
              await service.projects.forgetRecent(r.path);
            await refreshMenu();
          },
        },
        recent,
      ),
    );
  };
  const dispatch = createNodeDispatcher(service);
  registerHostIpc(dispatch, (channel, result) => {
    if (result.ok && /^projects\.(open|save|saveAs|forgetRecent)$/.test(channel)) {
      void refreshMenu();
    }
  });
  await refreshMenu();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const file = projectArgument(argv.slice(1), workingDirectory);
    if (file) void openInWindow(service, file);
  });
  app.on('window-all-closed', () => app.quit());

  mainWindow = createWindow(async () => {
    // "Don't Save": the user chose to lose these edits, so do not offer them for recovery.
    if (documentState.docId) await service.recovery.discard(documentState.docId).catch(() => {});
  });
  openFile = (path) => void openInWindow(service, path);
  const initial = pendingOpen ?? projectArgument(process.argv.slice(app.isPackaged ? 1 : 2));
  if (initial) {
    // The preload keeps the event until the renderer subscribes.
    mainWindow.webContents.once('did-finish-load', () => void openInWindow(service, initial));
  }
}

function createWindow(onDiscard: () => Promise<void>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    icon: join(app.getAppPath(), 'assets', 'icons', 'icon.png'),
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (closeConfirmed || !documentState.dirty) return;
    event.preventDefault();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save the changes to “${documentState.name}”?`,
      detail: 'Your changes will be lost if you close without saving.',
    });
    if (choice === 0) {
      sendHostEvent(win.webContents, { type: 'command', command: 'save-and-close' });
    } else if (choice === 1) {
      // Close once the autosave is gone, so quitting cannot race the deletion.
      void onDiscard().then(() => {
        closeConfirmed = true;
        win.close();
      });
    }
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function openInWindow(service: HostService, path: string): Promise<void> {
  try {
    const document = await service.projects.open(path);
    if (document) sendHostEvent(mainWindow?.webContents, { type: 'open-project', document });
  } catch (error) {
    dialog.showErrorBox(
      'Cannot open project',
      error instanceof Error ? error.message : String(error),
    );
  }
}

/** A project file given on the command line (or by the OS when a .baoproj is opened). */
function projectArgument(args: string[], cwd = process.cwd()): string | undefined {
  const file = args.find((a) => !a.startsWith('-') && /\.(baoproj|json)$/.test(a));
  const path = file && resolve(cwd, file);
  return path && existsSync(path) ? path : undefined;
}
