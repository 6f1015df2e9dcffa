// The application menu. Items that act on the document send a command to the renderer (which
// owns the model, undo history and dirty state); window-level items use Electron roles.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentProject } from '../../core/host/index.js';
import { openExternalSafely } from './security.js';

export interface MenuActions {
  send(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export function buildAppMenu(
  actions: MenuActions,
  recent: RecentProject[],
  isMac = process.platform === 'darwin',
): Menu {
  const cmd = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({ label, accelerator, click: () => actions.send(command) });

  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((r) => ({
          label: `${r.name} — ${r.path}`,
          enabled: r.exists,
          click: () => actions.openRecent(r.path),
        })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No recent projects', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        cmd('New from Example…', 'new-from-example', 'CmdOrCtrl+N'),
        cmd('New Blank Design…', 'new-blank', 'CmdOrCtrl+Shift+N'),
        { type: 'separator' },
        cmd('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        cmd('Save', 'save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        cmd('Import config.c…', 'import-config-c', 'CmdOrCtrl+I'),
        cmd('Export Generated Files…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      // Undo/Redo go to the renderer, which routes them to the focused text field or editor,
      // or to the design's own history.
      submenu: [
        cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        cmd('Find…', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Theme',
          submenu: [
            cmd('Dark', 'theme-dark'),
            cmd('Light', 'theme-light'),
            cmd('Follow System', 'theme-system'),
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        cmd('About Bao Studio', 'about'),
        { type: 'separator' },
        {
          label: 'Bao Hypervisor on GitHub',
          click: () => openExternalSafely('https://github.com/bao-project/bao-hypervisor'),
        },
        {
          label: 'Bao Demos',
          click: () => openExternalSafely('https://github.com/bao-project/bao-demos'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
