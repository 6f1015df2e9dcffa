// What a model path points at, so a selection, a problem or a canvas click can be turned into
// "this element, this field". Paths are Project-relative; config-relative ones (as path.ts
// documents) are accepted and normalised.
import type { Project } from '../../../core/bao/model/index.js';
import type { ModelPath } from '../../../core/bao/model/path.js';

export type ElementKind =
  'vm' | 'region' | 'dev' | 'ipc' | 'remio' | 'shmem' | 'hyp' | 'platform' | 'target';

export interface ElementRef {
  kind: ElementKind;
  path: ModelPath;
  vm?: number;
  index?: number;
}

const CONFIG_KEYS = new Set(['vmlist', 'shmemlist', 'hyp', 'vmlist_size', 'shmemlist_size']);

export function normalizePath(path: ModelPath): ModelPath {
  if (path.length && typeof path[0] === 'string' && CONFIG_KEYS.has(path[0]))
    return ['config', ...path];
  return path;
}

const LIST_KIND: Record<string, ElementKind> = {
  regions: 'region',
  devs: 'dev',
  ipcs: 'ipc',
  remio_devs: 'remio',
};

/** The deepest selectable element at or above `path`, if it exists in the project. */
export function elementOf(project: Project, path: ModelPath): ElementRef | undefined {
  const p = normalizePath(path);
  if (p[0] === 'platform') return { kind: 'platform', path: ['platform'] };
  if (p[0] === 'target') return { kind: 'target', path: ['target'] };
  if (p[0] !== 'config') return undefined;
  if (p[1] === 'hyp') return { kind: 'hyp', path: ['config', 'hyp'] };
  const i = p[2];
  if (p[1] === 'shmemlist' && typeof i === 'number') {
    return project.config.shmemlist[i]
      ? { kind: 'shmem', path: ['config', 'shmemlist', i], index: i }
      : undefined;
  }
  if (p[1] === 'vmlist' && typeof i === 'number') {
    const vm = project.config.vmlist[i];
    if (!vm) return undefined;
    const list = p[4];
    const j = p[5];
    if (
      p[3] === 'platform' &&
      typeof list === 'string' &&
      LIST_KIND[list] &&
      typeof j === 'number'
    ) {
      const items = vm.platform[list as 'regions' | 'devs' | 'ipcs' | 'remio_devs'];
      if (items[j])
        return {
          kind: LIST_KIND[list]!,
          path: ['config', 'vmlist', i, 'platform', list, j],
          vm: i,
          index: j,
        };
    }
    return { kind: 'vm', path: ['config', 'vmlist', i], vm: i };
  }
  if (
    p[1] === 'vmlist' ||
    p[1] === 'shmemlist' ||
    p[1] === 'vmlist_size' ||
    p[1] === 'shmemlist_size'
  )
    return { kind: 'hyp', path: ['config', 'hyp'] };
  return undefined;
}

export function samePath(a: ModelPath | undefined, b: ModelPath | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((s, i) => s === b[i]);
}

export function pathKey(path: ModelPath): string {
  return path.join('/');
}
