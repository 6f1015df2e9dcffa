// Import of configs written in each style real Bao configs use (grammar_census.md).
import { describe, expect, it } from 'vitest';
import { fixture, imp, oneVm } from './helpers.js';

describe('v1.0 style: flexible vmlist, CONFIG_HEADER, XSTR paths', () => {
  const { project, warnings } = imp(fixture('v1-workshop-ipc.c'), {
    file: 'configs/v1-workshop-ipc.c',
  });
  const [bm, lnx] = project.config.vmlist;

  it('detects v1.0 from `.vmlist = {`', () => {
    expect(project.target.bao).toBe('v1.0');
    expect(project.target.platform).toBe('qemu-riscv64-virt');
    expect(project.name).toBe('v1-workshop-ipc');
    expect(warnings).toEqual([]);
  });

  it('imports the shared memory and both VMs', () => {
    expect(project.config.shmemlist).toEqual([{ size: 0x10000n }]);
    expect(project.config.shmemlist_size).toBeUndefined();
    expect(project.config.vmlist).toHaveLength(2);
    expect(bm.entry).toBe(0x80200000n);
    expect(bm.cpu_affinity).toBe(1n);
    expect(lnx.cpu_affinity).toBe(0xen);
    expect(lnx.platform.cpu_num).toBe(3);
    expect(lnx.platform.regions).toEqual([
      { base: 0x90000000n, size: 0x40000000n, place_phys: true, phys: 0x90000000n },
    ]);
  });

  it('keeps the raw XSTR path tokens of built-in images', () => {
    expect(bm.image).toEqual({
      source: 'builtin',
      name: 'bm_image',
      path: 'BUILD_DIR/guests/bare-metal+ipc/app.bin',
      path_style: 'xstr',
      base_addr: 0x80200000n,
      style: 'fields',
    });
    expect(lnx.image.path).toBe('BUILD_DIR/guests/linux-6.1.bin');
  });

  it('turns comments before elements into names', () => {
    expect(bm.meta?.name).toBe('Bare-metal control VM');
    expect(lnx.meta?.name).toBe('Linux VM');
    expect(bm.platform.devs[0].meta?.name).toBe('UART0 ns16550');
    expect(lnx.platform.devs[0].meta?.name).toBe('virtio-mmio slots');
    expect(bm.platform.ipcs[0].meta).toBeUndefined();
  });

  it('reads chained and nested designators of the irqc union alike', () => {
    expect(bm.platform.arch.irqc).toEqual({ plic: { base: 0xc000000n } });
    expect(lnx.platform.arch.irqc).toEqual({ plic: { base: 0xc000000n } });
    expect(lnx.platform.devs[0].interrupts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bm.platform.ipcs[0]).toEqual({
      base: 0xf0000000n,
      size: 0x10000n,
      shmem_id: 0,
      interrupts: [52],
    });
  });
});

describe('v2 style: compound vmlist, remote I/O, AIA, image macros', () => {
  const { project, warnings } = imp(fixture('v2-remio-aia.c'));
  const [be, fe] = project.config.vmlist;

  it('detects v2; a vIMSIC means AIA, which is already the v2 default on qemu-riscv64-virt', () => {
    expect(project.target.bao).toBe('v2');
    expect(project.target.irqc).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('reads the hypervisor block with binary literals and >32-bit values', () => {
    expect(project.config.hyp).toEqual({
      data_relocate: true,
      data_addr: 0x100000000n,
      colors: 0xfn,
    });
  });

  it('places index designators where they point, whatever their order', () => {
    expect(project.config.shmemlist).toEqual([
      { size: 0x1000000n, colors: 3n, reserved: false },
      { size: 0x800000n, place_phys: true, phys: 0xd8000000n },
    ]);
  });

  it('reads VM_IMAGE_BUILTIN and VM_IMAGE_LOADED with arithmetic', () => {
    expect(be.image).toEqual({
      source: 'builtin',
      name: 'backend',
      path: 'IMGS/linux_backend.bin',
      path_style: 'xstr',
      base_addr: 0x90200000n,
      style: 'macro',
    });
    expect(fe.image).toEqual({
      source: 'loaded',
      base_addr: 0x80000000n,
      load_addr: 0x88000000n,
      size: 0x200000n,
      style: 'macro',
    });
    expect(be.cpu_affinity).toBe(3n);
  });

  it('reads remote I/O devices with their enum types and comments', () => {
    expect(be.platform.remio_devs).toEqual([
      {
        interrupt: 36,
        bind_key: 7,
        type: 'REMIO_DEV_BACKEND',
        shmem: { base: 0xd0000000n, size: 0x1000000n, shmem_id: 0 },
      },
    ]);
    expect(fe.platform.remio_devs[0]).toMatchObject({
      va: 0xa003e00n,
      size: 0x200n,
      type: 'REMIO_DEV_FRONTEND',
      interrupt: 79,
      meta: { name: 'virtio-blk frontend' },
    });
    expect(be.platform.regions[0].reserved).toBe(true);
    expect(be.platform.arch.irqc).toEqual({
      aia: { aplic: { base: 0xd000000n }, imsic: { base: 0x28000000n } },
    });
    expect(fe.platform.arch.irqc).toEqual({ aia: { aplic: { base: 0xd000000n } } });
  });

  it('warns when asked for v1.0 while the file uses v2 syntax and v2 fields', () => {
    const r = imp(fixture('v2-remio-aia.c'), { bao: 'v1.0' });
    expect(r.project.target.bao).toBe('v1.0');
    const messages = r.warnings.map((w) => `${w.line}:${w.column} ${w.message}`);
    expect(messages.some((m) => /^21:15 .*v2 syntax.*imported for Bao v1\.0/.test(m))).toBe(true);
    expect(messages.some((m) => /^9:10 \.data_relocate exists only in Bao v2/.test(m))).toBe(true);
  });
});

describe('pre-v1.0 (v0.1) style', () => {
  const { project, warnings } = imp(fixture('v01-old.c'), { file: 'old/config.c' });
  const vm = project.config.vmlist[0];

  it('maps old struct names, uint64_t interrupts and .arch.plic_base', () => {
    expect(project.target.bao).toBe('v1.0');
    expect(project.name).toBe('old');
    expect(vm.platform.regions).toEqual([{ base: 0x80200000n, size: 0x8000000n }]);
    expect(vm.platform.devs.map((d) => [d.meta?.name, d.pa, d.interrupts])).toEqual([
      ['uart', 0x10000000n, [10]],
      ['rtc', 0x101000n, [11]],
    ]);
    expect(vm.platform.arch.irqc).toEqual({ plic: { base: 0xc000000n } });
    expect(vm.platform.cpu_num).toBe(2);
  });

  it('keeps a bare (unquoted, no XSTR) VM_IMAGE path', () => {
    expect(vm.image).toMatchObject({
      source: 'builtin',
      name: 'guest',
      path: '/opt/images/guest-v0.1.bin',
      path_style: 'bare',
    });
  });

  it('says once that old spellings were translated, where the first one is', () => {
    const old = warnings.filter((w) => w.message.includes('pre-v1.0'));
    expect(old).toHaveLength(1);
    expect(old[0]).toMatchObject({ file: 'old/config.c', line: 20, column: 29 });
    expect(old[0].message).toContain('and 4 more');
  });
});

describe('Armv8 with #defines, arithmetic, casts, GIC and SMMU', () => {
  const { project, warnings } = imp(fixture('armv8-defines.c'), { platform: 'zcu104' });
  const [lnx, rtos] = project.config.vmlist;

  it('evaluates #define constants, parentheses, + - * and casts', () => {
    expect(lnx.platform.regions).toEqual([
      { base: 0n, size: 0x3ff00000n },
      { base: 0x800000000n, size: 0x40000000n, colors: 0xf0n },
    ]);
    expect(lnx.platform.devs[1]).toMatchObject({
      pa: 0xff010000n,
      va: 0xff010000n,
      interrupts: [54],
    });
    expect(lnx.platform.devs[0].interrupts).toEqual([95, 96]);
    expect(lnx.colors).toBe(0x0f0f0f0fn);
    expect(lnx.cpu_affinity).toBe(0b1110n);
    expect(warnings).toEqual([]);
  });

  it('skips commented-out elements and names devices from comments', () => {
    expect(lnx.platform.devs.map((d) => d.meta?.name)).toEqual([
      'GEM3',
      'UART1',
      'Arch timer interrupt',
    ]);
    expect(lnx.platform.devs[0].id).toBe(0x877);
    expect(lnx.platform.devs[2]).toEqual({
      pa: 0n,
      va: 0n,
      size: 0n,
      interrupts: [27],
      meta: { name: 'Arch timer interrupt' },
    });
    expect(lnx.platform.dev_num).toBeUndefined();
    expect(lnx.meta?.name).toBe('Linux VM');
  });

  it('reads the vGIC and SMMU blocks and Armv8-R mmu', () => {
    expect(lnx.platform.arch.gic).toEqual({
      gicd_addr: 0xf9010000n,
      gicr_addr: 0xf9020000n,
      interrupt_num: 192,
    });
    expect(lnx.platform.arch.smmu).toEqual({
      global_mask: 0x7c00,
      groups: [{ mask: 0x7c00, id: 0x877 }],
    });
    expect(rtos.platform.arch.gic).toEqual({ gicd_addr: 0xf9010000n, gicc_addr: 0xf9020000n });
    expect(rtos.platform.mmu).toBe(true);
  });

  it('keeps string-literal and XSTR paths as written', () => {
    expect(rtos.image).toMatchObject({
      name: 'rtos',
      path: '/srv/images/freertos.bin',
      path_style: 'string',
    });
    expect(lnx.image).toMatchObject({ name: 'lnx', path: 'OUT/linux+dtb.bin', path_style: 'xstr' });
  });
});

describe('mismatched counts are imported as declared, not corrected', () => {
  const { project } = imp(fixture('mismatched-counts.c'));
  const vm = project.config.vmlist[0];

  it('keeps every declared count that differs from its list', () => {
    expect(project.config.shmemlist).toHaveLength(1);
    expect(project.config.shmemlist_size).toBe(3);
    expect(project.config.vmlist_size).toBeUndefined();
    expect(vm.platform.regions).toHaveLength(1);
    expect(vm.platform.region_num).toBe(2);
    expect(vm.platform.devs).toHaveLength(2);
    expect(vm.platform.dev_num).toBe(1);
    expect(vm.platform.devs[0].interrupts).toEqual([10]);
    expect(vm.platform.devs[0].interrupt_num).toBe(3);
    expect(vm.platform.devs[1].interrupt_num).toBeUndefined();
    expect(vm.platform.ipcs).toEqual([]);
    expect(vm.platform.ipc_num).toBeUndefined();
  });
});

describe('smaller constructs', () => {
  it('chained designators reach into the hypervisor block', () => {
    const { project } = imp(`#include <config.h>
      struct config config = {
        .hyp.relocate = true,
        .hyp.base_addr = 0xA0000000,
        .vmlist_size = 0,
        .vmlist = (struct vm_config[]) { },
      };`);
    expect(project.config.hyp).toEqual({ relocate: true, base_addr: 0xa0000000n });
    expect(project.config.vmlist).toEqual([]);
  });

  it('index designators continue positionally, chained index designators fill fields', () => {
    const { project } = imp(`#include <config.h>
      struct config config = {
        .shmemlist = (struct shmem[]) { [1] = { .size = 0x2000 }, { .size = 0x3000 }, [0].size = 0x1000 },
        .vmlist = (struct vm_config[]) {},
      };`);
    expect(project.config.shmemlist.map((s) => s.size)).toEqual([0x1000n, 0x2000n, 0x3000n]);
  });

  it('reads TriCore GPSR groups (v2) and the demos SMC pass-through patch', () => {
    const { project, warnings } = imp(
      oneVm(`.cpu_num = 1,
        .arch = {
          .gpsr_num = 2,
          .gpsr_groups = (unsigned long int[]){1},
          .smc_passthrough = { .num = 2, .smcs = (size_t[]) {0xc2000000, 0x84000050} },
        },`),
    );
    const arch = project.config.vmlist[0].platform.arch;
    expect(arch.gpsr_groups).toEqual([1]);
    expect(arch.gpsr_num).toBe(2);
    expect(arch.smc_passthrough).toEqual({ smcs: [0xc2000000n, 0x84000050n] });
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(
        '.smc_passthrough (the bao-demos armv8 SMC pass-through patch) is not in upstream Bao',
      ),
    ]);
  });

  it('reads explicit separately loaded images, inplace and NULL interrupt lists', () => {
    const { project } = imp(
      oneVm(
        `.cpu_num = 1,
         .devs = (struct vm_dev_region[]) { { .pa = 0x1000, .va = 0x1000, .size = 0x1000, .interrupt_num = 0, .interrupts = NULL } },`,
      ).replace(
        '.image = VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000)',
        '.image = { .base_addr = 0x80000000, .load_addr = 0x20000000, .size = 148*1024, .separately_loaded = true, .inplace = true }',
      ),
    );
    const vm = project.config.vmlist[0];
    expect(vm.image).toEqual({
      source: 'loaded',
      base_addr: 0x80000000n,
      load_addr: 0x20000000n,
      size: 148n * 1024n,
      inplace: true,
      style: 'fields',
    });
    expect(vm.platform.devs[0].interrupts).toEqual([]);
    expect(vm.platform.devs[0].interrupt_num).toBeUndefined();
  });

  it('accepts integer suffixes, mixed-case hex, ~ and shifts', () => {
    const { project } = imp(
      oneVm('.cpu_num = 1,', '.cpu_affinity = 0x0000aBcDUL & ~(1 << 0), .colors = 1ull << 40,'),
    );
    expect(project.config.vmlist[0].cpu_affinity).toBe(0xabccn);
    expect(project.config.vmlist[0].colors).toBe(1n << 40n);
  });

  it('uses the name given in the options and the platform verbatim', () => {
    const { project } = imp(oneVm('.cpu_num = 1,'), {
      name: 'my board',
      platform: 'fvp-r',
      bao: 'v2',
    });
    expect(project.name).toBe('my board');
    expect(project.target).toEqual({ bao: 'v2', platform: 'fvp-r' });
  });

  it('takes the first line that is not code as the name and keeps every other line', () => {
    const { project } = imp(
      oneVm(`.cpu_num = 1,
        .devs = (struct vm_dev_region[]) {
          // .id = 3,
          /* UART3 */
          {
            /* The console UART. It is shared with the bootloader, so keep its
               clock enabled. */
            .pa = 0x3000, .va = 0x3000, .size = 0x100 },
          {
            /* A long explanation that reads as prose rather than as the device's name.
               Second line. */
            // GPIO
            .pa = 0x4000, .va = 0x4000, .size = 0x100 },
        },`),
    );
    const [uart, gpio] = project.config.vmlist[0].platform.devs;
    expect(uart.meta).toEqual({
      name: 'UART3',
      comment:
        '.id = 3,\nThe console UART. It is shared with the bootloader, so keep its\nclock enabled.',
    });
    // Prose first: no name is guessed from later lines (a re-import reads the same lines alike).
    expect(gpio.meta).toEqual({
      comment:
        "A long explanation that reads as prose rather than as the device's name.\nSecond line.\nGPIO",
    });
  });

  it('warns about VM_IMAGEs no VM uses and fields initialized twice', () => {
    const { warnings } = imp(
      `VM_IMAGE(spare, XSTR(a.bin))\n` + oneVm('.cpu_num = 1, .cpu_num = 2,'),
    );
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(/^11: \.cpu_num is initialized twice/),
      expect.stringMatching(/^1: VM_IMAGE\(spare, \.\.\.\) is not used/),
    ]);
  });
});

describe('source text details', () => {
  it('reads CRLF line endings, a byte-order mark and tabs, and reports columns in them', () => {
    const text =
      '\uFEFF#include <config.h>\r\nstruct config config = {\r\n\t.vmlist_size = 1,\r\n\t.vmlist = (struct vm_config[]) { { .entry = 0x10, .image = VM_IMAGE_LOADED(0, 0, 0) } },\r\n};\r\n';
    expect(imp(text).project.config.vmlist[0].entry).toBe(0x10n);
    try {
      imp(text.replace('.entry', '.entyr'));
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^test\.c:4:38: struct vm_config has no field 'entyr'/);
    }
  });

  it('keeps positions right after multi-line comments and #define continuation lines', () => {
    const text = `/* one
       two */ #define BASE \\
         0x1000
/* three
*/ struct config config = { .hyp = { .colors = BASE + }, };`;
    try {
      imp(text);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/^test\.c:5:55: expected a value, found '}'/);
    }
  });

  it('drops comments inside a VM_IMAGE path and collapses its whitespace as XSTR does', () => {
    const { project } = imp(
      'VM_IMAGE(g, XSTR(IMGS/ /* the guest */ guest.bin)) VM_IMAGE(h, /srv/h.bin // bare\n);\n' +
        oneVm('.cpu_num = 1,')
          .replace('VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000)', 'VM_IMAGE_BUILTIN(g, 0x0)')
          .replace('.vmlist_size = 1,', '.vmlist_size = 2,')
          .replace(
            '.entry = 0x80000000,',
            '.entry = 0x80000000, }, { .image = VM_IMAGE_BUILTIN(h, 0), .platform = {}, ',
          ),
    );
    expect(project.config.vmlist.map((v) => v.image.path)).toEqual([
      'IMGS/ guest.bin',
      '/srv/h.bin',
    ]);
  });
});

describe('guest kind', () => {
  it('is guessed from the image identifier, file name or VM name', () => {
    const kinds = (file: string) =>
      imp(fixture(file)).project.config.vmlist.map((v) => v.meta?.guest);
    // bm_image/app.bin say nothing: the VM's name "Bare-metal control VM" does; linux-6.1.bin.
    expect(kinds('v1-workshop-ipc.c')).toEqual(['baremetal', 'linux']);
    // linux_backend.bin; a loaded image in an unnamed VM: no guess rather than a wrong one.
    expect(kinds('v2-remio-aia.c')).toEqual(['linux', undefined]);
    expect(kinds('armv8-defines.c')).toEqual(['linux', 'freertos']);
  });

  it('prefers the image file name to the directories of its path', () => {
    const { project } = imp(
      'VM_IMAGE(rtos, XSTR(IMGS/guests/baremetal-linux-setup/free-rtos.bin))\n' +
        oneVm('.cpu_num = 1,').replace(
          'VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000)',
          'VM_IMAGE_BUILTIN(rtos, 0x0)',
        ),
    );
    expect(project.config.vmlist[0].meta).toEqual({ guest: 'freertos' });
  });
});

describe('comments at the end of a line', () => {
  it('belong to the element that ends on that line', () => {
    const { project } = imp(
      oneVm(`.cpu_num = 1,
        .regions = (struct vm_mem_region[]) {
          { .base = 0x80000000, .size = 0x1000 }, // SRAM
          { .base = 0x90000000, .size = 0x1000 }, /* DRAM */ /* cached */
          /* Flash */
          { .base = 0xa0000000, .size = 0x1000 } // XIP
        },`),
    );
    expect(project.config.vmlist[0].platform.regions.map((r) => r.meta)).toEqual([
      { name: 'SRAM' },
      { name: 'DRAM', comment: 'cached' },
      { name: 'Flash', comment: 'XIP' },
    ]);
  });
});

describe('RISC-V IRQC build choice', () => {
  const aplicOnly = oneVm('.cpu_num = 1, .arch = { .irqc.aia.aplic.base = 0xd000000 },');
  const withImsic = oneVm(
    '.cpu_num = 1, .arch = { .irqc.aia = { .aplic.base = 0xd000000, .imsic.base = 0x28000000 } },',
  );
  const plic = oneVm('.cpu_num = 1, .arch = { .irqc.plic.base = 0xc000000 },');

  it('is recorded when the config implies a choice other than the default', () => {
    expect(imp(aplicOnly).project.target.irqc).toBe('APLIC');
    expect(imp(aplicOnly, { bao: 'v1.0' }).project.target.irqc).toBe('APLIC');
    expect(imp(withImsic, { bao: 'v2' }).project.target.irqc).toBeUndefined();
  });

  it('is left to the platform when the choice is not offered, unknown or PLIC-style', () => {
    // AIA (vIMSIC) does not exist in v1.0: validation reports the v2-only field instead.
    expect(imp(withImsic, { bao: 'v1.0' }).project.target.irqc).toBeUndefined();
    expect(imp(aplicOnly, { platform: 'not-a-platform' }).project.target.irqc).toBeUndefined();
    expect(imp(aplicOnly, { platform: 'zcu104' }).project.target.irqc).toBeUndefined();
    expect(imp(plic).project.target.irqc).toBeUndefined();
  });
});

describe('image macros amended by designators', () => {
  it('a field set after VM_IMAGE_BUILTIN makes the image explicit fields', () => {
    const { project } = imp(
      'VM_IMAGE(g, XSTR(g.bin))\n' +
        oneVm('.cpu_num = 1,').replace(
          '.image = VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000),',
          '.image = VM_IMAGE_BUILTIN(g, 0x80000000), .image.inplace = true,',
        ),
    );
    expect(project.config.vmlist[0].image).toMatchObject({
      source: 'builtin',
      name: 'g',
      inplace: true,
      style: 'fields',
    });
  });
});
