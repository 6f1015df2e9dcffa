// Comments → presentation metadata. In real configs the only names devices, regions and VMs
// have are comments (`/* PL011 */`, `// DRAM1 (1MiB)`, `//Baremetal VM`), so a short one-line
// comment before an element becomes its name; anything else (explanations, commented-out code)
// is kept as the element's free-text comment so nothing a user wrote is lost.
import type { Meta } from '../model/schema.js';
import type { Comment } from './tokenizer.js';

/** Longest comment still read as a name rather than prose. */
const MAX_NAME = 60;

export function looksLikeCode(text: string): boolean {
  return /[=;{}]/.test(text) || /,\s*$/.test(text) || /^\.[A-Za-z_]/.test(text) || /^#/.test(text);
}

export function isNameLike(text: string): boolean {
  return text.length > 0 && text.length <= MAX_NAME && !text.includes('\n') && !looksLikeCode(text);
}

export function metaFromComments(comments: readonly Comment[]): Meta | undefined {
  let name: string | undefined;
  const rest: string[] = [];
  for (const c of comments) {
    const text = c.text.trim();
    if (text === '') continue;
    if (name === undefined && isNameLike(text)) name = text;
    else rest.push(text);
  }
  if (name === undefined && rest.length === 0) return undefined;
  const meta: Meta = {};
  if (name !== undefined) meta.name = name;
  if (rest.length > 0) meta.comment = rest.join('\n');
  return meta;
}
