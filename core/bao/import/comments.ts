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

/**
 * The rule works line by line, so it reads back what the generator writes (the name on the first
 * line inside the element's braces, then one comment per line of `meta.comment`): the name is
 * the first line that is not commented-out code, if that line is short enough to be a name; every
 * other line, in order, is the comment. A block comment of several lines counts as its lines.
 */
export function metaFromComments(comments: readonly Comment[]): Meta | undefined {
  const lines = comments
    .flatMap((c) => c.text.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = lines.findIndex((l) => !looksLikeCode(l));
  const nameAt = first >= 0 && isNameLike(lines[first]) ? first : -1;
  const rest = lines.filter((_, i) => i !== nameAt);
  if (nameAt < 0 && rest.length === 0) return undefined;
  const meta: Meta = {};
  if (nameAt >= 0) meta.name = lines[nameAt];
  if (rest.length > 0) meta.comment = rest.join('\n');
  return meta;
}
