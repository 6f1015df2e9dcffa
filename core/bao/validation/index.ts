// The validation engine: every rule over one shared context. checkProject never throws on a
// bad model; each problem becomes a Diagnostic with a rule id, a severity and a model path.
import type { Project } from '../model/schema.js';
import { RuleContext, type CheckOptions } from './context.js';
import type { Diagnostic } from './diagnostic.js';
import type { Rule } from './rule.js';
import * as platform from './rules/platform.js';
import * as counts from './rules/counts.js';
import * as version from './rules/version.js';
import * as cpus from './rules/cpus.js';
import * as memory from './rules/memory.js';
import * as guestSpace from './rules/guest-space.js';
import * as hyp from './rules/hyp.js';
import * as image from './rules/image.js';
import * as devices from './rules/devices.js';
import * as interrupts from './rules/interrupts.js';
import * as ipc from './rules/ipc.js';
import * as remio from './rules/remio.js';
import * as arch from './rules/arch.js';
import * as mpu from './rules/mpu.js';

export type { Diagnostic, Severity } from './diagnostic.js';
export type { Rule } from './rule.js';
export type { CheckOptions } from './context.js';
export { RuleContext } from './context.js';

/** Every rule, in the order diagnostics of equal severity are reported. */
export const rules: readonly Rule[] = [
  platform,
  version,
  counts,
  cpus,
  memory,
  guestSpace,
  hyp,
  image,
  devices,
  interrupts,
  ipc,
  remio,
  arch,
  mpu,
].flatMap((m) => Object.values(m).filter(isRule));

function isRule(x: unknown): x is Rule {
  return typeof x === 'object' && x !== null && 'id' in x && 'check' in x;
}

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
