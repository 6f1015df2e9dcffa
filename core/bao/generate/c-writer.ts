// A tiny indented-line writer for the C and DTS generators: 4-space indentation for C (as in
// Bao's own configs), a tab for DTS (as in the kernel's and Bao's device trees).

export class LineWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly unit: string) {}

  /** Appends one line at the current depth (an empty string gives an empty line). */
  line(text = ''): this {
    this.lines.push(text === '' ? '' : this.unit.repeat(this.depth) + text);
    return this;
  }

  /** Appends `open`, runs `body` one level deeper, then appends `close`. */
  block(open: string, close: string, body: () => void): this {
    this.line(open);
    this.depth++;
    body();
    this.depth--;
    this.line(close);
    return this;
  }

  /** An empty line, unless the previous line is already empty or opens a block. */
  gap(): this {
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && last !== '' && !/[{(]\s*$/.test(last)) this.lines.push('');
    return this;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** Makes text safe inside a C block comment (no premature "*\/"). */
export function cComment(text: string): string {
  return `/* ${text.replace(/\*\//g, '* /').replace(/\s*\n\s*/g, ' ')} */`;
}

/** Splits text into lines of at most `width` characters at spaces (long words stay whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + word.length > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}
