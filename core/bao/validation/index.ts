// The validation engine: every rule over one shared context. checkProject never throws on a
// bad model; each problem becomes a Diagnostic with a rule id, a severity and a model path.
import type { Project } from '../model/schema.js';
import { RuleContext, type CheckOptions } from './context.js';
import type { Diagnostic } from './diagnostic.js';
import type { Rule } from './rule.js';
import { platformIrqc, platformUnknown, platformVersion } from './rules/platform.js';
import { countMismatch, emptyVmlist } from './rules/counts.js';
import {
  affinityCount,
  affinityNonexistent,
  affinityOverlap,
  cpuTotal,
  cpuUnused,
  cpuZero,
} from './rules/cpus.js';

export type { Diagnostic, Severity } from './diagnostic.js';
export type { Rule } from './rule.js';
export type { CheckOptions } from './context.js';
export { RuleContext } from './context.js';

export const rules: readonly Rule[] = [
  platformUnknown,
  platformVersion,
  platformIrqc,
  emptyVmlist,
  countMismatch,
  cpuZero,
  cpuTotal,
  cpuUnused,
  affinityNonexistent,
  affinityOverlap,
  affinityCount,
];

const order = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule. Diagnostics come errors first, then warnings, then infos (stable otherwise). */
export function checkProject(project: Project, options: CheckOptions = {}): Diagnostic[] {
  const ctx = new RuleContext(project, options);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.needsPlatform && !ctx.platform) continue;
    out.push(...rule.check(ctx));
  }
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => order[a.d.severity] - order[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}

export function getRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
