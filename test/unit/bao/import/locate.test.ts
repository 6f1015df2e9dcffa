// Where imported elements were written: validation of a config.c points at file:line:column.
import { describe, expect, it } from 'vitest';
import { imp } from './helpers.js';

const text = [
  '#include <config.h>', // 1
  'struct config config = {', // 2
  '    .shmemlist_size = 1,', // 3
  '    .shmemlist = (struct shmem[]) { [0] = { .size = 0x10000 } },', // 4
  '    .vmlist_size = 1,', // 5
  '    .vmlist = (struct vm_config[]) {', // 6
  '        { // guest', // 7
  '            .image = VM_IMAGE_LOADED(0x80200000, 0x80200000, 0x1000),', // 8
  '            .entry = 0x80200000,', // 9
  '            .platform = {', // 10
  '                .cpu_num = 1,', // 11
  '                .dev_num = 2,', // 12
  '                .devs = (struct vm_dev_region[]) {', // 13
  '                    { .pa = 0x10000000, .va = 0x10000000, .size = 0x1000,', // 14
  '                      .interrupt_num = 1, .interrupts = (irqid_t[]) {10} },', // 15
  '                },', // 16
  '                .arch = { .irqc.plic.base = 0xc000000 },', // 17
  '            },', // 18
  '        },', // 19
  '    },', // 20
  '};', // 21
].join('\n');

describe('import locate()', () => {
  const { locate } = imp(text);
  const line = (path: (string | number)[]) => locate(path)?.line;

  it('finds fields, list elements and scalar array entries where they are written', () => {
    expect(line(['config', 'vmlist', 0, 'platform', 'dev_num'])).toBe(12);
    expect(line(['config', 'vmlist', 0, 'platform', 'devs', 0, 'pa'])).toBe(14);
    expect(line(['config', 'vmlist', 0, 'platform', 'devs', 0, 'interrupts', 0])).toBe(15);
    expect(line(['config', 'vmlist', 0, 'platform', 'arch', 'irqc', 'plic', 'base'])).toBe(17);
    expect(line(['config', 'shmemlist', 0, 'size'])).toBe(4);
    // A scalar field points at its value, as a compiler's initializer messages do.
    expect(locate(['config', 'vmlist', 0, 'entry'])).toEqual({ line: 9, column: 22 });
  });

  it('falls back to the nearest written ancestor for model-only fields', () => {
    expect(line(['config', 'vmlist', 0, 'image', 'source'])).toBe(8);
    expect(line(['config', 'vmlist', 0, 'platform', 'region_num'])).toBe(10);
    expect(line(['config', 'vmlist', 0, 'meta', 'name'])).toBe(7);
  });

  it('has no place for what a config.c does not hold', () => {
    expect(locate(['target', 'platform'])).toBeUndefined();
  });
});
