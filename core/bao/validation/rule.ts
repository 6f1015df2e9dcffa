// A validation rule, ESLint style: a stable id, a default severity, a one-line description
// (listed by the CLI and the UI) and a check over the shared context.
import type { Diagnostic, Severity } from './diagnostic.js';
import type { RuleContext } from './context.js';

export interface Rule {
  /** Stable id, "<area>/<what>", e.g. "mem/phys-overlap". */
  id: string;
  /** Severity of the diagnostics it reports (a few rules downgrade specific cases). */
  severity: Severity;
  description: string;
  /** Where the check comes from: a Bao boot check (validation_rules.md B#), a silent breakage (C#), or ours. */
  refs?: string[];
  /** Skipped when the project's platform is not in the catalog. */
  needsPlatform?: boolean;
  check(ctx: RuleContext): Diagnostic[];
}

/** Helper so each rule file reads as one declaration. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
