// The target: a platform Bao has, in the chosen Bao version, with an IRQC= it offers.
import { platforms, similarPlatformNames } from '../../platforms/index.js';
import { defineRule } from '../rule.js';

export const platformUnknown = defineRule({
  id: 'platform/unknown',
  severity: 'error',
  description: 'The platform is not one of Bao’s platforms',
  check(ctx) {
    if (ctx.platform) return [];
    const name = ctx.project.target.platform;
    const similar = similarPlatformNames(name);
    return [
      ctx.diag(
        this,
        ['target', 'platform'],
        similar.length
          ? `Unknown platform "${name}": did you mean ${similar.join(' or ')}?`
          : `Unknown platform "${name}": Bao has ${platforms.map((p) => p.name).join(', ')}`,
        { bao: `make: the build stops: there is no src/platform/${name}` },
      ),
    ];
  },
});

export const platformVersion = defineRule({
  id: 'platform/version',
  severity: 'error',
  description: 'The platform does not exist in the target Bao version',
  needsPlatform: true,
  check(ctx) {
    const p = ctx.platform!;
    if (p.baoVersions.includes(ctx.version)) return [];
    return [
      ctx.diag(
        this,
        ['target', 'platform'],
        `Platform "${p.name}" is not in Bao ${ctx.version} (it exists in ${p.baoVersions.join(', ')})`,
        { related: [['target', 'bao']], bao: `make: the build stops: no src/platform/${p.name}` },
      ),
    ];
  },
});

export const platformIrqc = defineRule({
  id: 'platform/irqc-choice',
  severity: 'error',
  description: 'The interrupt controller build choice (IRQC=) is not offered by the platform',
  needsPlatform: true,
  check(ctx) {
    const p = ctx.platform!;
    const wanted = ctx.project.target.irqc;
    if (wanted === undefined) return [];
    if (p.irqc.type !== 'riscv')
      return [
        ctx.diag(
          this,
          ['target', 'irqc'],
          `IRQC=${wanted} is a RISC-V build choice; ${p.name} has a fixed ${p.irqc.type} controller`,
        ),
      ];
    const choice = p.irqc.choices.find((c) => c.kind === wanted);
    if (choice && choice.versions.includes(ctx.version)) return [];
    const offered = p.irqc.choices
      .filter((c) => c.versions.includes(ctx.version))
      .map((c) => c.kind);
    return [
      ctx.diag(
        this,
        ['target', 'irqc'],
        `IRQC=${wanted} is not available for ${p.name} in Bao ${ctx.version} (choices: ${offered.join(', ') || 'none'})`,
        { related: [['target', 'bao']], bao: `make: $(error Invalid IRQC ${wanted})` },
      ),
    ];
  },
});
