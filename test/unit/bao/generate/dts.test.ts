// Linux guest device trees: what each node says (from the model and the platform inventory),
// and that the real dtc compiles every generated tree without a single warning.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, newProjectFromExample } from '../../../../assets/examples/index.js';
import { generateGuestDts, generateProjectFiles } from '../../../../core/bao/generate/index.js';
import type { Project } from '../../../../core/bao/model/index.js';
import { compileDts, findDtc, parseDtcMessages } from '../../../../toolchain/dtc.js';
import { armProject, riscvKitchenSink } from './fixtures.js';

const dtc = await findDtc();
if (!dtc) console.warn('skipping dtc compile tests: dtc is not on the PATH');

/** The body of the node whose header line matches `head`. */
function node(dts: string, head: RegExp): string {
  const lines = dts.split('\n');
  const start = lines.findIndex((l) => head.test(l));
  expect(start, `node ${head}`).toBeGreaterThanOrEqual(0);
  const indent = /^\t*/.exec(lines[start])![0];
  const end = lines.findIndex((l, i) => i > start && l === `${indent}};`);
  return lines.slice(start, end + 1).join('\n');
}

describe('workshop setup V (bare-metal + Linux + IPC), Linux VM', () => {
  const project = newProjectFromExample('baremetal-linux-shmem');
  const dts = generateGuestDts(project, 1);

  it('has one cpu per vCPU, each with its interrupt controller', () => {
    const cpus = [...dts.matchAll(/cpu@(\d+) \{/g)].map((m) => Number(m[1]));
    expect(cpus).toEqual([0, 1, 2]);
    expect(dts).toMatch(/riscv,isa = "rv64imafdc/);
    expect(dts).toContain('mmu-type = "riscv,sv39";');
    expect(dts.match(/compatible = "riscv,cpu-intc";/g)).toHaveLength(3);
  });

  it('describes its memory region at its guest address', () => {
    expect(node(dts, /memory@90000000/)).toContain('reg = <0x0 0x90000000 0x0 0x40000000>;');
    expect(dts.match(/device_type = "memory"/g)).toHaveLength(1);
  });

  it('has the virtual PLIC at the VM address, M and S contexts per vCPU', () => {
    const plic = node(dts, /plic: interrupt-controller@c000000/);
    expect(plic).toContain('"riscv,plic0"');
    expect(plic).toMatch(
      /&cpu0_intc 11 &cpu0_intc 9\s+&cpu1_intc 11 &cpu1_intc 9\s+&cpu2_intc 11 &cpu2_intc 9>/,
    );
    expect(plic).toContain('riscv,ndev = <95>;');
  });

  it('splits the 0x8000 virtio window into QEMU virt’s eight slots with their irqs', () => {
    for (let i = 0; i < 8; i++) {
      const addr = (0x10001000 + i * 0x1000).toString(16);
      const n = node(dts, new RegExp(`virtio_mmio@${addr} \\{`));
      expect(n).toContain(`reg = <0x0 0x${addr} 0x0 0x1000>;`);
      expect(n).toContain(`interrupts = <${i + 1}>;`);
      expect(n).toContain('compatible = "virtio,mmio";');
    }
  });

  it('has a bao,ipcshmem node with the shared memory, channels, irq 52 and id', () => {
    const ipc = node(dts, /bao-ipc@f0000000/);
    expect(ipc).toContain('compatible = "bao,ipcshmem";');
    expect(ipc).toContain('reg = <0x0 0xf0000000 0x0 0x10000>;');
    // The workshop's bare-metal guest writes at offset 0 and reads at 0x2000.
    expect(ipc).toContain('read-channel = <0x0 0x2000>;');
    expect(ipc).toContain('write-channel = <0x2000 0x2000>;');
    expect(ipc).toContain('interrupts = <52>;');
    expect(ipc).toContain('id = <0>;');
  });

  it('boots on the virtio console', () => {
    expect(node(dts, /chosen \{/)).toContain('bootargs = "console=hvc0";');
  });

  it('points /chosen at an initramfs when the loader places one', () => {
    const dts = generateGuestDts(project, 1, {
      initrd: { start: 0x92a00000n, end: 0x92b00191n },
    });
    const chosen = node(dts, /chosen \{/);
    expect(chosen).toContain('linux,initrd-start = <0x0 0x92a00000>;');
    expect(chosen).toContain('linux,initrd-end = <0x0 0x92b00191>;');
  });

  it('halves the shared memory when asked', () => {
    const halves = generateGuestDts(project, 1, { ipcChannelSize: 'halves' });
    expect(halves).toContain('read-channel = <0x0 0x8000>;');
    expect(halves).toContain('write-channel = <0x8000 0x8000>;');
  });
});

describe('other shapes', () => {
  it('two Linux VMs on one shared memory read each other’s write channel', () => {
    const p = newProjectFromExample('baremetal-linux-shmem');
    p.config.vmlist[0].meta = { name: 'linux-a', guest: 'linux' };
    const a = node(generateGuestDts(p, 0), /bao-ipc@/);
    const b = node(generateGuestDts(p, 1), /bao-ipc@/);
    expect(a).toContain('read-channel = <0x0 0x2000>;');
    expect(b).toContain('read-channel = <0x2000 0x2000>;');
    expect(b).toContain('write-channel = <0x0 0x2000>;');
  });

  it('AIA: IMSIC + APLIC (msi-parent), two-cell interrupts, UART as stdout, RTC, remote I/O frontend', () => {
    const dts = generateGuestDts(riscvKitchenSink('v2', 'AIA'), 0);
    expect(node(dts, /imsic: interrupt-controller@28000000/)).toContain(
      'reg = <0x0 0x28000000 0x0 0x2000>;',
    );
    expect(node(dts, /aplic: interrupt-controller@d000000/)).toContain('msi-parent = <&imsic>;');
    const uart = node(dts, /uart0: serial@10000000/);
    expect(uart).toContain('compatible = "ns16550a";');
    expect(uart).toContain('interrupts = <10 0x4>;');
    expect(node(dts, /rtc@101000/)).toContain('"google,goldfish-rtc"');
    expect(node(dts, /virtio_mmio@a0000000/)).toContain('interrupts = <40 0x4>;');
    const generic = node(dts, /device@30000000/);
    expect(generic).toContain('reg = <0x0 0x30000000 0x0 0x1000>;');
    expect(generic).not.toMatch(/compatible =/);
    expect(node(dts, /chosen/)).toContain('stdout-path = &uart0;');
    expect(dts).toContain('bootargs = "console=ttyS0 quiet";');
  });

  it('APLIC without IMSIC delivers directly to each hart', () => {
    const dts = generateGuestDts(riscvKitchenSink('v1.0', 'APLIC'), 0);
    expect(dts).not.toContain('imsic');
    expect(node(dts, /aplic: interrupt-controller@d000000/)).toContain(
      'interrupts-extended = <&cpu0_intc 9 &cpu1_intc 9>;',
    );
  });

  it('Arm GICv3: PSCI cpus, GIC at the VM addresses, timer, PL011 with SPI cells', () => {
    const dts = generateGuestDts(armProject('v3'), 0);
    expect(dts.match(/enable-method = "psci";/g)).toHaveLength(2);
    expect(node(dts, /psci \{/)).toContain('method = "smc";');
    const gic = node(dts, /gic: interrupt-controller@8000000/);
    expect(gic).toContain('"arm,gic-v3"');
    expect(gic).toMatch(/0x0 0x80a0000 0x0 0x40000>/); // 2 vCPUs x 128 KiB redistributors
    expect(node(dts, /timer \{/)).toContain('"arm,armv8-timer"');
    const uart = node(dts, /uart0: serial@9000000/);
    expect(uart).toContain('compatible = "arm,pl011", "arm,primecell";');
    expect(uart).toContain('interrupts = <0x0 0x1 0x4>;'); // INTID 33 = SPI 1
    expect(node(dts, /virtio_mmio@a003e00/)).toContain('interrupts = <0x0 0x2f 0x4>;'); // 79
    expect(dts).toContain('bootargs = "earlycon console=ttyAMA0";');
  });

  it('Arm GICv2: distributor and CPU interface', () => {
    const gic = node(generateGuestDts(armProject('v2'), 0), /gic: interrupt-controller@8000000/);
    expect(gic).toContain('"arm,cortex-a15-gic"');
    expect(gic).toMatch(/0x0 0x8000000 0x0 0x1000\s+0x0 0x8010000 0x0 0x2000>/);
  });

  it('without a platform inventory, a named UART and virtio window still get their drivers', () => {
    const dts = generateGuestDts(newProjectFromExample('baremetal-linux'), 1, { platform: null });
    expect(dts.match(/compatible = "virtio,mmio";/g)).toHaveLength(8);
  });

  it('refuses a VM index that does not exist', () => {
    expect(() => generateGuestDts(newProjectFromExample('baremetal'), 3)).toThrow(/no VM 3/);
  });
});

const allTrees: [string, Project, number][] = [
  ...EXAMPLES.flatMap((e) => {
    const p = newProjectFromExample(e.name);
    return generateProjectFiles(p)
      .filter((f) => f.kind === 'dts')
      .map((f) => [`${e.name}/${f.path}`, p, f.vmIndex!] as [string, Project, number]);
  }),
  ['kitchen sink AIA', riscvKitchenSink('v2', 'AIA'), 0],
  ['kitchen sink APLIC', riscvKitchenSink('v1.0', 'APLIC'), 0],
  ['kitchen sink PLIC', riscvKitchenSink('v2', 'PLIC'), 0],
  ['arm GICv3', armProject('v3'), 0],
  ['arm GICv2', armProject('v2'), 0],
];

describe.skipIf(!dtc)('dtc compiles every generated tree cleanly', () => {
  it.each(allTrees)('%s', async (_name, project, vm) => {
    const result = await compileDts(generateGuestDts(project, vm));
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    // A flattened device tree starts with the magic 0xd00dfeed.
    expect(Buffer.from(result.dtb!.subarray(0, 4)).toString('hex')).toBe('d00dfeed');
  });

  it('reports dtc errors with their line and column', async () => {
    const bad = '/dts-v1/;\n/ {\n\tnode {\n\t\tp = <&missing>;\n\t};\n};\n';
    const result = await compileDts(bad);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 3, // dtc names the node holding the bad reference
      check: 'phandle_references',
    });
    const syntax = await compileDts('/dts-v1/;\n/ {\n\tx = <1>\n\ty = <2>;\n};\n');
    expect(syntax.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 4,
      message: 'syntax error',
    });
  });
});

describe('dtc message parsing', () => {
  it('reads located warnings, errors and summaries', () => {
    const diags = parseDtcMessages(
      [
        '<stdin>:23.36-27.6: Warning (interrupt_provider): /cpus/cpu@0/interrupt-controller: Missing #address-cells in interrupt provider',
        'Error: <stdin>:4.3-4 syntax error',
        'FATAL ERROR: Unable to parse input tree',
      ].join('\n'),
    );
    expect(diags).toEqual([
      {
        severity: 'warning',
        line: 23,
        column: 36,
        check: 'interrupt_provider',
        message: '/cpus/cpu@0/interrupt-controller: Missing #address-cells in interrupt provider',
      },
      { severity: 'error', line: 4, column: 3, check: undefined, message: 'syntax error' },
    ]);
  });
});
