// Native dialogs for the Node services, attached to the main window.
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../services/dialogs.js';

export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async openFile({ title, filters, defaultPath }) {
      const options = { title, filters, defaultPath, properties: ['openFile' as const] };
      const win = window();
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile({ title, filters, defaultPath }) {
      const options = {
        title,
        filters,
        defaultPath,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const win = window();
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title, defaultPath }) {
      const options = {
        title,
        defaultPath,
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const win = window();
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
