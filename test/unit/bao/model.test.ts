import { describe, expect, it } from 'vitest';
import {
  emptyProject,
  jsonLocator,
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
        /^bad\.baoproj:1:\d+: config\.vmlist\[0\]\.image\.base_addr: not a number/,
      );
      // The column is where the field's key stands in the text.
      const text = JSON.stringify(p);
      const column = Number(/^bad\.baoproj:1:(\d+):/.exec((e as Error).message)![1]);
      expect(text.slice(column - 1)).toMatch(/^"base_addr":"zz"/);
    }
  });

  it('rejects files that are not projects', () => {
    expect(() => parseProject('{"a":1}', 'x.json')).toThrow(
      /^x\.json:1:1: format: not a Bao Studio project/,
    );
    expect(() => parseProject('{\n  "format": "other"\n}', 'x.json')).toThrow(
      /^x\.json:2:3: format: not a Bao Studio project/,
    );
    expect(() => parseProject('[1, 2]', 'x.json')).toThrow(
      /^x\.json:1:1: not a Bao Studio project/,
    );
    expect(() => parseProject('{', 'x.json')).toThrow(/^x\.json:1:2: not valid JSON/);
    expect(() => parseProject('   \n', 'x.json')).toThrow(/^x\.json: the file is empty/);
  });

  it('gives JSON syntax errors a line and column', () => {
    // V8 names no position for an unexpected token; the place still comes out right.
    expect(() => parseProject('{\n  "format": x\n}', 'y.json')).toThrow(
      /^y\.json:2:13: not valid JSON: Unexpected token 'x'$/,
    );
    expect(() => parseProject('{\n  "a": 1,\n}', 'y.json')).toThrow(
      /^y\.json:3:1: not valid JSON: /,
    );
    expect(() => parseProject('\u007fELF\u0002\u0001\u0001\u0000', 'y.bin')).toThrow(
      /^y\.bin: not a project file \(binary data/,
    );
  });
});

describe('jsonLocator', () => {
  const text = serializeProject(emptyProject('qemu-riscv64-virt', 'v2', 'demo'));
  const locate = jsonLocator(text);
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('points at the key of a field', () => {
    const pos = locate(['target', 'platform']);
    expect(pos?.line).toBe(lineOf('"platform"'));
    expect(text.split('\n')[pos!.line - 1].slice(pos!.column - 1)).toMatch(/^"platform":/);
  });

  it('falls back to the nearest ancestor that is written', () => {
    expect(locate(['config', 'vmlist', 3, 'platform'])?.line).toBe(lineOf('"vmlist"'));
    expect(locate(['nothing'])).toBeUndefined();
  });
});
