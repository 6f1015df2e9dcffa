// Typed C values → the Bao Studio model. Omitted C fields are zero, as in C, except where the
// model keeps "absent" apart from "zero" (optional fields): those stay absent so a round trip
// writes back what the user wrote. Declared counts that disagree with their lists are kept in
// the `*_num` fields (see schema.ts) and never corrected: validation reports them.
import type {
  ArchVmPlatform,
  BaoConfig,
  DevRegion,
  HypConfig,
  Ipc,
  MemRegion,
  Meta,
  RemioDev,
  Shmem,
  VmConfig,
  VmImage,
  VmPlatform,
} from '../model/schema.js';
import type { VmImageDecl } from './ast.js';
import type { ArrayValue, CValue, ScalarValue, StructValue } from './collect.js';
import { metaFromComments } from './comments.js';
import { guessGuestKind } from './guest-kind.js';
import { ImportStage, type ImportWarning, type SourcePos } from './errors.js';

export interface MapResult {
  config: BaoConfig;
  /** VM_IMAGE identifiers used by some VM. */
  usedImages: Set<string>;
}

export function toModel(
  root: StructValue,
  images: Map<string, VmImageDecl>,
  fileName: string,
  warnings: ImportWarning[],
): MapResult {
  return new Mapper(images, fileName, warnings).config(root);
}

type Struct = StructValue | undefined;

/** Kinds of optional fields copied by `optionals`, and the model value each becomes. */
type FieldKinds = Record<string, 'u64' | 'bool' | 'num'>;
type Optionals<K extends FieldKinds> = {
  [F in keyof K]?: K[F] extends 'bool' ? boolean : K[F] extends 'num' ? number : bigint;
};

class Mapper extends ImportStage {
  readonly usedImages = new Set<string>();

  constructor(
    private readonly images: Map<string, VmImageDecl>,
    fileName: string,
    warnings: ImportWarning[],
  ) {
    super(fileName, warnings);
  }

  // ---- accessors -----------------------------------------------------------------------------
  private scalar(s: Struct, name: string): ScalarValue | undefined {
    const v = s?.fields.get(name);
    return v && v.k !== 'struct' && v.k !== 'array' ? v : undefined;
  }
  private u64(s: Struct, name: string): bigint | undefined {
    const v = this.scalar(s, name);
    return v?.k === 'int' ? v.v : undefined;
  }
  private num(s: Struct, name: string): number | undefined {
    const v = this.u64(s, name);
    return v === undefined ? undefined : Number(v);
  }
  private bool(s: Struct, name: string): boolean | undefined {
    const v = this.scalar(s, name);
    return v?.k === 'bool' ? v.v : undefined;
  }
  private sub(s: Struct, name: string): Struct {
    const v = s?.fields.get(name);
    return v?.k === 'struct' ? v : undefined;
  }
  private arr(s: Struct, name: string): ArrayValue | undefined {
    const v = s?.fields.get(name);
    return v?.k === 'array' ? v : undefined;
  }
  /** Struct elements; holes left by index designators are zero-filled elements, as in C. */
  private structs(a: ArrayValue | undefined): StructValue[] {
    if (!a) return [];
    const out: StructValue[] = [];
    for (let i = 0; i < a.elems.length; i++) {
      const e = a.elems[i];
      if (e?.k === 'struct') out.push(e);
      else {
        this.warn(a.pos, `element [${i}] is not initialized: it is all zeros`);
        out.push({
          k: 'struct',
          type: a.type.elem as StructValue['type'],
          fields: new Map(),
          pos: a.pos,
          comments: [],
        });
      }
    }
    return out;
  }
  private ints(a: ArrayValue | undefined): bigint[] {
    if (!a) return [];
    return Array.from(a.elems, (e: CValue | undefined) => (e?.k === 'int' ? e.v : 0n));
  }
  /** The declared count, kept only when it differs from the list's length. */
  private declared(s: Struct, countField: string, length: number): number | undefined {
    const n = this.num(s, countField);
    return n !== undefined && n !== length ? n : undefined;
  }
  private meta(s: StructValue): Meta | undefined {
    return metaFromComments(s.comments);
  }
  /** The optional fields the C text writes; unwritten ones stay absent (the model tells absent from zero). */
  private optionals<K extends FieldKinds>(s: Struct, kinds: K): Optionals<K> {
    const out: Record<string, bigint | boolean | number> = {};
    for (const [name, kind] of Object.entries(kinds)) {
      const v =
        kind === 'bool'
          ? this.bool(s, name)
          : kind === 'num'
            ? this.num(s, name)
            : this.u64(s, name);
      if (v !== undefined) out[name] = v;
    }
    return out as Optionals<K>;
  }
  /** `meta` from the element's comments, only when they say something. */
  private metaField(s: StructValue): { meta?: Meta } {
    const meta = this.meta(s);
    return meta ? { meta } : {};
  }

  // ---- structs -------------------------------------------------------------------------------
  config(root: StructValue): MapResult {
    const hyp = this.hyp(root);
    const shmemlist = this.structs(this.arr(root, 'shmemlist')).map((s) => this.shmem(s));
    const vmlist = this.structs(this.arr(root, 'vmlist')).map((s) => this.vm(s));
    const config: BaoConfig = { hyp, shmemlist, vmlist };
    const sd = this.declared(root, 'shmemlist_size', shmemlist.length);
    if (sd !== undefined) config.shmemlist_size = sd;
    const vd = this.declared(root, 'vmlist_size', vmlist.length);
    if (vd !== undefined) config.vmlist_size = vd;
    return { config, usedImages: this.usedImages };
  }

  private hyp(root: StructValue): HypConfig {
    const h = this.sub(root, 'hyp');
    const out: HypConfig = this.optionals(h, {
      relocate: 'bool',
      base_addr: 'u64',
      data_relocate: 'bool',
      data_addr: 'u64',
    });
    const colors = this.u64(h, 'colors') ?? this.u64(root, 'hyp_colors');
    if (colors !== undefined) out.colors = colors;
    return out;
  }

  private shmem(s: StructValue): Shmem {
    // `.base` and `.phys` share a union in Bao.
    const phys = this.u64(s, 'phys') ?? this.u64(s, 'base');
    return {
      size: this.u64(s, 'size') ?? 0n,
      ...this.optionals(s, { colors: 'u64', place_phys: 'bool' }),
      ...(phys !== undefined ? { phys } : {}),
      ...this.optionals(s, { reserved: 'bool' }),
      ...this.metaField(s),
    };
  }

  private vm(s: StructValue): VmConfig {
    const out: VmConfig = {
      image: this.image(this.sub(s, 'image'), s.pos),
      entry: this.u64(s, 'entry') ?? 0n,
      platform: this.platform(this.sub(s, 'platform')),
      ...this.optionals(s, { cpu_affinity: 'u64', colors: 'u64' }),
      ...this.metaField(s),
    };
    const guest = guessGuestKind(out);
    if (guest) out.meta = { ...out.meta, guest };
    return out;
  }

  private image(img: Struct, vmPos: SourcePos): VmImage {
    if (!img) {
      this.warn(vmPos, 'this VM has no .image: imported as a separately loaded image at 0x0');
      return { source: 'loaded', base_addr: 0n, style: 'fields' };
    }
    const base_addr = this.u64(img, 'base_addr') ?? 0n;
    const load = this.scalar(img, 'load_addr');
    const size = this.scalar(img, 'size');
    const sep = this.bool(img, 'separately_loaded');
    let out: VmImage;
    const refName = load?.k === 'imgref' ? load.name : size?.k === 'imgref' ? size.name : undefined;
    if (img.macro?.kind === 'builtin' || refName !== undefined) {
      const name = img.macro?.kind === 'builtin' ? img.macro.name : (refName as string);
      const namePos =
        img.macro?.kind === 'builtin'
          ? img.macro.namePos
          : load?.k === 'imgref'
            ? load.pos
            : size!.pos;
      if (!img.macro) {
        if (load?.k !== 'imgref' || size?.k !== 'imgref')
          throw this.error(
            (load?.k === 'imgref' ? size?.pos : load?.pos) ?? img.pos,
            `a built-in image needs both .load_addr = VM_IMAGE_OFFSET(${name}) and .size = VM_IMAGE_SIZE(${name})`,
          );
        if (load.name !== size.name)
          throw this.error(
            size.pos,
            `.load_addr uses image '${load.name}' but .size uses '${size.name}'`,
          );
        if (sep === true)
          this.warn(
            img.pos,
            'a built-in image (VM_IMAGE_OFFSET) is marked separately_loaded = true',
          );
      }
      const decl = this.images.get(name);
      if (!decl) throw this.error(namePos, `no VM_IMAGE(${name}, ...) is declared in this file`);
      this.usedImages.add(name);
      out = { source: 'builtin', name, path: decl.path, path_style: decl.style, base_addr };
    } else {
      out = { source: 'loaded', base_addr };
      const l = this.u64(img, 'load_addr');
      if (l !== undefined) out.load_addr = l;
      const sz = this.u64(img, 'size');
      if (sz !== undefined) out.size = sz;
      if (!img.macro && sep !== true)
        this.warn(
          img.pos,
          'image given by explicit load_addr/size without .separately_loaded = true: imported as a separately loaded image',
        );
    }
    const inplace = this.bool(img, 'inplace');
    if (inplace !== undefined) out.inplace = inplace;
    const reserved = this.bool(img, 'reserved');
    if (reserved !== undefined) out.reserved = reserved;
    // A macro cannot carry inplace/reserved (`.image.inplace = true` after the macro): then the
    // image can only be written back as fields.
    out.style = img.macro && inplace === undefined && reserved === undefined ? 'macro' : 'fields';
    return out;
  }

  private platform(p: Struct): VmPlatform {
    const regions = this.structs(this.arr(p, 'regions')).map((s) => this.region(s));
    const devs = this.structs(this.arr(p, 'devs')).map((s) => this.dev(s));
    const ipcs = this.structs(this.arr(p, 'ipcs')).map((s) => this.ipc(s));
    const remio_devs = this.structs(this.arr(p, 'remio_devs')).map((s) => this.remio(s));
    const out: VmPlatform = {
      cpu_num: this.num(p, 'cpu_num') ?? 0,
      regions,
      devs,
      ipcs,
      remio_devs,
      arch: this.arch(this.sub(p, 'arch')),
    };
    const counts: [keyof VmPlatform & `${string}_num`, number][] = [
      ['region_num', regions.length],
      ['dev_num', devs.length],
      ['ipc_num', ipcs.length],
      ['remio_dev_num', remio_devs.length],
    ];
    for (const [field, len] of counts) {
      const d = this.declared(p, field, len);
      if (d !== undefined) (out as Record<string, unknown>)[field] = d;
    }
    const mmu = this.bool(p, 'mmu');
    if (mmu !== undefined) out.mmu = mmu;
    return out;
  }

  private region(s: StructValue): MemRegion {
    return {
      base: this.u64(s, 'base') ?? 0n,
      size: this.u64(s, 'size') ?? 0n,
      ...this.optionals(s, { colors: 'u64', place_phys: 'bool', phys: 'u64', reserved: 'bool' }),
      ...this.metaField(s),
    };
  }

  private irqs(s: StructValue): { interrupts: number[]; interrupt_num?: number } {
    const interrupts = this.ints(this.arr(s, 'interrupts')).map(Number);
    const d = this.declared(s, 'interrupt_num', interrupts.length);
    return d === undefined ? { interrupts } : { interrupts, interrupt_num: d };
  }

  private dev(s: StructValue): DevRegion {
    return {
      pa: this.u64(s, 'pa') ?? 0n,
      va: this.u64(s, 'va') ?? 0n,
      size: this.u64(s, 'size') ?? 0n,
      ...this.irqs(s),
      ...this.optionals(s, { id: 'num' }),
      ...this.metaField(s),
    };
  }

  private ipc(s: StructValue): Ipc {
    return {
      base: this.u64(s, 'base') ?? 0n,
      size: this.u64(s, 'size') ?? 0n,
      shmem_id: this.num(s, 'shmem_id') ?? 0,
      ...this.irqs(s),
      ...this.metaField(s),
    };
  }

  private remio(s: StructValue): RemioDev {
    const sh = this.sub(s, 'shmem');
    const type = this.scalar(s, 'type');
    return {
      // va and size first, as in the schema, for readable project files.
      ...this.optionals(s, { va: 'u64', size: 'u64' }),
      interrupt: this.num(s, 'interrupt') ?? 0,
      bind_key: this.num(s, 'bind_key') ?? 0,
      // enum REMIO_DEV_TYPE: an omitted .type is 0, the frontend.
      type: type?.k === 'enum' ? type.v : 'REMIO_DEV_FRONTEND',
      shmem: {
        base: this.u64(sh, 'base') ?? 0n,
        size: this.u64(sh, 'size') ?? 0n,
        shmem_id: this.num(sh, 'shmem_id') ?? 0,
      },
      ...this.metaField(s),
    };
  }

  private arch(a: Struct): ArchVmPlatform {
    const out: ArchVmPlatform = {};
    if (!a) return out;
    const irqc = this.sub(a, 'irqc');
    const plicBase = this.u64(this.sub(irqc, 'plic'), 'base');
    const aia = this.sub(irqc, 'aia');
    const oldPlic = this.u64(a, 'plic_base');
    if (irqc || oldPlic !== undefined) {
      out.irqc = {};
      if (plicBase !== undefined || oldPlic !== undefined || (this.sub(irqc, 'plic') && !aia))
        out.irqc.plic = { base: plicBase ?? oldPlic ?? 0n };
      if (aia) {
        out.irqc.aia = { aplic: { base: this.u64(this.sub(aia, 'aplic'), 'base') ?? 0n } };
        const imsic = this.sub(aia, 'imsic');
        if (imsic) out.irqc.aia.imsic = { base: this.u64(imsic, 'base') ?? 0n };
      }
    }
    const gic = this.sub(a, 'gic');
    if (gic)
      out.gic = this.optionals(gic, {
        gicd_addr: 'u64',
        gicc_addr: 'u64',
        gicr_addr: 'u64',
        interrupt_num: 'num',
      });
    const smmu = this.sub(a, 'smmu');
    if (smmu) {
      const groups = this.structs(this.arr(smmu, 'groups')).map((g) => ({
        mask: this.num(g, 'mask') ?? 0,
        id: this.num(g, 'id') ?? 0,
      }));
      const d = this.declared(smmu, 'group_num', groups.length);
      out.smmu = {
        ...this.optionals(smmu, { global_mask: 'num' }),
        groups,
        ...(d !== undefined ? { group_num: d } : {}),
      };
    }
    const smc = this.sub(a, 'smc_passthrough');
    if (smc) {
      const smcs = this.ints(this.arr(smc, 'smcs'));
      out.smc_passthrough = { smcs };
      const d = this.declared(smc, 'num', smcs.length);
      if (d !== undefined) out.smc_passthrough.num = d;
    }
    if (a.fields.has('gpsr_groups') || a.fields.has('gpsr_num')) {
      const groups = this.ints(this.arr(a, 'gpsr_groups')).map(Number);
      out.gpsr_groups = groups;
      const d = this.declared(a, 'gpsr_num', groups.length);
      if (d !== undefined) out.gpsr_num = d;
    }
    return out;
  }
}
