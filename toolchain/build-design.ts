// Builds a Bao Studio design into a Bao image: generates config.c from the project, lays out
// the guest images where its VM_IMAGE paths point (BAO_WRKDIR_IMGS/...), and runs Bao's build.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Project } from '../core/bao/model/index.js';
import { generateConfigC, imageIdentifiers, imagePath } from '../core/bao/generate/config-c.js';
import { getPlatform, riscvIrqcChoice } from '../core/bao/platforms/index.js';
import { buildBao, type BaoBuildResult } from './bao-build.js';

export interface DesignBuildOptions {
  baoSrc: string;
  /** Scratch directory for the generated config and the image layout. */
  workDir: string;
  /** Host file of each VM's guest image, by VM index (defaults to vm.meta.imageFile). */
  images?: (string | undefined)[];
  /** Directory that relative imageFile paths are resolved against. */
  projectDir?: string;
  crossCompile?: string;
  vars?: Record<string, string>;
}

export interface DesignBuildResult extends BaoBuildResult {
  configC: string;
  configFile: string;
}

const IMGS_PREFIX = 'BAO_WRKDIR_IMGS/';

export async function buildDesign(
  project: Project,
  opts: DesignBuildOptions,
): Promise<DesignBuildResult> {
  const config = (project.name || 'design').replace(/[^A-Za-z0-9_-]+/g, '_');
  const configRepo = join(opts.workDir, 'configs');
  const imagesDir = join(opts.workDir, 'imgs');
  mkdirSync(configRepo, { recursive: true });
  mkdirSync(imagesDir, { recursive: true });

  const ids = imageIdentifiers(project);
  project.config.vmlist.forEach((vm, i) => {
    const id = ids[i];
    if (id === undefined) return; // separately loaded: the board or loader provides it
    const path = imagePath(vm.image, id);
    if (!path.startsWith(IMGS_PREFIX)) {
      throw new Error(
        `VM ${i}: image path "${path}" is not under BAO_WRKDIR_IMGS; Bao Studio cannot place its file`,
      );
    }
    const source = opts.images?.[i] ?? vm.meta?.imageFile;
    if (!source)
      throw new Error(
        `VM ${i} (${vm.meta?.name ?? id}): no guest image file given (meta.imageFile)`,
      );
    const resolved =
      opts.projectDir && !source.startsWith('/') ? join(opts.projectDir, source) : source;
    const dest = join(imagesDir, path.slice(IMGS_PREFIX.length));
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(resolved, dest);
  });

  const configC = generateConfigC(project);
  const configFile = join(configRepo, `${config}.c`);
  writeFileSync(configFile, configC);
  const vars = { ...opts.vars };
  // Always pass IRQC= on RISC-V: Bao's own default differs between releases (v2.0.0 builds the
  // PLIC, main the AIA), so the design's choice must not depend on which checkout builds it.
  const platform = getPlatform(project.target.platform);
  const irqc = platform && riscvIrqcChoice(platform, project.target.bao, project.target.irqc);
  if (irqc && !vars.IRQC) vars.IRQC = irqc.kind;
  const built = await buildBao({
    baoSrc: opts.baoSrc,
    platform: project.target.platform,
    configRepo,
    config: basename(configFile, '.c'),
    imagesDir,
    crossCompile: opts.crossCompile,
    vars,
  });
  return { ...built, configC, configFile };
}
