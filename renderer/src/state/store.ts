// The designer's single store: the Project being edited, undo/redo of every edit, the dirty flag,
// the selection (a model path) and what is derived live from the project (validation results and
// the generated files). It is a plain class so it runs in unit tests without a browser; React
// reads it through useSyncExternalStore (hooks.ts).
import type { Project } from '../../../core/bao/model/index.js';
import type { ModelPath } from '../../../core/bao/model/path.js';
import type { Diagnostic } from '../../../core/bao/validation/diagnostic.js';
import { domain } from '../domain/core.js';
import { platformView, type PlatformView } from '../domain/platform-view.js';
import { elementOf, normalizePath, samePath } from './selection.js';

export interface Selection {
  /** The element selected (a VM, region, device, IPC, shmem, "hyp", or "platform"). */
  path: ModelPath;
  /** A field under it to focus in the inspector (e.g. from a problem). */
  field?: ModelPath;
  /** Bumped on every select so the same target can be focused again. */
  seq: number;
  /**
   * Other elements the selected problem is about (a diagnostic's `related` paths, as element
   * paths), e.g. the other side of an overlap: the canvas marks them too.
   */
  related?: ModelPath[];
}

export interface GeneratedFile {
  id: string;
  title: string;
  language: 'c' | 'dts';
  text?: string;
  error?: string;
}

export interface Derived {
  diagnostics: Diagnostic[];
  /**
   * Per VM: the model paths (joined with "/") of its elements that have an error, as one string,
   * so a canvas node can subscribe to its own errors and skip re-rendering when they are equal.
   */
  vmErrors: string[];
  validationError?: string;
  files: GeneratedFile[];
}

export interface StoreState {
  project: Project;
  platform: PlatformView | undefined;
  past: readonly Project[];
  future: readonly Project[];
  /** Label of the last edit (shown in the status bar). */
  lastEdit?: string;
  dirty: boolean;
  filePath?: string;
  selection: Selection | null;
  derived: Derived;
  /** Bumped whenever a whole project is loaded (the canvas re-fits its view). */
  loadSeq: number;
}

const HISTORY_LIMIT = 300;

export function derive(project: Project): Derived {
  let diagnostics: Diagnostic[] = [];
  let validationError: string | undefined;
  try {
    diagnostics = domain.checkProject(project).map((d) => ({
      ...d,
      path: normalizePath(d.path),
      related: d.related?.map(normalizePath),
    }));
  } catch (e) {
    validationError = (e as Error).message;
  }
  const files: GeneratedFile[] = [];
  const configC: GeneratedFile = { id: 'config.c', title: 'config.c', language: 'c' };
  try {
    configC.text = domain.generateConfigC(project);
  } catch (e) {
    configC.error = (e as Error).message;
  }
  files.push(configC);
  project.config.vmlist.forEach((vm, i) => {
    if (vm.meta?.guest !== 'linux') return;
    const f: GeneratedFile = {
      id: `vm${i}.dts`,
      title: `${domain.vmFileStem(project, i)}.dts`,
      language: 'dts',
    };
    try {
      f.text = domain.generateGuestDts(project, i);
    } catch (e) {
      f.error = (e as Error).message;
    }
    files.push(f);
  });
  const vmErrors = project.config.vmlist.map(() => new Set<string>());
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.path[1] !== 'vmlist' || typeof d.path[2] !== 'number') continue;
    const set = vmErrors[d.path[2]];
    // Every prefix of the path: the VM, the element, the field.
    for (let n = 3; n <= d.path.length; n++) set?.add(d.path.slice(0, n).join('/'));
  }
  return {
    diagnostics,
    vmErrors: vmErrors.map((s) => [...s].sort().join('|')),
    validationError,
    files,
  };
}

export class DesignerStore {
  private state: StoreState;
  private saved: Project;
  private listeners = new Set<() => void>();
  private deriveTimer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  /** `deriveDelayMs` debounces validation + generation while the user edits (0 = synchronous). */
  constructor(
    project: Project,
    private readonly deriveDelayMs = 0,
  ) {
    this.saved = project;
    this.state = {
      project,
      platform: platformView(project.target.platform, project.target.bao, project.target.irqc),
      past: [],
      future: [],
      dirty: false,
      selection: null,
      derived: derive(project),
      loadSeq: 0,
    };
  }

  getState = (): StoreState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<StoreState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private projectChanged(project: Project, patch: Partial<StoreState>) {
    const targetChanged = project.target !== this.state.project.target;
    const platform = targetChanged
      ? platformView(project.target.platform, project.target.bao, project.target.irqc)
      : this.state.platform;
    const sel = this.state.selection;
    const still = sel && samePath(elementOf(project, sel.path)?.path, sel.path);
    const selection = still || sel?.path[0] === 'platform' ? sel : null;
    this.set({ ...patch, project, platform, selection, dirty: project !== this.saved });
    this.scheduleDerive();
  }

  private scheduleDerive() {
    if (this.deriveDelayMs <= 0) {
      this.set({ derived: derive(this.state.project) });
      return;
    }
    clearTimeout(this.deriveTimer);
    this.deriveTimer = setTimeout(() => this.flushDerived(), this.deriveDelayMs);
  }

  /** Recomputes validation and generation now (tests; before saving or exporting). */
  flushDerived() {
    clearTimeout(this.deriveTimer);
    this.deriveTimer = undefined;
    this.set({ derived: derive(this.state.project) });
  }

  /** Applies one undoable edit. An edit that returns the same project is not recorded. */
  apply(label: string, edit: (project: Project) => Project): boolean {
    const before = this.state.project;
    const after = edit(before);
    if (after === before) return false;
    const past = [...this.state.past, before].slice(-HISTORY_LIMIT);
    this.projectChanged(after, { past, future: [], lastEdit: label });
    return true;
  }

  undo(): boolean {
    const past = this.state.past;
    const prev = past[past.length - 1];
    if (!prev) return false;
    this.projectChanged(prev, {
      past: past.slice(0, -1),
      future: [this.state.project, ...this.state.future],
      lastEdit: 'Undo',
    });
    return true;
  }

  redo(): boolean {
    const [next, ...rest] = this.state.future;
    if (!next) return false;
    this.projectChanged(next, {
      past: [...this.state.past, this.state.project],
      future: rest,
      lastEdit: 'Redo',
    });
    return true;
  }

  /** Replaces the whole project (new, open, recover): clears history. */
  load(project: Project, filePath?: string, opts: { dirty?: boolean } = {}) {
    this.saved = opts.dirty ? ({} as Project) : project;
    this.state = { ...this.state, project, platform: this.state.platform, selection: null };
    this.set({
      project,
      platform: platformView(project.target.platform, project.target.bao, project.target.irqc),
      past: [],
      future: [],
      filePath,
      dirty: !!opts.dirty,
      lastEdit: undefined,
      selection: null,
      loadSeq: this.state.loadSeq + 1,
    });
    this.scheduleDerive();
  }

  /** Records that the current project is what is on disk. */
  markSaved(filePath?: string) {
    this.saved = this.state.project;
    this.set({ dirty: false, filePath: filePath ?? this.state.filePath });
  }

  select(path: ModelPath | null, field?: ModelPath, related?: ModelPath[]) {
    if (!path) {
      if (this.state.selection) this.set({ selection: null });
      return;
    }
    const selection: Selection = { path, field, seq: ++this.seq };
    if (related?.length) selection.related = related;
    this.set({ selection });
  }

  /**
   * Selects the element a diagnostic (or any model path) is about and the field to focus. A
   * problem about a whole element lands on the field it most likely concerns (a device overlap
   * on its guest address, a region on its base...). `related` (the diagnostic's other paths)
   * become the selection's related elements, so both sides of an overlap light up.
   */
  reveal(path: ModelPath, rule?: string, related?: readonly ModelPath[]) {
    const full = normalizePath(path);
    const el = elementOf(this.state.project, full) ?? {
      path: ['config', 'hyp'] as ModelPath,
      kind: 'hyp' as const,
    };
    const others = relatedElements(this.state.project, el.path, related);
    if (full.length > el.path.length) return this.select(el.path, full, others);
    const field = defaultField(el.kind, rule);
    this.select(el.path, field ? [...el.path, field] : undefined, others);
  }
}

/** The distinct elements (other than `main`) that related model paths point into. */
export function relatedElements(
  project: Project,
  main: ModelPath,
  related: readonly ModelPath[] | undefined,
): ModelPath[] {
  const out: ModelPath[] = [];
  for (const r of related ?? []) {
    const el = elementOf(project, r);
    if (!el || samePath(el.path, main) || out.some((o) => samePath(o, el.path))) continue;
    out.push(el.path);
  }
  return out;
}

function defaultField(kind: string, rule = ''): string | undefined {
  switch (kind) {
    case 'dev':
      return /(^|\/)(pa|shared|phys)|host/.test(rule)
        ? 'pa'
        : /irq|interrupt/.test(rule)
          ? 'interrupts'
          : 'va';
    case 'region':
    case 'ipc':
      return /size/.test(rule) ? 'size' : /irq|interrupt/.test(rule) ? 'interrupts' : 'base';
    case 'shmem':
      return 'size';
    default:
      return undefined;
  }
}
