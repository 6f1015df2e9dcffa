// Where a model path stands in the text it came from, so that tools can point at it the way a
// compiler does ("file:line:column: error: ..."): a project file (JSON) or an imported config.c.
// A path that has no text of its own (a count derived from a list, a name kept in `meta`) is
// located at its nearest written ancestor.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { ModelPath } from './path.js';

/** 1-based line and column (columns count UTF-16 units, as editors do). */
export interface TextPos {
  line: number;
  column: number;
}

export type Locator = (path: ModelPath) => TextPos | undefined;

/** Line and column of a 0-based offset into `text`. */
export function positionAt(text: string, offset: number): TextPos {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
}

/** The longest prefix of `path` that `find` knows, tried from the whole path down. */
export function nearest<T>(path: ModelPath, find: (p: ModelPath) => T | undefined): T | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = find(path.slice(0, n));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/**
 * Locates paths of a project file (paths from its root: ["config", "vmlist", 1, ...]). A field
 * points at its key (where a reader looks for it), an array element at its first character.
 */
export function jsonLocator(text: string): Locator {
  // Parsed on the first question only: a project without diagnostics never needs the tree.
  let root: Node | undefined | null = null;
  return (path) => {
    if (root === null) root = parseTree(text);
    const tree = root;
    if (!tree) return undefined;
    return nearest(path, (p) => {
      const node = findNodeAtLocation(tree, [...p]);
      if (!node) return undefined;
      const at = node.parent?.type === 'property' ? node.parent : node;
      return positionAt(text, at.offset);
    });
  };
}
