// The platform catalog: every platform of Bao main (and which Bao versions have it).
import type { BaoVersion, RiscvIrqc } from '../model/schema.js';
import { catalog } from './catalog.js';
import type { Platform, RiscvIrqcChoice } from './platform.js';

export type * from './platform.js';

export const platforms: readonly Platform[] = catalog;

const byName = new Map(platforms.map((p) => [p.name, p]));

export function getPlatform(name: string): Platform | undefined {
  return byName.get(name);
}

/** Catalog names a mistyped platform name may have meant ("qemu-riscv64" → qemu-riscv64-virt). */
export function similarPlatformNames(name: string): string[] {
  const n = name.trim().toLowerCase();
  if (n.length < 3) return []; // a letter or two is in half the names
  return platforms.map((p) => p.name).filter((p) => p.includes(n) || n.includes(p));
}

/**
 * The RISC-V IRQC= choice a build uses: the explicit one, else the platform's default for that
 * Bao version. Undefined for non-RISC-V platforms or a choice the platform does not offer.
 */
export function riscvIrqcChoice(
  platform: Platform,
  version: BaoVersion,
  explicit?: RiscvIrqc,
): RiscvIrqcChoice | undefined {
  if (platform.irqc.type !== 'riscv') return undefined;
  const kind = explicit ?? platform.irqc.defaults[version];
  return platform.irqc.choices.find((c) => c.kind === kind && c.versions.includes(version));
}

/** Largest interrupt id the platform's controller (in this build) implements. */
export function maxInterruptId(
  platform: Platform,
  version: BaoVersion,
  explicit?: RiscvIrqc,
): number {
  if (platform.irqc.type === 'riscv')
    return (
      riscvIrqcChoice(platform, version, explicit)?.maxInterruptId ??
      Math.max(...platform.irqc.choices.map((c) => c.maxInterruptId))
    );
  return platform.irqc.maxInterruptId;
}
