// Generated config.c compiled by the host gcc against test/unit/bao/generate/include/config.h (our
// own header from schema.md's facts): each example for both Bao versions, the kitchen-sink
// fixtures, and the wrong version's header must fail (v1.0's vmlist is a flexible array member,
// v2's a pointer), so the test can tell the two syntaxes apart. The VM_IMAGE macros really
// .incbin the files: the object must hold each image in its .vm_image_<name> section.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, newProjectFromExample } from '../../../../assets/examples/index.js';
import {
  generateConfigC,
  imageIdentifiers,
  imagePath,
} from '../../../../core/bao/generate/index.js';
import type { Project } from '../../../../core/bao/model/index.js';
import { hasTool, runTool } from '../../../../toolchain/process.js';
import { armProject, riscvKitchenSink } from './fixtures.js';

const INCLUDE = join(import.meta.dirname, 'include');
const haveGcc = await hasTool('gcc');
const haveObjdump = await hasTool('objdump');
if (!haveGcc) console.warn('skipping config.c compile tests: gcc is not installed');

const work = mkdtempSync(join(tmpdir(), 'bao-cc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the config and a dummy image (size 100 + i) for each builtin VM_IMAGE path. */
function prepare(project: Project, bao: 'v1.0' | 'v2', tag: string) {
  const dir = join(work, tag);
  const imgs = join(dir, 'imgs');
  mkdirSync(imgs, { recursive: true });
  const ids = imageIdentifiers(project);
  const sizes = new Map<string, number>();
  project.config.vmlist.forEach((vm, i) => {
    const id = ids[i];
    if (!id) return;
    const rel = imagePath(vm.image, id).replace(/^BAO_WRKDIR_IMGS\//, '');
    if (rel.startsWith('/')) return; // absolute paths in fixtures are not built
    mkdirSync(join(imgs, rel, '..'), { recursive: true });
    writeFileSync(join(imgs, rel), Buffer.alloc(100 + i, i + 1));
    sizes.set(id, 100 + i);
  });
  const file = join(dir, 'config.c');
  writeFileSync(file, generateConfigC(project, { bao }));
  return { file, imgs, sizes, obj: join(dir, 'config.o') };
}

function gccArgs(
  file: string,
  out: string | null,
  imgs: string,
  header: 'v1.0' | 'v2',
  arm = false,
) {
  return [
    '-std=gnu11',
    // GNU mode predefines `linux` as 1, which would rewrite ".../linux.bin" inside XSTR();
    // Bao's cross compilers do not define it.
    '-Ulinux',
    '-Wall',
    '-Wextra',
    '-Werror',
    ...(header === 'v1.0' ? ['-DBAO_V1'] : []),
    ...(arm ? ['-DBAO_ARCH_ARMV8'] : []),
    `-I${INCLUDE}`,
    `-DBAO_WRKDIR_IMGS=${imgs}`,
    ...(out ? ['-c', file, '-o', out] : ['-fsyntax-only', file]),
  ];
}

describe.skipIf(!haveGcc)('generated config.c compiles against a Bao-shaped config.h', () => {
  const cases = EXAMPLES.flatMap((e) =>
    (['v1.0', 'v2'] as const).map((bao) => [e.name, bao] as const),
  );

  it.each(cases)('%s for Bao %s compiles and embeds its images', async (name, bao) => {
    const project = newProjectFromExample(name);
    const { file, imgs, sizes, obj } = prepare(project, bao, `${name}-${bao}`);
    const res = await runTool('gcc', gccArgs(file, obj, imgs, bao));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    if (!haveObjdump) return;
    const sections = (await runTool('objdump', ['-h', obj])).stdout;
    for (const [id, size] of sizes) {
      const m = new RegExp(`\\.vm_image_${id}\\s+([0-9a-f]+)`).exec(sections);
      expect(m, `section .vm_image_${id}`).not.toBeNull();
      expect(parseInt(m![1], 16)).toBe(size);
    }
  });

  it.each(cases)('%s for Bao %s is rejected by the other version’s header', async (name, bao) => {
    const project = newProjectFromExample(name);
    const { file, imgs } = prepare(project, bao, `${name}-${bao}-cross`);
    const other = bao === 'v1.0' ? 'v2' : 'v1.0';
    const res = await runTool('gcc', gccArgs(file, null, imgs, other));
    expect(res.code).not.toBe(0);
  });

  it.each([
    ['RISC-V AIA kitchen sink, v2', riscvKitchenSink('v2', 'AIA'), 'v2', false],
    [
      'RISC-V kitchen sink, v1.0 (v2-only fields left out)',
      riscvKitchenSink('v1.0', 'APLIC'),
      'v1.0',
      false,
    ],
    ['Arm GICv3 + SMMU, v2', armProject('v3'), 'v2', true],
    ['Arm GICv2, v1.0', armProject('v2'), 'v1.0', true],
  ] as const)('%s compiles', async (_label, project, bao, arm) => {
    const { file, imgs } = prepare(project, bao, `fixture-${bao}-${arm}-${_label.length}`);
    const res = await runTool('gcc', gccArgs(file, null, imgs, bao, arm));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});
