// Malformed configs: each gives one ConfigParseError naming file:line:column and what is wrong.
import { describe, expect, it } from 'vitest';
import { ConfigParseError } from '../../../../core/bao/import/index.js';
import { imp, oneVm } from './helpers.js';

function errorOf(text: string): ConfigParseError {
  try {
    imp(text, { file: 'cfg/bad.c' });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigParseError);
    return e as ConfigParseError;
  }
  throw new Error('expected a ConfigParseError');
}

// oneVm() puts the platform body on line 10, starting at column 9.
const cases: [string, string, number, number, RegExp][] = [
  [
    'unknown field',
    oneVm('.cpu_num = 1, .dev_nums = 2,'),
    10,
    24,
    /struct vm_platform has no field 'dev_nums' \(did you mean 'dev_num'\?\)/,
  ],
  [
    'missing comma between fields',
    oneVm('.cpu_num = 1\n .region_num = 0,'),
    11,
    2,
    /expected ',' or '}' after an initializer, found '\.'/,
  ],
  [
    'unterminated comment',
    'struct config config = {\n  /* never closed\n};',
    2,
    3,
    /unterminated \/\* comment/,
  ],
  [
    'value too large for irqid_t',
    oneVm('.devs = (struct vm_dev_region[]) { { .interrupts = (irqid_t[]){ 0x100000000 } } },'),
    10,
    73,
    /0x100000000 does not fit in irqid_t \(32 bits\)/,
  ],
  [
    'literal beyond 64 bits',
    oneVm('.cpu_num = 0x10000000000000000,'),
    10,
    20,
    /0x10000000000000000 does not fit in 64 bits/,
  ],
  [
    'negative result of arithmetic',
    oneVm('.regions = (struct vm_mem_region[]) { { .size = 0x1000 - 0x2000 } },'),
    10,
    64,
    /0x1000 - 0x2000 is negative/,
  ],
  [
    'struct given a number',
    oneVm('.arch = 5,'),
    10,
    17,
    /expected \{ \.\.\. \} for struct arch_vm_platform, found '5'/,
  ],
  [
    'number given a struct',
    oneVm('.cpu_num = { 1, 2 },'),
    10,
    20,
    /expected a size_t value, found \{ \.\.\. \}/,
  ],
  [
    'wrong compound literal type',
    oneVm('.devs = (struct vm_mem_region[]) { },'),
    10,
    18,
    /\.devs holds struct vm_dev_region elements, found \(struct vm_mem_region\[\]\)/,
  ],
  [
    'pointer field with plain braces',
    oneVm('.regions = { { .base = 0 } },'),
    10,
    20,
    /\.regions is a pointer: initialize it with a compound literal \(struct vm_mem_region\[\]\)/,
  ],
  ['unknown identifier', oneVm('.cpu_num = NUM_CPUS,'), 10, 20, /unknown identifier 'NUM_CPUS'/],
  [
    'undeclared image',
    oneVm('.cpu_num = 1,').replace(
      'VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000)',
      'VM_IMAGE_BUILTIN(ghost, 0x0)',
    ),
    6,
    33,
    /no VM_IMAGE\(ghost, \.\.\.\) is declared/,
  ],
  ['unknown macro', oneVm('.cpu_num = MAX(1, 2),'), 10, 20, /unknown macro MAX\(\.\.\.\)/],
  [
    'missing semicolon after the config',
    'struct config config = { }\nVM_IMAGE(a, XSTR(a.bin))',
    2,
    1,
    /expected ';' after the closing '}'/,
  ],
  [
    'truncated file',
    'struct config config = {\n  .vmlist_size = 1,\n  .vmlist = (struct vm_config[]) {\n',
    4,
    1,
    /expected a value, found end of file|found end of file/,
  ],
  [
    'no config at all',
    '#include <config.h>\nVM_IMAGE(a, XSTR(a.bin))\n',
    3,
    1,
    /no 'struct config config = \{ \.\.\. \};' in the file/,
  ],
  [
    'stray token at top level',
    'int x = 3;\nstruct config config = { };',
    1,
    1,
    /unexpected 'int' at top level/,
  ],
  [
    'preprocessor conditional',
    '#ifdef FOO\nstruct config config = { };\n#endif',
    1,
    1,
    /#ifdef: preprocessor conditionals are not supported/,
  ],
  [
    'bad #define used as a value',
    '#define BASE 0x1000 +\n' + oneVm('.cpu_num = BASE,'),
    11,
    20,
    /BASE \(defined at line 1\) is not usable as a value: expected a value, found end of file/,
  ],
  [
    'self-referencing #define',
    '#define A (B + 1)\n#define B A\n' + oneVm('.cpu_num = A,'),
    12,
    20,
    /A refers to itself \(A → B → A\)/,
  ],
  [
    'positional struct fields',
    oneVm('.regions = (struct vm_mem_region[]) { { 0x1000, 0x2000 } },'),
    10,
    49,
    /positional initializer in struct vm_mem_region/,
  ],
  [
    'bool given an enum',
    oneVm('.mmu = REMIO_DEV_BACKEND,'),
    10,
    16,
    /expected true or false, found REMIO_DEV_BACKEND/,
  ],
  [
    'image offset of another image',
    'VM_IMAGE(a, XSTR(a))\nVM_IMAGE(b, XSTR(b))\n' +
      oneVm('.cpu_num = 1,').replace(
        'VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000)',
        '{ .load_addr = VM_IMAGE_OFFSET(a), .size = VM_IMAGE_SIZE(b) }',
      ),
    8,
    73,
    /\.load_addr uses image 'a' but \.size uses 'b'/,
  ],
  ['float literal', oneVm('.cpu_num = 1.5,'), 10, 20, /'1\.5' is not an integer literal/],
  [
    'index too large',
    'struct config config = { .shmemlist = (struct shmem[]) { [100000000] = { .size = 1 } } };',
    1,
    59,
    /array index 100000000 is too large/,
  ],
];

describe('malformed configs give file:line:column errors', () => {
  for (const [what, text, line, column, message] of cases) {
    it(what, () => {
      const e = errorOf(text);
      expect(e.internal).toBe(false);
      expect(e.detail).toMatch(message);
      expect({ file: e.file, line: e.line, column: e.column }).toEqual({
        file: 'cfg/bad.c',
        line,
        column,
      });
      expect(e.message).toBe(`cfg/bad.c:${line}:${column}: ${e.detail}`);
    });
  }

  it('reports a self-referencing #define at its use', () => {
    const e = errorOf('#define A (B + 1)\n#define B A\n' + oneVm('.cpu_num = A,'));
    expect(e.detail).toMatch(/refers to itself/);
  });
});
