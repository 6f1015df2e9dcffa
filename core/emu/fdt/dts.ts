// Device tree source text of a tree (dtc-like), for diffs in tests and for the debugger's view.
import type { FdtNode } from './tree.js';

function isPrintable(v: Uint8Array): boolean {
  if (v.length === 0 || v[v.length - 1] !== 0) return false;
  let prevNul = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === 0) {
      if (prevNul) return false;
      prevNul = true;
    } else if (c < 0x20 || c > 0x7e) {
      return false;
    } else prevNul = false;
  }
  return true;
}

export function formatValue(v: Uint8Array): string {
  if (v.length === 0) return '';
  if (isPrintable(v)) {
    return (
      ' = ' +
      new TextDecoder()
        .decode(v.subarray(0, v.length - 1))
        .split('\0')
        .map((s) => JSON.stringify(s))
        .join(', ')
    );
  }
  if (v.length % 4 === 0) {
    const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
    const words: string[] = [];
    for (let i = 0; i < v.length; i += 4) words.push('0x' + dv.getUint32(i).toString(16));
    return ` = <${words.join(' ')}>`;
  }
  return ` = [${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join(' ')}]`;
}

export function toDts(root: FdtNode): string {
  const out: string[] = ['/dts-v1/;', ''];
  const walk = (n: FdtNode, depth: number): void => {
    const ind = '\t'.repeat(depth);
    out.push(`${ind}${n.name || '/'} {`);
    for (const p of n.props) out.push(`${ind}\t${p.name}${formatValue(p.value)};`);
    for (const c of n.children) walk(c, depth + 1);
    out.push(`${ind}};`);
  };
  walk(root, 0);
  return out.join('\n') + '\n';
}
