// Native dialogs, as the Node services need them. Electron implements this with its `dialog`
// module; web mode has none (a browser page cannot show a native file dialog for the host), so
// the renderer passes explicit paths there.
import { HostError } from '../../core/host/index.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /** Returns the chosen file, or null when the user cancels. */
  openFile(options: {
    title: string;
    filters: FileFilter[];
    defaultPath?: string;
  }): Promise<string | null>;
  saveFile(options: {
    title: string;
    filters: FileFilter[];
    defaultPath: string;
  }): Promise<string | null>;
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
}

function unavailable(): never {
  throw new HostError(
    'no-dialog',
    'native file dialogs are not available in web mode: give a path (see files.listDir)',
  );
}

export const noDialogs: Dialogs = {
  openFile: async () => unavailable(),
  saveFile: async () => unavailable(),
  chooseFolder: async () => unavailable(),
};
