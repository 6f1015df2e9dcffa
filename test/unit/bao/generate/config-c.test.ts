// config.c generation: the version differences, counts, image styles and comments.
import { describe, expect, it } from 'vitest';
import { newProjectFromExample } from '../../../../assets/examples/index.js';
import { generateConfigC } from '../../../../core/bao/generate/index.js';
import { importConfigC } from '../../../../core/bao/import/index.js';
import { EXAMPLES } from '../../../../assets/examples/index.js';
import { riscvKitchenSink } from './fixtures.js';

/** The text after the leading header comment (which names the project, not the config). */
const body = (c: string) => c.slice(c.indexOf('#include'));

describe('generateConfigC', () => {
  it('writes vmlist as a flexible array for v1.0 and a compound literal for v2', () => {
    const p = newProjectFromExample('baremetal');
    expect(generateConfigC(p, { bao: 'v1.0' })).toMatch(/\n {4}\.vmlist = \{\n/);
    expect(generateConfigC(p, { bao: 'v2' })).toMatch(
      /\n {4}\.vmlist = \(struct vm_config\[\]\) \{\n/,
    );
  });

  it('leaves v2-only fields out of a v1.0 config and writes them for v2', () => {
    const v2 = generateConfigC(riscvKitchenSink('v2'), { bao: 'v2' });
    const v1 = generateConfigC(riscvKitchenSink('v2'), { bao: 'v1.0' });
    for (const field of [
      '.remio_devs',
      '.data_relocate',
      '.data_addr',
      '.reserved',
      '.imsic.base',
    ]) {
      expect(v2).toContain(field);
      expect(v1).not.toContain(field);
    }
  });

  it('writes declared counts that disagree with their lists as declared', () => {
    const c = generateConfigC(riscvKitchenSink('v2'));
    const rtos = c.slice(c.indexOf('/* rtos */'));
    expect(rtos).toContain('.region_num = 2,');
    expect(rtos).toContain('.interrupt_num = 2,\n');
    expect(rtos).toContain('.interrupts = (irqid_t[]) {52},');
    expect(rtos).toMatch(/\.dev_num = 1,\n\n\s+\.arch/); // a count with no list
  });

  it('writes counts from the lists otherwise', () => {
    const c = generateConfigC(newProjectFromExample('baremetal-linux'));
    expect(c).toContain('.vmlist_size = 2,');
    expect(c).toContain('.interrupt_num = 8,\n');
    expect(c).toContain('.interrupts = (irqid_t[]) {1, 2, 3, 4, 5, 6, 7, 8},');
    expect(c).not.toContain('shmemlist');
    expect(c).not.toContain('ipc_num');
  });

  it('writes VM_IMAGE per builtin image and the image macros', () => {
    const c = generateConfigC(riscvKitchenSink('v2'));
    expect(c).toContain('VM_IMAGE(rtos_image, "/abs/path/rtos.bin")\n');
    expect(c).toContain('.image = VM_IMAGE_LOADED(0x90200000, 0x90200000, 0x2000000),');
    expect(c).toContain('.load_addr = VM_IMAGE_OFFSET(rtos_image),');
    const ex = generateConfigC(newProjectFromExample('baremetal-linux'));
    expect(ex).toContain('VM_IMAGE(linux_image, XSTR(BAO_WRKDIR_IMGS/linux.bin))\n');
    expect(ex).toContain('.image = VM_IMAGE_BUILTIN(linux_image, 0x90200000),');
  });

  it('derives image names and paths for VMs that have none, unique per file', () => {
    const p = newProjectFromExample('baremetal-linux');
    for (const vm of p.config.vmlist) {
      delete vm.image.name;
      delete vm.image.path;
      vm.meta = { name: 'same name' };
    }
    const c = generateConfigC(p);
    expect(c).toContain('VM_IMAGE(same_name_image, XSTR(BAO_WRKDIR_IMGS/same_name.bin))');
    expect(c).toContain('VM_IMAGE(same_name_image_1, XSTR(BAO_WRKDIR_IMGS/same_name_1.bin))');
  });

  it('names elements in comments and keeps comment terminators out', () => {
    const c = generateConfigC(riscvKitchenSink('v2'));
    expect(c).toMatch(/\{\n\s+\/\* RTC \*\/\n\s+\/\* goldfish \*\/\n\s+\.pa = 0x101000,/);
    expect(c).toContain('Every field * / and');
    expect(c.match(/\*\//g)!.length).toBe(c.match(/\/\*/g)!.length);
  });

  it('indents with 4 spaces, never tabs', () => {
    const c = generateConfigC(riscvKitchenSink('v2'));
    expect(c).not.toContain('\t');
    for (const line of c.split('\n').filter((l) => !l.startsWith(' *')))
      expect(/^( *)/.exec(line)![1].length % 4).toBe(0);
  });
});

describe('import → generate → import (with the config.c importer)', () => {
  const cases = EXAMPLES.flatMap((e) =>
    (['v1.0', 'v2'] as const).map((bao) => [e.name, bao] as const),
  );

  it.each(cases)('%s for Bao %s reads back to the same model and the same text', (name, bao) => {
    const project = newProjectFromExample(name);
    const c1 = generateConfigC(project, { bao });
    const { project: back } = importConfigC(c1, {
      file: 'config.c',
      platform: 'qemu-riscv64-virt',
    });
    expect(back.target.bao).toBe(bao); // detected from the vmlist syntax
    expect(body(generateConfigC(back))).toBe(body(c1));
    // Bao data equal; guest kinds and boot arguments are not in config.c.
    const strip = (p: typeof project) =>
      JSON.parse(
        JSON.stringify(p.config, (k, v) =>
          typeof v === 'bigint'
            ? v.toString(16)
            : ['guest', 'bootargs', 'stdoutDev', 'style', 'path_style'].includes(k)
              ? undefined
              : v,
        ),
      );
    expect(strip(back)).toEqual(strip(project));
  });

  it('keeps the kitchen sink (declared counts, loaded and field-style images, remio, AIA)', () => {
    const c1 = generateConfigC(riscvKitchenSink('v2'));
    const { project: back } = importConfigC(c1, {
      file: 'k.c',
      platform: 'qemu-riscv64-virt',
      bao: 'v2',
    });
    expect(body(generateConfigC(back))).toBe(body(c1));
  });
});
