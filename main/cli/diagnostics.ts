// Printing validation results the way a compiler does, so terminals and CI logs make them
// clickable: "file:line:column: severity: message [rule] (model path)", then a "note:" line with
// what Bao itself does about it (the message it prints at boot, or that it stays silent).
// The JSON form carries the same facts for tools.
import { formatPath } from '../../core/bao/model/path.js';
import type { Locator } from '../../core/bao/model/locate.js';
import type { Diagnostic } from '../../core/bao/validation/index.js';

export function formatDiagnostic(file: string, d: Diagnostic, locate?: Locator): string[] {
  const pos = locate?.(d.path);
  const at = pos ? `${file}:${pos.line}:${pos.column}` : file;
  const path = d.path.length ? ` (${formatPath(d.path)})` : '';
  const lines = [`${at}: ${d.severity}: ${d.message} [${d.rule}]${path}`];
  if (d.bao) lines.push(`${at}: note: Bao: ${d.bao}`);
  return lines;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function counts(diags: readonly Diagnostic[]): Counts {
  const n = (s: Diagnostic['severity']) => diags.filter((d) => d.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

/** "1 error, 2 warnings, 0 info". */
export function summary(c: Counts): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info`;
}

export function diagnosticJson(d: Diagnostic, locate?: Locator): Record<string, unknown> {
  const pos = locate?.(d.path);
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    path: formatPath(d.path),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    ...(d.related ? { related: d.related.map(formatPath) } : {}),
    ...(d.bao ? { bao: d.bao } : {}),
  };
}
