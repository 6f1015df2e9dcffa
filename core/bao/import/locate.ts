// Source positions of an imported config.c by model path, so validation of a config.c points at
// file:line:column like a compiler. Model paths use Bao's field names, so the C value tree
// (collect.ts) maps onto them directly; a model-only field (image.source, meta, a count the
// model derives) resolves to its nearest written ancestor.
import { formatPath, type ModelPath } from '../model/path.js';
import { nearest, type Locator } from '../model/locate.js';
import type { CValue, StructValue } from './collect.js';
import type { SourcePos } from './errors.js';

export function configLocator(root: StructValue): Locator {
  const positions = new Map<string, SourcePos>();
  const visit = (value: CValue, path: (string | number)[]): void => {
    positions.set(formatPath(path), value.pos);
    if (value.k === 'struct')
      for (const [name, field] of value.fields) visit(field, [...path, name]);
    else if (value.k === 'array')
      value.elems.forEach((elem, i) => {
        if (elem) visit(elem, [...path, i]);
      });
  };
  visit(root, ['config']);
  return (path: ModelPath) =>
    nearest(path, (p) => {
      const pos = positions.get(formatPath(p));
      return pos && { line: pos.line, column: pos.column };
    });
}
