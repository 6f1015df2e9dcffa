// Events the host pushes to the renderer (application menu, files opened from outside, window
// closing). Validated in the host before sending and in the client on receipt.
import { z } from 'zod';
import { FileDocument } from './schemas.js';

/** Commands from the application menu and its accelerators; the renderer performs them. */
export const MenuCommand = z.enum([
  'new-from-example',
  'new-blank',
  'open',
  'save',
  'save-as',
  'import-config-c',
  'export',
  'undo',
  'redo',
  'find',
  'theme-dark',
  'theme-light',
  'theme-system',
  'about',
  /** The window is closing with unsaved changes and the user chose "Save": save, then call
   * app.closeWindow() (or do nothing if the save was cancelled). */
  'save-and-close',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

export const HostEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('command'), command: MenuCommand }).strict(),
  /** A project the host opened for the renderer (recent menu, second launch, OS file open). */
  z.object({ type: z.literal('open-project'), document: FileDocument }).strict(),
]);
export type HostEvent = z.infer<typeof HostEvent>;
