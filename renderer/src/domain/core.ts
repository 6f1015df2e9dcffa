// The pure Bao domain (core/bao, assets/examples) runs right here in the renderer: validation and
// generation are live in the browser. This module is the one place the UI touches it.
import type { BaoVersion, Project } from '../../../core/bao/model/index.js';
import type { Diagnostic } from '../../../core/bao/validation/diagnostic.js';
import { checkProject } from '../../../core/bao/validation/index.js';
import { generateConfigC, generateGuestDts, vmFileStem } from '../../../core/bao/generate/index.js';
import { importConfigC, type ImportResult } from '../../../core/bao/import/index.js';
import {
  getPlatform,
  platforms,
  riscvIrqcChoice,
  type Platform,
} from '../../../core/bao/platforms/index.js';
import { EXAMPLES, newProjectFromExample } from '../../../assets/examples/index.js';

export { ConfigParseError } from '../../../core/bao/import/index.js';
export type { ImportResult, Platform };

export const domain = {
  hasValidation: true,
  hasGenerator: true,
  hasImporter: true,
  hasExamples: true,

  checkProject(project: Project): Diagnostic[] {
    return checkProject(project);
  },

  generateConfigC(project: Project): string {
    return generateConfigC(project);
  },

  generateGuestDts(project: Project, vmIndex: number): string {
    return generateGuestDts(project, vmIndex);
  },

  /** The file-name stem the CLI also uses for a VM's device tree. */
  vmFileStem(project: Project, vmIndex: number): string {
    return vmFileStem(project, vmIndex);
  },

  importConfigC(
    text: string,
    options: { file: string; platform: string; bao: BaoVersion },
  ): ImportResult {
    return importConfigC(text, options);
  },

  newProjectFromExample(name: string): Project {
    return newProjectFromExample(name);
  },

  platform(name: string): Platform | undefined {
    return getPlatform(name);
  },

  platformNames(): string[] {
    return platforms.map((p) => p.name);
  },

  riscvIrqcChoice,

  exampleNames(): { id: string; title: string }[] {
    return EXAMPLES.map((e) => ({ id: e.name, title: e.title }));
  },
};
