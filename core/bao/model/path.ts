// A model path names one element or field of a Project's config, in Bao's own vocabulary, e.g.
// ["vmlist", 1, "platform", "devs", 0, "pa"] ↔ "vmlist[1].platform.devs[0].pa". Validation
// results carry one so the UI can select and highlight what they concern.

export type ModelPath = readonly (string | number)[];

export function formatPath(path: ModelPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function parsePath(text: string): ModelPath {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** True when `inner` is `outer` or lies under it. */
export function pathStartsWith(inner: ModelPath, outer: ModelPath): boolean {
  return outer.length <= inner.length && outer.every((seg, i) => inner[i] === seg);
}

/** Reads the value at a path (undefined when it does not exist). */
export function getAtPath(root: unknown, path: ModelPath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
