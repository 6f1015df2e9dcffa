// Printing validation results: one line per diagnostic, "file: severity: message [rule] (path)",
// and a JSON form for CI tools.
import { formatPath } from '../../core/bao/model/path.js';
import type { Diagnostic } from '../../core/bao/validation/index.js';

export function formatDiagnostic(file: string, d: Diagnostic): string {
  const path = d.path.length ? ` (${formatPath(d.path)})` : '';
  return `${file}: ${d.severity}: ${d.message} [${d.rule}]${path}`;
}

export function counts(diags: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  return {
    errors: diags.filter((d) => d.severity === 'error').length,
    warnings: diags.filter((d) => d.severity === 'warning').length,
    infos: diags.filter((d) => d.severity === 'info').length,
  };
}

export function summary(diags: readonly Diagnostic[]): string {
  const c = counts(diags);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.infos, 'info')}`;
}

export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    path: formatPath(d.path),
    ...(d.related ? { related: d.related.map(formatPath) } : {}),
    ...(d.bao ? { bao: d.bao } : {}),
  };
}
