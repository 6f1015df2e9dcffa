// Where QEMU 7.2's `virt` board puts -bios, -kernel, -initrd, -dtb and -device loader images
// (hw/riscv/boot.c and virt.c), computed as a plan the machine then writes into memory.
import { ImageError } from './errors.js';
import { isElf, parseElf64, type ElfSymbol } from './elf.js';
import { bootRom } from './boot-rom.js';
import { VIRT, RV64_KERNEL_ALIGN } from '../memory-map.js';
import { decodeFdt, FdtError } from '../fdt/reader.js';
import { encodeFdt } from '../fdt/writer.js';
import { bytes, ensureChild, setProp, strings, type FdtNode } from '../fdt/tree.js';
import { initrdProps, virtDeviceTree, type VirtTreeOptions } from '../fdt/virt.js';

export interface BootFile {
  /** Shown in errors and in the debugger's symbol list. */
  name: string;
  bytes: Uint8Array;
}

export interface BootOptions {
  harts: number;
  ramSize: bigint;
  /** Firmware at 0x80000000; omitted = `-bios none` (the kernel then starts at 0x80000000). */
  bios?: BootFile;
  kernel?: BootFile;
  initrd?: BootFile;
  /** A user device tree instead of the generated one (QEMU still patches /chosen). */
  dtb?: BootFile;
  bootargs?: string;
  /** Like `-device loader,file=…,addr=…`: ELF files go to their own addresses, others to addr. */
  loaders?: { file: BootFile; addr: bigint }[];
  isa?: string;
  mmuType?: 'riscv,sv39' | 'riscv,sv48';
  timebaseHz?: number;
  /** Generated tree only: AIA controllers and cache-block sizes (see fdt/virt.ts). */
  aia?: VirtTreeOptions['aia'];
  aiaGuests?: number;
  cbomBlockSize?: number;
  cbozBlockSize?: number;
  /**
   * /chosen/rng-seed, as QEMU 7.2's virt board provides (32 random bytes there, also in a user
   * tree). Default: a fixed seed (runs stay deterministic); empty = none. Without one Linux
   * has no entropy at boot and spends ~150 M more instructions gathering some before /init
   * (Debian's 7.2 kernel: 614 M instead of 465 M to a busybox /init).
   */
  rngSeed?: Uint8Array;
}

/** 32 fixed bytes (splitmix64 from a constant): a seed that is the same in every run. */
export function defaultRngSeed(): Uint8Array {
  const out = new Uint8Array(32);
  const v = new DataView(out.buffer);
  const M = (1n << 64n) - 1n;
  let x = 0x62616f2d73747564n; // "bao-stud"
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & M;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    v.setBigUint64(i * 8, z ^ (z >> 31n));
  }
  return out;
}

export interface BootRegion {
  addr: bigint;
  data: Uint8Array;
  /** Bytes past data to clear (ELF .bss). */
  zeroFill: bigint;
  source: string;
}

export interface ImageSymbols {
  file: string;
  symbols: ElfSymbol[];
}

export interface BootPlan {
  /** Everything to write into memory, boot ROM and FDT included. */
  regions: BootRegion[];
  fdt: Uint8Array;
  fdtTree?: FdtNode;
  fdtAddr: bigint;
  /** Where every hart starts: the boot ROM's reset vector. */
  resetPc: bigint;
  /** The kernel's entry (fw_dynamic's next_addr), 0 without a kernel. */
  kernelEntry: bigint;
  initrd?: { start: bigint; end: bigint };
  symbols: ImageSymbols[];
}

const MiB = 1n << 20n;
const hex = (v: bigint): string => '0x' + v.toString(16);
const alignUp = (v: bigint, a: bigint): bigint => (v + a - 1n) & ~(a - 1n);
const alignDown = (v: bigint, a: bigint): bigint => v & ~(a - 1n);

/**
 * Loads one file as QEMU does: ELF at its physical addresses, anything else raw at `addr`.
 * `entry` is the lowest loaded address, which is what QEMU 7.2's riscv_load_kernel returns for
 * an ELF kernel (fw_dynamic's next_addr), not e_entry.
 */
function imageRegions(
  file: BootFile,
  addr: bigint,
  symbols: ImageSymbols[],
): { regions: BootRegion[]; entry: bigint; end: bigint } {
  if (isElf(file.bytes)) {
    const elf = parseElf64(file.bytes, file.name);
    // a getter: the ELF's symbol table is read when somebody looks (see parseElf64)
    symbols.push({
      file: file.name,
      get symbols() {
        return elf.symbols;
      },
    });
    const regions = elf.segments.map((s) => ({
      addr: s.paddr,
      data: s.data,
      zeroFill: s.memsz - BigInt(s.data.length),
      source: file.name,
    }));
    const end = elf.segments.reduce((m, s) => (s.paddr + s.memsz > m ? s.paddr + s.memsz : m), 0n);
    const low = elf.segments.reduce((m, s) => (s.paddr < m ? s.paddr : m), elf.segments[0].paddr);
    return { regions, entry: low, end };
  }
  if (file.bytes.length === 0) throw new ImageError(`${file.name}: empty file`);
  return {
    regions: [{ addr, data: file.bytes, zeroFill: 0n, source: file.name }],
    entry: addr,
    end: addr + BigInt(file.bytes.length),
  };
}

export function planBoot(o: BootOptions): BootPlan {
  const ramBase = BigInt(VIRT.ramBase);
  const ramEnd = ramBase + o.ramSize;
  const regions: BootRegion[] = [];
  const symbols: ImageSymbols[] = [];
  const startAddr = ramBase;

  // riscv_find_and_load_firmware: without firmware its "end" is the DRAM base.
  let firmwareEnd = startAddr;
  if (o.bios) {
    const fw = imageRegions(o.bios, startAddr, symbols);
    regions.push(...fw.regions);
    firmwareEnd = fw.end;
  }

  let kernelEntry = 0n;
  let initrd: BootPlan['initrd'];
  if (o.kernel) {
    // riscv_calc_kernel_start_addr: RV64 kernels go at the firmware's end rounded up to 2 MiB.
    const k = imageRegions(o.kernel, alignUp(firmwareEnd, RV64_KERNEL_ALIGN), symbols);
    regions.push(...k.regions);
    kernelEntry = k.entry;
    if (o.initrd) {
      // riscv_load_initrd: halfway into small RAMs, 128 MiB above the kernel otherwise.
      const half = o.ramSize / 2n;
      const start = kernelEntry + (half < 128n * MiB ? half : 128n * MiB);
      const end = start + BigInt(o.initrd.bytes.length);
      if (end > ramEnd)
        throw new ImageError(
          `${o.initrd.name}: initrd of ${o.initrd.bytes.length} bytes at ${hex(start)} does not fit in RAM (ends at ${hex(ramEnd)})`,
        );
      regions.push({ addr: start, data: o.initrd.bytes, zeroFill: 0n, source: o.initrd.name });
      initrd = { start, end };
    }
  } else if (o.initrd) {
    throw new ImageError(`${o.initrd.name}: an initrd needs a kernel`);
  }
  for (const l of o.loaders ?? []) regions.push(...imageRegions(l.file, l.addr, symbols).regions);

  // The device tree: the user's (with /chosen patched as QEMU does) or ours.
  let tree: FdtNode;
  const seed = o.rngSeed ?? defaultRngSeed();
  if (o.dtb) {
    try {
      tree = decodeFdt(o.dtb.bytes, o.dtb.name).root;
    } catch (e) {
      if (e instanceof FdtError) throw new ImageError(e.message);
      throw e;
    }
    const chosen = ensureChild(tree, 'chosen');
    if (o.bootargs !== undefined) setProp(chosen, strings('bootargs', o.bootargs));
    // QEMU 7.2 (create_fdt's update_bootargs) seeds a user tree too, before the initrd.
    if (seed.length > 0) setProp(chosen, bytes('rng-seed', seed));
    if (initrd) for (const p of initrdProps(initrd)) setProp(chosen, p);
  } else {
    tree = virtDeviceTree({
      harts: o.harts,
      ramSize: o.ramSize,
      bootargs: o.bootargs,
      initrd,
      isa: o.isa,
      mmuType: o.mmuType,
      timebaseHz: o.timebaseHz,
      aia: o.aia,
      aiaGuests: o.aiaGuests,
      cbomBlockSize: o.cbomBlockSize,
      cbozBlockSize: o.cbozBlockSize,
    });
    // QEMU 7.2 sets rng-seed after bootargs and before the initrd; libfdt adds each new
    // property first, so it lists after the initrd properties.
    if (seed.length > 0) {
      const chosen = ensureChild(tree, 'chosen');
      const at = chosen.props.findIndex((p) => !p.name.startsWith('linux,initrd-'));
      chosen.props.splice(at < 0 ? chosen.props.length : at, 0, bytes('rng-seed', seed));
    }
  }
  const fdt = encodeFdt(tree);
  // riscv_load_fdt: as high as possible but below 3 GiB, 2 MiB aligned.
  const limit = ramEnd < 3072n * MiB ? ramEnd : 3072n * MiB;
  const fdtAddr = alignDown(limit - BigInt(fdt.length), 2n * MiB);
  regions.push({ addr: fdtAddr, data: fdt, zeroFill: 0n, source: o.dtb?.name ?? 'device tree' });

  const rom = bootRom({ startAddr, fdtAddr, nextAddr: kernelEntry });
  regions.push({ addr: BigInt(VIRT.bootRomBase), data: rom, zeroFill: 0n, source: 'boot ROM' });

  checkRegions(regions, ramBase, ramEnd);
  return {
    regions,
    fdt,
    fdtTree: tree,
    fdtAddr,
    resetPc: BigInt(VIRT.bootRomBase),
    kernelEntry,
    initrd,
    symbols,
  };
}

/** Every region inside RAM or the boot ROM, and no two overlapping (QEMU: "rom: requested regions overlap"). */
function checkRegions(regions: BootRegion[], ramBase: bigint, ramEnd: bigint): void {
  const romBase = BigInt(VIRT.bootRomBase);
  const romEnd = romBase + BigInt(VIRT.bootRomSize);
  for (const r of regions) {
    const end = r.addr + BigInt(r.data.length) + r.zeroFill;
    const inRam = r.addr >= ramBase && end <= ramEnd;
    const inRom = r.addr >= romBase && end <= romEnd;
    if (!inRam && !inRom) {
      const why =
        r.addr >= ramBase && r.addr < ramEnd
          ? `too big for RAM: ends at ${hex(end)}, RAM ends at ${hex(ramEnd)}`
          : `outside RAM [${hex(ramBase)}, ${hex(ramEnd)})`;
      throw new ImageError(`${r.source}: [${hex(r.addr)}, ${hex(end)}) is ${why}`);
    }
  }
  const sorted = [...regions].sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const aEnd = a.addr + BigInt(a.data.length) + a.zeroFill;
    if (aEnd > b.addr)
      throw new ImageError(
        `${b.source}: [${hex(b.addr)}, ...) overlaps ${a.source} [${hex(a.addr)}, ${hex(aEnd)})`,
      );
  }
}
