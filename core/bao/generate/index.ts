// Generation: config.c for Bao and a device tree for each Linux guest, from one model.
import type { BaoVersion, Project } from '../model/schema.js';
import { generateConfigC } from './config-c.js';
import { generateGuestDts, isLinuxGuest, type GuestDtsOptions } from './dts.js';

export {
  generateConfigC,
  imageIdentifiers,
  imagePath,
  type GenerateConfigOptions,
} from './config-c.js';
export { generateGuestDts, isLinuxGuest, DtsGenerationError, type GuestDtsOptions } from './dts.js';

export interface GeneratedFile {
  /** File name relative to the output directory: "config.c", "linux.dts". */
  path: string;
  content: string;
  kind: 'config' | 'dts';
  /** The VM a device tree is for. */
  vmIndex?: number;
}

/** A file-name stem for a VM: its name made safe, or "vm<i>". */
export function vmFileStem(project: Project, vmIndex: number): string {
  const name = project.config.vmlist[vmIndex]?.meta?.name ?? '';
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return stem || `vm${vmIndex}`;
}

/** config.c plus one <vm>.dts per Linux guest (file names unique within the set). */
export function generateProjectFiles(
  project: Project,
  options: { bao?: BaoVersion } & GuestDtsOptions = {},
): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'config.c', content: generateConfigC(project, options), kind: 'config' },
  ];
  const used = new Set(['config']);
  project.config.vmlist.forEach((vm, i) => {
    if (!isLinuxGuest(vm)) return;
    let stem = vmFileStem(project, i);
    if (used.has(stem)) stem = `${stem}-vm${i}`;
    used.add(stem);
    files.push({
      path: `${stem}.dts`,
      content: generateGuestDts(project, i, options),
      kind: 'dts',
      vmIndex: i,
    });
  });
  return files;
}
