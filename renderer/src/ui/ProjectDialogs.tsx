// The project dialogs (discard changes, open, import, export, save as, recovery, shortcuts) and
// the hidden file inputs used to upload files from this computer.
import type { Dispatch, RefObject, SetStateAction } from 'react';
import { Dialog } from './Dialog.js';
import type { ProjectActions, Notify } from '../project/actions.js';
import type { FileRef, HostApi, Recovery } from '../host/host-api.js';
import type { Target } from '../../../core/bao/model/index.js';

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
export type DialogState =
  | { kind: 'confirm'; resolve: (ok: boolean) => void }
  | { kind: 'open'; files: FileRef[]; path: string }
  | { kind: 'import'; path: string }
  | { kind: 'export'; path: string }
  | { kind: 'saveAs'; name: string }
  | { kind: 'recovery'; rec: Recovery }
  | { kind: 'shortcuts' }
  | null;

export function ProjectDialogs({
  dialog,
  setDialog,
  actions,
  host,
  target,
  notify,
  exportFiles,
  fileInput,
  importInput,
}: {
  dialog: DialogState;
  setDialog: Dispatch<SetStateAction<DialogState>>;
  actions: ProjectActions;
  host: HostApi;
  target: Target;
  notify: Notify;
  exportFiles: (folder?: string) => Promise<void>;
  fileInput: RefObject<HTMLInputElement | null>;
  importInput: RefObject<HTMLInputElement | null>;
}) {
  return (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".baoproj,.json,application/json"
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
    </>
  );
}
