// Golden files: every example generated for both Bao versions (config.c) and its Linux guests'
// device trees. Regenerate with UPDATE_GOLDEN=1 after a deliberate change, then read the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, newProjectFromExample } from '../../../../assets/examples/index.js';
import { generateProjectFiles } from '../../../../core/bao/generate/index.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function checkGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${file} is missing (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe.each(EXAMPLES.map((e) => e.name))('example %s', (name) => {
  it.each(['v1.0', 'v2'] as const)('config.c for Bao %s matches its golden file', (bao) => {
    const files = generateProjectFiles(newProjectFromExample(name), { bao });
    const config = files.find((f) => f.kind === 'config')!;
    checkGolden(`${name}.${bao}.c`, config.content);
  });

  it('Linux guest device trees match their golden files', () => {
    const project = newProjectFromExample(name);
    const dts = generateProjectFiles(project).filter((f) => f.kind === 'dts');
    const linuxVms = project.config.vmlist.filter((vm) => vm.meta?.guest === 'linux').length;
    expect(dts).toHaveLength(linuxVms);
    for (const f of dts) checkGolden(`${name}.${f.path}`, f.content);
  });
});
