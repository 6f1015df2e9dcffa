// Project commands (new, open, save, import, recovery) against the host. They guard unsaved work:
// the caller passes `confirmDiscard`, which asks the user when the project is dirty.
import { PROJECT_FILE_SUFFIX } from '../../../core/host/schemas.js';
import {
  emptyProject,
  parseProject,
  serializeProject,
  type BaoVersion,
  type Project,
} from '../../../core/bao/model/index.js';
import { domain } from '../domain/core.js';
import type { HostApi } from '../host/host-api.js';
import type { DesignerStore } from '../state/store.js';

export type Notify = (kind: 'info' | 'error', text: string) => void;

export class ProjectActions {
  constructor(
    private readonly store: DesignerStore,
    private readonly host: HostApi,
    private readonly notify: Notify,
    private readonly confirmDiscard: () => Promise<boolean>,
  ) {}

  private async guard(): Promise<boolean> {
    return !this.store.getState().dirty || this.confirmDiscard();
  }

  async newFromExample(name: string) {
    if (!(await this.guard())) return;
    try {
      this.store.load(domain.newProjectFromExample(name));
      this.notify('info', `New project from example ${name}`);
    } catch (e) {
      this.notify('error', `Example ${name}: ${(e as Error).message}`);
    }
  }

  async newBlank(platform: string, bao: BaoVersion) {
    if (!(await this.guard())) return;
    this.store.load(emptyProject(platform, bao, 'untitled'));
  }

  /** Opens a project file: from the host's dialog, or by path (recent list). */
  async open(path?: string) {
    if (!(await this.guard())) return;
    try {
      const file = path ? await this.host.readFile(path) : await this.host.pickOpen('project');
      if (!file) return;
      this.loadText(file.text, file.path);
    } catch (e) {
      this.notify('error', (e as Error).message);
    }
  }

  loadText(text: string, path: string) {
    const project = parseProject(text, path);
    this.store.load(project, path);
    this.notify('info', `Opened ${path}`);
  }

  /** Saves to the current path; returns false when a path is still needed (Save As). */
  async save(): Promise<boolean> {
    const { filePath } = this.store.getState();
    if (!filePath) return this.saveAs();
    return this.saveTo(filePath);
  }

  /** Saves under a new path: the given one, or the host's native dialog. False: still no path. */
  async saveAs(path?: string): Promise<boolean> {
    if (path) return this.saveTo(path);
    if (!this.host.nativeDialogs) return false;
    const project = this.store.getState().project;
    try {
      const saved = await this.host.saveAsDialog(serializeProject(project), suggestedName(project));
      if (!saved) return false;
      if (this.store.getState().project === project) this.store.markSaved(saved);
      await this.host.clearRecovery();
      this.notify('info', `Saved ${saved}`);
      return true;
    } catch (e) {
      this.notify('error', `Could not save: ${(e as Error).message}`);
      return false;
    }
  }

  private async saveTo(path: string): Promise<boolean> {
    const project = this.store.getState().project;
    try {
      const written = await this.host.writeFile(path, serializeProject(project));
      // Only what was written is clean: an edit made while saving stays dirty.
      if (this.store.getState().project === project) this.store.markSaved(written);
      await this.host.clearRecovery();
      this.notify('info', `Saved ${path}`);
      return true;
    } catch (e) {
      this.notify('error', `Could not save ${path}: ${(e as Error).message}`);
      return false;
    }
  }

  /** Imports a config.c as a new (unsaved) project for the current target. */
  async importConfig(file?: { path: string; text: string } | string) {
    if (!(await this.guard())) return;
    let f: { path: string; text: string } | null;
    try {
      f =
        typeof file === 'string'
          ? await this.host.readConfig(file)
          : (file ?? (await this.host.pickOpen('config')));
    } catch (e) {
      this.notify('error', (e as Error).message);
      return;
    }
    if (!f) return;
    const { platform, bao } = this.store.getState().project.target;
    try {
      const { project, warnings } = domain.importConfigC(f.text, { file: f.path, platform, bao });
      this.store.load(project, undefined, { dirty: true });
      this.notify(
        'info',
        `Imported ${f.path}${warnings.length ? ` with ${warnings.length} warning(s)` : ''}`,
      );
    } catch (e) {
      this.notify('error', (e as Error).message);
    }
  }

  /** Autosaves unsaved work for recovery after a crash; true when something was written. */
  async autosave(): Promise<boolean> {
    const s = this.store.getState();
    if (!s.dirty) return false;
    try {
      await this.host.autosave(serializeProject(s.project), s.project.name, s.filePath);
      return true;
    } catch {
      return false; // best effort: the next edit retries
    }
  }

  async recover(text: string, path?: string) {
    const project = parseProject(text, 'recovered project');
    this.store.load(project, path, { dirty: true });
    await this.host.clearRecovery();
    this.notify('info', 'Recovered unsaved work');
  }
}

export function suggestedName(project: Project): string {
  const base = (project.name || 'untitled').replace(/[^\w.-]+/g, '-');
  return `${base}${PROJECT_FILE_SUFFIX}`;
}
