// Two VMs print on one UART without a common lock, so their lines interleave and even split
// mid-word, differently in QEMU (multi-threaded) and in our emulator (quantum-interleaved).
// A VM's line therefore counts as printed when its characters appear in order (as a
// subsequence) after the previous line of the same VM.

/** Index just past the subsequence match of `needle` in `hay` starting at `from`, or -1. */
export function matchSubsequence(hay: string, needle: string, from: number): number {
  let i = from;
  for (const ch of needle) {
    i = hay.indexOf(ch, i);
    if (i < 0) return -1;
    i++;
  }
  return i;
}

/**
 * The first expected line that cannot be found in order, or undefined when all are there.
 * Each line must begin with its VM's prefix as whole text (so lines are anchored), and its
 * remaining characters must follow as a subsequence.
 */
export function firstMissingLine(output: string, lines: string[]): string | undefined {
  const text = output.replace(/\r/g, '');
  let pos = 0;
  for (const line of lines) {
    const prefixEnd = line.indexOf('] ') + 2;
    const prefix = line.slice(0, prefixEnd);
    let found = -1;
    for (let at = text.indexOf(prefix, pos); at >= 0; at = text.indexOf(prefix, at + 1)) {
      found = matchSubsequence(text, line.slice(prefixEnd), at + prefix.length);
      if (found >= 0) {
        pos = at + prefix.length;
        break;
      }
    }
    if (found < 0) return line;
  }
  return undefined;
}
