import { describe, expect, it } from 'vitest';
import {
  emptyProject,
  parseProject,
  ProjectFileError,
  serializeProject,
} from '../../../core/bao/model/index.js';

describe('project file', () => {
  it('round-trips bigints as hex strings', () => {
    const p = emptyProject('qemu-riscv64-virt', 'v1.0', 'demo');
    p.config.vmlist.push({
      image: {
        source: 'builtin',
        name: 'bm',
        path: 'BAO_WRKDIR_IMGS/bm.bin',
        base_addr: 0x80200000n,
      },
      entry: 0x80200000n,
      platform: {
        cpu_num: 1,
        regions: [{ base: 0x80200000n, size: 0x4000000n }],
        devs: [{ pa: 0x10000000n, va: 0x10000000n, size: 0x1000n, interrupts: [10] }],
        ipcs: [],
        remio_devs: [],
        arch: { irqc: { plic: { base: 0xc000000n } } },
      },
    });
    const text = serializeProject(p);
    expect(text).toContain('"base_addr": "0x80200000"');
    expect(parseProject(text, 'demo.baoproj')).toEqual(p);
  });

  it('names the file and the field of a bad value', () => {
    const p = JSON.parse(serializeProject(emptyProject('qemu-riscv64-virt')));
    p.config.vmlist = [
      { image: { source: 'builtin', base_addr: 'zz' }, entry: '0x0', platform: { cpu_num: 1 } },
    ];
    try {
      parseProject(JSON.stringify(p), 'bad.baoproj');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProjectFileError);
      expect((e as Error).message).toMatch(
        /^bad\.baoproj: config\.vmlist\[0\]\.image\.base_addr: not a number/,
      );
    }
  });

  it('rejects files that are not projects', () => {
    expect(() => parseProject('{"a":1}', 'x.json')).toThrow(
      /x\.json: format: not a Bao Studio project/,
    );
    expect(() => parseProject('{', 'x.json')).toThrow(/x\.json: not valid JSON/);
  });
});
