// import → generate (generateConfigC, the real generator) → import gives the same model, for
// configs in every style, in both Bao versions.
import { describe, expect, it } from 'vitest';
import { generateConfigC } from '../../../../core/bao/generate/config-c.js';
import { importConfigC } from '../../../../core/bao/import/index.js';
import { fixture } from './helpers.js';

const FIXTURES = [
  'v1-workshop-ipc.c',
  'v2-remio-aia.c',
  'v01-old.c',
  'armv8-defines.c',
  'mismatched-counts.c',
];

describe('import → generate → import', () => {
  for (const name of FIXTURES) {
    it(`gives the same model for ${name}`, () => {
      const first = importConfigC(fixture(name), { file: name, platform: 'qemu-riscv64-virt' });
      const text = generateConfigC(first.project);
      const second = importConfigC(text, {
        file: `generated-${name}`,
        platform: 'qemu-riscv64-virt',
        name: first.project.name,
      });
      expect(second.project).toEqual(first.project);
      // The generated file is written for the same version and needs no old spellings.
      expect(second.warnings.filter((w) => /pre-v1\.0|written with/.test(w.message))).toEqual([]);
    });
  }

  it('keeps names and comments through the round trip', () => {
    const first = importConfigC(fixture('armv8-defines.c'), { file: 'a.c', platform: 'zcu104' });
    const text = generateConfigC(first.project);
    expect(text).toContain('/* GEM3 */');
    expect(text).toContain('/* Linux VM */');
    const again = importConfigC(text, { file: 'b.c', platform: 'zcu104', name: 'armv8-defines' });
    expect(again.project.config.vmlist[0].platform.devs.map((d) => d.meta?.name)).toEqual([
      'GEM3',
      'UART1',
      'Arch timer interrupt',
    ]);
  });

  it('converts a v1.0 config to v2 syntax and back without loss', () => {
    const v1 = importConfigC(fixture('v1-workshop-ipc.c'), {
      file: 'a.c',
      platform: 'qemu-riscv64-virt',
    }).project;
    const v2text = generateConfigC(v1, { bao: 'v2' });
    expect(v2text).toContain('.vmlist = (struct vm_config[]) {');
    const v2 = importConfigC(v2text, {
      file: 'b.c',
      platform: 'qemu-riscv64-virt',
      name: v1.name,
    }).project;
    expect(v2.target.bao).toBe('v2');
    expect(v2.config).toEqual(v1.config);
  });
});
