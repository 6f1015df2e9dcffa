// Address-range arithmetic on bigints, and how messages print ranges.
import { hex } from '../model/numbers.js';

/** Half-open range [base, base + size). */
export interface Range {
  base: bigint;
  size: bigint;
}

export const end = (r: Range): bigint => r.base + r.size;

export function overlaps(a: Range, b: Range): boolean {
  return a.size > 0n && b.size > 0n && a.base < end(b) && b.base < end(a);
}

/** `inner` lies entirely inside `outer`. */
export function contains(outer: Range, inner: Range): boolean {
  return inner.base >= outer.base && end(inner) <= end(outer);
}

export function containsAddr(outer: Range, addr: bigint): boolean {
  return addr >= outer.base && addr < end(outer);
}

export function alignDown(v: bigint, align: bigint): bigint {
  return v - (v % align);
}

export function alignUp(v: bigint, align: bigint): bigint {
  return v % align === 0n ? v : v + align - (v % align);
}

/** The pages a range touches (what Bao maps on an MMU build: NUM_PAGES of the size). */
export function pageSpan(r: Range, page: bigint): Range {
  const base = alignDown(r.base, page);
  return { base, size: alignUp(end(r), page) - base };
}

/** "[0x90000000–0xd0000000)" */
export function fmtRange(r: Range): string {
  return `[${hex(r.base)}–${hex(end(r))})`;
}
