// Bao's own build accepts every generated example config. Needs a Bao checkout: set BAO_SRC to
// a bao-hypervisor tree (v1.0.0 or v2.0.0/main; the version is read from its config.h) and have
// riscv64-unknown-elf-gcc on the PATH. Builds each example with dummy guest images, for the
// checkout's Bao version, with `make PLATFORM= CONFIG_REPO= CONFIG= CPPFLAGS=-DBAO_WRKDIR_IMGS=`.
// Slow (a full Bao build per example): run it on purpose, e.g.
//   BAO_SRC=/tmp/bao-v1.0.0 npx vitest run test/unit/bao/generate/bao-build.test.ts
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, newProjectFromExample } from '../../../../assets/examples/index.js';
import {
  generateConfigC,
  imageIdentifiers,
  imagePath,
} from '../../../../core/bao/generate/index.js';
import type { BaoVersion } from '../../../../core/bao/model/index.js';
import { buildBao } from '../../../../toolchain/bao-build.js';
import { hasTool } from '../../../../toolchain/process.js';

const BAO_SRC = process.env.BAO_SRC;
const CROSS = process.env.CROSS_COMPILE ?? 'riscv64-unknown-elf-';
const haveCross = await hasTool(`${CROSS}gcc`);
const reason = !BAO_SRC
  ? 'BAO_SRC is not set (point it at a bao-hypervisor checkout, v1.0.0 or v2.0.0)'
  : !existsSync(join(BAO_SRC, 'src/core/inc/config.h'))
    ? `BAO_SRC=${BAO_SRC} is not a bao-hypervisor checkout`
    : !haveCross
      ? `${CROSS}gcc is not on the PATH`
      : undefined;
if (reason) console.warn(`skipping the Bao build of the examples: ${reason}`);

/** v1.0 when the checkout's struct config ends in a flexible array member. */
function baoVersionOf(src: string): BaoVersion {
  const header = readFileSync(join(src, 'src/core/inc/config.h'), 'utf8');
  return /struct\s+vm_config\s+vmlist\s*\[\s*\]/.test(header) ? 'v1.0' : 'v2';
}

describe.skipIf(reason !== undefined)('Bao builds every generated example config', () => {
  const src = BAO_SRC!;
  const bao = reason ? 'v2' : baoVersionOf(src);
  const work = mkdtempSync(join(tmpdir(), 'bao-build-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(EXAMPLES.map((e) => e.name))(
    `%s (Bao ${bao})`,
    async (name) => {
      const project = newProjectFromExample(name);
      const configRepo = join(work, 'configs');
      const imgs = join(work, 'imgs');
      mkdirSync(join(configRepo, name), { recursive: true });
      writeFileSync(join(configRepo, name, 'config.c'), generateConfigC(project, { bao }));
      const ids = imageIdentifiers(project);
      project.config.vmlist.forEach((vm, i) => {
        const id = ids[i];
        if (!id) return;
        const file = join(imgs, imagePath(vm.image, id).replace(/^BAO_WRKDIR_IMGS\//, ''));
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, Buffer.alloc(0x1000, 0x13)); // a page of `addi x0, x0, 0`-ish filler
      });
      const result = await buildBao({
        baoSrc: src,
        platform: project.target.platform,
        configRepo,
        config: name,
        imagesDir: imgs,
        crossCompile: CROSS,
        vars: project.target.irqc ? { IRQC: project.target.irqc } : {},
        timeoutMs: 600_000,
      });
      expect(existsSync(result.bin)).toBe(true);
      // The images are inside bao.bin: it is larger than the images together.
      const images = ids.filter(Boolean).length * 0x1000;
      expect(statSync(result.bin).size).toBeGreaterThan(images);
      // gcc's warnings would mean a config Bao compiles but misreads (e.g. the wrong vmlist syntax).
      expect(result.log).not.toMatch(/config\.c:\d+:\d+: warning/);
    },
    600_000,
  );
});
