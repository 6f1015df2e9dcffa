// Device-tree source for a Linux guest, from the same model as config.c, so the guest's view
// (CPUs, memory, interrupt controller, pass-through devices, IPC shared memory) can never drift
// from what Bao gives the VM. The shape follows the Linux guest DTS files of bao-demos and the
// Bao workshop:
// - cpus: one per vCPU (`cpu_num`), numbered from 0 as the guest sees them;
// - memory: one node per region at its guest address;
// - the virtual interrupt controller at the VM's address: PLIC (`riscv,plic0`, two contexts
//   per hart, M then S, as Bao's vPLIC numbers them), APLIC (+ IMSIC) for AIA builds, or a GICv2/v3;
// - pass-through devices: each window is matched against the platform's device inventory, so a
//   window covering several devices (QEMU virt's 8 virtio-mmio slots in one 0x8000 window) gives
//   one node per device at its guest address; unknown windows give a generic node (reg + interrupts);
// - one `bao,ipcshmem` node per IPC link, chosen/stdout-path and bootargs.
import { hex } from '../model/numbers.js';
import type { DevRegion, Ipc, Project, VmConfig } from '../model/schema.js';
import { getPlatform, maxInterruptId } from '../platforms/index.js';
import type { Platform, PlatformDevice } from '../platforms/platform.js';
import { LineWriter } from './c-writer.js';

export interface GuestDtsOptions {
  /**
   * The target platform's description (device kinds, ISA, interrupt limits). Default: the
   * catalog's entry for the project's platform; null generates without one.
   */
  platform?: Platform | null;
  /**
   * Size of each IPC channel (read and write). Default: 0x2000 when the shared memory holds at
   * least two of them (the layout Bao's demo guests use: bao-baremetal-guest and FreeRTOS write
   * at offset 0 and read at 0x2000), otherwise half of it. 'halves' splits it in two.
   */
  ipcChannelSize?: bigint | 'halves';
  /** Where the loader puts an initramfs (guest addresses): /chosen/linux,initrd-start and -end. */
  initrd?: { start: bigint; end: bigint };
}

type IrqcKind = 'plic' | 'aplic' | 'aia' | 'gicv2' | 'gicv3';

interface DtsNode {
  label?: string;
  name: string;
  addr: bigint;
  compatible?: string[];
  size: bigint;
  interrupts: number[];
  kind: 'uart' | 'virtio' | 'pl011' | 'rtc' | 'generic';
  /** Index of the dev in the VM's devs list it comes from. */
  devIndex: number;
  /** Set on a generic node: the window's name, written as a comment. */
  comment?: string;
}

export class DtsGenerationError extends Error {}

/** Is this VM a Linux guest (the only kind that gets a generated device tree)? */
export function isLinuxGuest(vm: VmConfig): boolean {
  return vm.meta?.guest === 'linux';
}

export function generateGuestDts(
  project: Project,
  vmIndex: number,
  options: GuestDtsOptions = {},
): string {
  const vm = project.config.vmlist[vmIndex];
  if (!vm) throw new DtsGenerationError(`no VM ${vmIndex} in the project`);
  const platform =
    options.platform === null
      ? undefined
      : (options.platform ?? getPlatform(project.target.platform));
  const arm = isArm(project, vm, platform);
  const irqc = irqcKind(project, vm, arm);
  const w = new LineWriter('\t');
  const vmName = vm.meta?.name ?? `VM ${vmIndex}`;

  w.line('/dts-v1/;');
  w.line();
  w.line(
    `/* Linux guest device tree for ${comment(vmName)} (VM ${vmIndex} of ${comment(project.name)}),`,
  );
  w.line(
    ` * on ${project.target.platform} under Bao ${project.target.bao}. Written by Bao Studio. */`,
  );
  w.line();
  w.block('/ {', '};', () => {
    w.line('#address-cells = <0x2>;');
    w.line('#size-cells = <0x2>;');
    if (arm) w.line('interrupt-parent = <&gic>;');
    w.gap();
    cpus(w, vm.platform.cpu_num, arm, project, platform);
    if (arm) {
      w.gap();
      w.block('psci {', '};', () => {
        w.line('compatible = "arm,psci-0.2";');
        w.line('method = "smc";');
      });
    }
    for (const r of vm.platform.regions) {
      w.gap();
      w.block(`memory@${addrName(r.base)} {`, '};', () => {
        w.line('device_type = "memory";');
        w.line(`reg = <${cells(r.base)} ${cells(r.size)}>;`);
      });
    }
    w.gap();
    interruptController(w, project, vm, irqc, platform);
    if (arm) {
      w.gap();
      armTimer(w);
    }

    const nodes = deviceNodes(vm, platform, arm);
    const needsClock = nodes.some((n) => n.kind === 'pl011');
    if (needsClock) {
      w.gap();
      w.block('apb_pclk: clock-24000000 {', '};', () => {
        w.line('compatible = "fixed-clock";');
        w.line('#clock-cells = <0x0>;');
        w.line('clock-frequency = <24000000>;');
      });
    }
    const spec = interruptSpec(irqc);
    for (const n of nodes) {
      w.gap();
      deviceNode(w, n, spec, irqc);
    }
    const channelOwners = ipcChannelOrder(project);
    vm.platform.ipcs.forEach((ipc, i) => {
      w.gap();
      ipcNode(w, ipc, i, spec, irqc, channelOwners.get(key(vmIndex, i)) ?? 0, options);
    });

    w.gap();
    chosen(w, vm, nodes, arm, options.initrd);
  });
  return w.toString();
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s*\n\s*/g, ' ');
}

function isArm(project: Project, vm: VmConfig, platform: Platform | undefined): boolean {
  if (platform) return platform.arch === 'aarch64' || platform.arch === 'aarch32';
  if (vm.platform.arch.gic) return true;
  return /aarch|arm|zcu|imx|rpi|tx2|fvp|s32|verdin/i.test(project.target.platform);
}

function irqcKind(project: Project, vm: VmConfig, arm: boolean): IrqcKind {
  if (arm) return vm.platform.arch.gic?.gicr_addr !== undefined ? 'gicv3' : 'gicv2';
  const choice = project.target.irqc;
  if (choice === 'AIA' && project.target.bao === 'v2') return 'aia';
  if (choice === 'APLIC' || choice === 'AIA') return 'aplic';
  if (choice === 'PLIC') return 'plic';
  return vm.platform.arch.irqc?.aia ? 'aplic' : 'plic';
}

/** Two 32-bit cells of a 64-bit value. */
function cells(n: bigint): string {
  return `${hex(n >> 32n)} ${hex(n & 0xffffffffn)}`;
}

function addrName(n: bigint): string {
  return n.toString(16);
}

function cpus(
  w: LineWriter,
  n: number,
  arm: boolean,
  project: Project,
  platform: Platform | undefined,
): void {
  const rv32 = platform?.arch === 'riscv32' || /riscv32|rv32/.test(project.target.platform);
  w.block('cpus {', '};', () => {
    w.line('#address-cells = <0x1>;');
    w.line('#size-cells = <0x0>;');
    // QEMU's virt board (and Bao's virtual timer) tick at 10 MHz.
    if (!arm) w.line('timebase-frequency = <10000000>;');
    for (let i = 0; i < n; i++) {
      w.gap();
      w.block(`cpu${i}: cpu@${i} {`, '};', () => {
        w.line('device_type = "cpu";');
        w.line(`reg = <${hex(i)}>;`);
        if (arm) {
          w.line('compatible = "arm,armv8";');
          w.line('enable-method = "psci";');
          return;
        }
        w.line('status = "okay";');
        w.line('compatible = "riscv";');
        w.line(`riscv,isa = "${rv32 ? 'rv32' : 'rv64'}imafdc_zicsr_zifencei";`);
        w.line(`mmu-type = "riscv,${rv32 ? 'sv32' : 'sv39'}";`);
        w.gap();
        w.block(`cpu${i}_intc: interrupt-controller {`, '};', () => {
          w.line('compatible = "riscv,cpu-intc";');
          w.line('interrupt-controller;');
          w.line('#address-cells = <0x0>;');
          w.line('#interrupt-cells = <0x1>;');
        });
      });
    }
  });
}

/** Interrupt sources the guest's controller advertises: the platform's, else enough for the VM. */
function maxIrq(project: Project, vm: VmConfig, platform: Platform | undefined): number {
  if (platform) return maxInterruptId(platform, project.target.bao, project.target.irqc);
  const used = [
    ...vm.platform.devs.flatMap((d) => d.interrupts),
    ...vm.platform.ipcs.flatMap((c) => c.interrupts),
  ];
  return Math.max(63, ...used);
}

function interruptController(
  w: LineWriter,
  project: Project,
  vm: VmConfig,
  irqc: IrqcKind,
  platform: Platform | undefined,
): void {
  const n = vm.platform.cpu_num;
  const a = vm.platform.arch;
  const perHart = (ids: number[]) =>
    Array.from({ length: n }, (_, i) => ids.map((id) => `&cpu${i}_intc ${id}`).join(' '));
  switch (irqc) {
    case 'plic': {
      const base = a.irqc?.plic?.base ?? a.irqc?.aia?.aplic.base;
      if (base === undefined)
        throw new DtsGenerationError('the VM has no virtual PLIC address (arch.irqc.plic.base)');
      w.block(`plic: interrupt-controller@${addrName(base)} {`, '};', () => {
        w.line('compatible = "sifive,plic-1.0.0", "riscv,plic0";');
        w.line(`reg = <${cells(base)} ${cells(0x4000000n)}>;`);
        w.line('#address-cells = <0x0>;');
        w.line('#interrupt-cells = <0x1>;');
        w.line('interrupt-controller;');
        // Bao's vPLIC gives each vCPU two contexts, M (11) then S (9), like the real PLIC.
        w.line(`interrupts-extended = <${perHart([11, 9]).join('\n\t\t\t')}>;`);
        w.line(`riscv,ndev = <${maxIrq(project, vm, platform)}>;`);
      });
      return;
    }
    case 'aplic':
    case 'aia': {
      const base = a.irqc?.aia?.aplic.base ?? a.irqc?.plic?.base;
      if (base === undefined)
        throw new DtsGenerationError(
          'the VM has no virtual APLIC address (arch.irqc.aia.aplic.base)',
        );
      const imsic = irqc === 'aia' ? a.irqc?.aia?.imsic?.base : undefined;
      if (imsic !== undefined) {
        w.block(`imsic: interrupt-controller@${addrName(imsic)} {`, '};', () => {
          w.line('compatible = "riscv,imsics";');
          w.line(`reg = <${cells(imsic)} ${cells(BigInt(n) * 0x1000n)}>;`);
          w.line('#address-cells = <0x0>;');
          w.line('#interrupt-cells = <0x0>;');
          w.line('interrupt-controller;');
          w.line('msi-controller;');
          w.line(`interrupts-extended = <${perHart([9]).join(' ')}>;`);
          w.line('riscv,num-ids = <255>;');
        });
        w.gap();
      }
      w.block(`aplic: interrupt-controller@${addrName(base)} {`, '};', () => {
        w.line('compatible = "riscv,aplic";');
        w.line(`reg = <${cells(base)} ${cells(0x8000n)}>;`);
        w.line('#address-cells = <0x0>;');
        w.line('#interrupt-cells = <0x2>;');
        w.line('interrupt-controller;');
        if (imsic !== undefined) w.line('msi-parent = <&imsic>;');
        else w.line(`interrupts-extended = <${perHart([9]).join(' ')}>;`);
        w.line(`riscv,num-sources = <${maxIrq(project, vm, platform)}>;`);
      });
      return;
    }
    case 'gicv2':
    case 'gicv3': {
      const gic = a.gic ?? {};
      if (gic.gicd_addr === undefined)
        throw new DtsGenerationError(
          'the VM has no virtual GIC distributor address (arch.gic.gicd_addr)',
        );
      const d = gic.gicd_addr;
      w.block(`gic: interrupt-controller@${addrName(d)} {`, '};', () => {
        if (irqc === 'gicv3') {
          const r = gic.gicr_addr ?? 0n;
          w.line('compatible = "arm,gic-v3";');
          // One 128 KiB redistributor frame pair per vCPU.
          w.line(
            `reg = <${cells(d)} ${cells(0x10000n)}\n\t\t\t${cells(r)} ${cells(0x20000n * BigInt(n))}>;`,
          );
          w.line('#redistributor-regions = <0x1>;');
        } else {
          const c = gic.gicc_addr ?? 0n;
          w.line('compatible = "arm,cortex-a15-gic";');
          w.line(`reg = <${cells(d)} ${cells(0x1000n)}\n\t\t\t${cells(c)} ${cells(0x2000n)}>;`);
        }
        w.line('#interrupt-cells = <0x3>;');
        w.line('#address-cells = <0x0>;');
        w.line('interrupt-controller;');
      });
      return;
    }
  }
}

function armTimer(w: LineWriter): void {
  // The generic timer's PPIs: secure (13), non-secure (14), virtual (11), hypervisor (10).
  w.block('timer {', '};', () => {
    w.line('compatible = "arm,armv8-timer";');
    w.line('interrupts = <0x1 0xd 0x4>, <0x1 0xe 0x4>, <0x1 0xb 0x4>, <0x1 0xa 0x4>;');
    w.line('always-on;');
  });
}

/** The interrupt specifier for one interrupt id, in the VM's controller's cells. */
function interruptSpec(irqc: IrqcKind): (irq: number) => string {
  switch (irqc) {
    case 'plic':
      return (irq) => `<${irq}>`;
    case 'aplic':
    case 'aia':
      return (irq) => `<${irq} 0x4>`;
    default:
      // Bao's ids are GIC INTIDs: SPIs from 32, PPIs 16..31.
      return (irq) => (irq >= 32 ? `<0x0 ${hex(irq - 32)} 0x4>` : `<0x1 ${hex(irq - 16)} 0x4>`);
  }
}

const NODE_NAMES: Record<DtsNode['kind'], string> = {
  uart: 'serial',
  pl011: 'serial',
  virtio: 'virtio_mmio',
  rtc: 'rtc',
  generic: 'device',
};

function kindOf(pd: PlatformDevice): DtsNode['kind'] | undefined {
  if (pd.compatible === 'ns16550a' || pd.compatible === 'ns16550') return 'uart';
  if (pd.compatible === 'virtio,mmio') return 'virtio';
  if (pd.compatible?.includes('pl011')) return 'pl011';
  // RTCs with a reg + interrupts binding (goldfish, pl031).
  if (pd.kind === 'rtc' && pd.compatible) return 'rtc';
  return undefined;
}

/** Known kinds without a platform: from the window's name. */
function kindFromName(name: string, arm: boolean): DtsNode['kind'] | undefined {
  if (/pl011/i.test(name)) return 'pl011';
  if (/uart|8250|16550|serial/i.test(name)) return arm ? 'pl011' : 'uart';
  return undefined;
}

/** The device nodes for the VM's pass-through windows, in guest address order. */
function deviceNodes(vm: VmConfig, platform: Platform | undefined, arm: boolean): DtsNode[] {
  const nodes: DtsNode[] = [];
  vm.platform.devs.forEach((d, devIndex) => {
    if (d.size === 0n) return; // interrupt-only entries (e.g. the Arm timer PPI)
    const covered = (platform?.devices ?? []).filter(
      (pd) => pd.size > 0n && pd.pa >= d.pa && pd.pa + pd.size <= d.pa + d.size && kindOf(pd),
    );
    if (covered.length > 0) {
      for (const pd of covered) {
        const kind = kindOf(pd)!;
        nodes.push({
          name: NODE_NAMES[kind],
          addr: d.va + (pd.pa - d.pa),
          size: pd.size,
          // The device's own lines, when the window passes them through.
          interrupts: pd.interrupts.filter((i) => d.interrupts.includes(i)),
          // Linux probes a PL011 on the AMBA bus, which matches "arm,primecell".
          compatible: kind === 'pl011' ? ['arm,pl011', 'arm,primecell'] : [pd.compatible!],
          kind,
          devIndex,
        });
      }
      return;
    }
    const slots = virtioSlots(d, platform);
    if (slots > 0) {
      const slot = d.size / BigInt(slots);
      d.interrupts.forEach((irq, i) =>
        nodes.push({
          name: 'virtio_mmio',
          addr: d.va + slot * BigInt(i),
          size: slot,
          interrupts: [irq],
          compatible: ['virtio,mmio'],
          kind: 'virtio',
          devIndex,
        }),
      );
      return;
    }
    const kind = kindFromName(d.meta?.name ?? '', arm) ?? 'generic';
    nodes.push({
      name: NODE_NAMES[kind],
      addr: d.va,
      size: d.size,
      interrupts: d.interrupts,
      compatible:
        kind === 'uart'
          ? ['ns16550a']
          : kind === 'pl011'
            ? ['arm,pl011', 'arm,primecell']
            : undefined,
      kind,
      devIndex,
      comment: kind === 'generic' ? genericComment(d) : undefined,
    });
  });
  // v2 Remote I/O frontends: Bao emulates a virtio-mmio device at `va`, served by a backend VM.
  vm.platform.remio_devs.forEach((r) => {
    if (r.type !== 'REMIO_DEV_FRONTEND' || r.va === undefined) return;
    nodes.push({
      name: 'virtio_mmio',
      addr: r.va,
      size: r.size ?? 0x200n,
      interrupts: [r.interrupt],
      compatible: ['virtio,mmio'],
      kind: 'virtio',
      devIndex: -1,
      comment: `remote I/O frontend, bind key ${r.bind_key}`,
    });
  });
  nodes.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  let uarts = 0;
  for (const n of nodes) if (n.kind === 'uart' || n.kind === 'pl011') n.label = `uart${uarts++}`;
  return nodes;
}

/**
 * Without a platform inventory, a window named "virtio..." with one interrupt per equal slot
 * (QEMU virt's 0x1000 slots on RISC-V, 0x200 on Arm) is taken as that many virtio-mmio devices.
 */
function virtioSlots(d: DevRegion, platform: Platform | undefined): number {
  if (platform || !/virtio/i.test(d.meta?.name ?? '') || d.interrupts.length === 0) return 0;
  const n = BigInt(d.interrupts.length);
  return d.size % n === 0n && d.size / n >= 0x200n ? d.interrupts.length : 0;
}

function genericComment(d: DevRegion): string {
  const name = d.meta?.name ? `${comment(d.meta.name)}: ` : '';
  return `${name}pass-through window at ${hex(d.pa)}; add the device's compatible for its driver`;
}

function deviceNode(
  w: LineWriter,
  n: DtsNode,
  spec: (irq: number) => string,
  irqc: IrqcKind,
): void {
  const head = `${n.label ? `${n.label}: ` : ''}${n.name}@${addrName(n.addr)} {`;
  w.block(head, '};', () => {
    if (n.comment) w.line(`/* ${n.comment} */`);
    if (n.compatible) w.line(`compatible = ${n.compatible.map((c) => `"${c}"`).join(', ')};`);
    w.line(`reg = <${cells(n.addr)} ${cells(n.size)}>;`);
    if (n.interrupts.length > 0) {
      if (!irqc.startsWith('gic'))
        w.line(`interrupt-parent = <&${irqc === 'aia' ? 'aplic' : irqc}>;`);
      w.line(`interrupts = ${n.interrupts.map(spec).join(', ')};`);
    }
    if (n.kind === 'uart') w.line('clock-frequency = <3686400>;');
    if (n.kind === 'pl011') {
      w.line('clocks = <&apb_pclk>, <&apb_pclk>;');
      w.line('clock-names = "uartclk", "apb_pclk";');
    }
    if (n.kind === 'virtio' && irqc.startsWith('gic')) w.line('dma-coherent;');
  });
}

const key = (vm: number, ipc: number) => `${vm}:${ipc}`;

/**
 * For each Linux IPC, its position among the Linux IPCs on the same shared memory (VM order).
 * Bao's demo guests (bare-metal, FreeRTOS) write channel 0 and read channel 1, and the demos'
 * Linux reads channel 0 and writes channel 1; a second Linux VM on the same shared memory
 * takes the other way round so two Linux guests can talk too.
 */
function ipcChannelOrder(project: Project): Map<string, number> {
  const seen = new Map<number, number>();
  const order = new Map<string, number>();
  project.config.vmlist.forEach((vm, v) =>
    vm.platform.ipcs.forEach((ipc, i) => {
      if (!isLinuxGuest(vm)) return;
      const n = seen.get(ipc.shmem_id) ?? 0;
      order.set(key(v, i), n);
      seen.set(ipc.shmem_id, n + 1);
    }),
  );
  return order;
}

function channelSize(ipc: Ipc, option: GuestDtsOptions['ipcChannelSize']): bigint {
  if (typeof option === 'bigint') return option;
  if (option === 'halves' || ipc.size < 0x4000n) return ipc.size / 2n;
  return 0x2000n;
}

function ipcNode(
  w: LineWriter,
  ipc: Ipc,
  index: number,
  spec: (irq: number) => string,
  irqc: IrqcKind,
  side: number,
  options: GuestDtsOptions,
): void {
  const ch = channelSize(ipc, options.ipcChannelSize);
  const [read, write] = side % 2 === 0 ? [0n, ch] : [ch, 0n];
  w.block(`bao-ipc@${addrName(ipc.base)} {`, '};', () => {
    if (ipc.meta?.name) w.line(`/* ${comment(ipc.meta.name)}: shared memory ${ipc.shmem_id} */`);
    w.line('compatible = "bao,ipcshmem";');
    w.line(`reg = <${cells(ipc.base)} ${cells(ipc.size)}>;`);
    w.line(`read-channel = <${hex(read)} ${hex(ch)}>;`);
    w.line(`write-channel = <${hex(write)} ${hex(ch)}>;`);
    if (ipc.interrupts.length > 0) {
      if (!irqc.startsWith('gic'))
        w.line(`interrupt-parent = <&${irqc === 'aia' ? 'aplic' : irqc}>;`);
      w.line(`interrupts = ${ipc.interrupts.map(spec).join(', ')};`);
    }
    w.line(`id = <${index}>;`);
  });
}

function chosen(
  w: LineWriter,
  vm: VmConfig,
  nodes: DtsNode[],
  arm: boolean,
  initrd: GuestDtsOptions['initrd'],
): void {
  const wanted = vm.meta?.stdoutDev;
  const uarts = nodes.filter((n) => n.label !== undefined);
  const stdout = wanted !== undefined ? uarts.find((n) => n.devIndex === wanted) : uarts[0];
  const hasVirtio = nodes.some((n) => n.kind === 'virtio');
  let bootargs = vm.meta?.bootargs;
  if (bootargs === undefined) {
    if (stdout) bootargs = `earlycon console=${arm ? 'ttyAMA0' : 'ttyS0'}`;
    else if (hasVirtio) bootargs = 'console=hvc0';
  }
  w.block('chosen {', '};', () => {
    if (stdout) w.line(`stdout-path = &${stdout.label};`);
    if (bootargs !== undefined) w.line(`bootargs = ${JSON.stringify(bootargs)};`);
    if (initrd) {
      w.line(`linux,initrd-start = <${cells(initrd.start)}>;`);
      w.line(`linux,initrd-end = <${cells(initrd.end)}>;`);
    }
  });
}
