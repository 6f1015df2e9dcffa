// config.c from the model, for Bao v1.0 (`.vmlist = { {...}, }`, a flexible array member) and
// Bao v2 (`.vmlist = (struct vm_config[]){...}`, remote I/O, hyp.data_relocate). The output is
// laid out like Bao's own configs: 4-space indentation, hex addresses, compound literals, counts
// written next to their lists. Unset or default fields are omitted.
//
// Comments: an element's `meta.name` is written as the first line inside its braces
// (`{ /* UART0 */ .pa = ...`), the place the demos put device names, and `meta.comment` on the
// line after it; the importer reads them back from there.
//
// Counts: a `*_num`/`*_size` field set in the model (an imported config whose count disagrees
// with its list) is written as declared, so import → generate → import is faithful; otherwise
// the list length is written. Fields that exist only in Bao v2 (remio_devs, hyp.data_relocate /
// data_addr, reserved, the vIMSIC) are not written for v1.0: validation reports them.
import { hex } from '../model/numbers.js';
import type {
  ArchVmPlatform,
  BaoVersion,
  DevRegion,
  HypConfig,
  Ipc,
  MemRegion,
  Meta,
  Project,
  RemioDev,
  Shmem,
  VmConfig,
  VmImage,
} from '../model/schema.js';
import { LineWriter, cComment, wrapText } from './c-writer.js';

export interface GenerateConfigOptions {
  /** Bao version to generate for; defaults to the project's target. */
  bao?: BaoVersion;
}

/** The C identifier used in VM_IMAGE for a builtin image (kept, or derived from the VM's name). */
export function imageIdentifiers(project: Project): (string | undefined)[] {
  const used = new Set<string>();
  return project.config.vmlist.map((vm, i) => {
    if (vm.image.source !== 'builtin') return undefined;
    let id = vm.image.name;
    if (!id) {
      const stem = (vm.meta?.name ?? `vm${i}`).toLowerCase().replace(/[^a-z0-9_]+/g, '_');
      id = `${/^[a-z_]/.test(stem) ? stem : `vm_${stem}`}_image`.replace(/_+/g, '_');
    }
    let unique = id;
    for (let n = 1; used.has(unique); n++) unique = `${id}_${n}`;
    used.add(unique);
    return unique;
  });
}

/** The VM_IMAGE path tokens for a builtin image: kept when set, else BAO_WRKDIR_IMGS/<id>.bin. */
export function imagePath(image: VmImage, id: string): string {
  return image.path ?? `BAO_WRKDIR_IMGS/${id.replace(/_image(_\d+)?$/, '$1')}.bin`;
}

export function generateConfigC(project: Project, options: GenerateConfigOptions = {}): string {
  const bao = options.bao ?? project.target.bao;
  const v2 = bao === 'v2';
  const cfg = project.config;
  const w = new LineWriter('    ');
  const ids = imageIdentifiers(project);

  w.line('/*');
  w.line(
    ` * ${commentText(project.name)}: Bao ${bao} configuration for ${project.target.platform}.`,
  );
  if (project.description)
    for (const l of wrapText(commentText(project.description), 93)) w.line(` * ${l}`);
  w.line(
    ' * Written by Bao Studio. VM_IMAGE paths are relative to BAO_WRKDIR_IMGS, which the build',
  );
  w.line(' * defines (CPPFLAGS=-DBAO_WRKDIR_IMGS=<directory of the guest images>).');
  w.line(' */');
  w.line('#include <config.h>');
  w.line();

  let anyImage = false;
  cfg.vmlist.forEach((vm, i) => {
    const id = ids[i];
    if (id === undefined) return;
    // No trailing ";": the macro ends in ");" (as in the workshop and demo configs).
    w.line(`VM_IMAGE(${id}, ${imagePathExpr(vm.image, id)})`);
    anyImage = true;
  });
  if (anyImage) w.line();

  w.block('struct config config = {', '};', () => {
    w.line('CONFIG_HEADER');
    hyp(w, cfg.hyp, v2);
    shmems(w, cfg.shmemlist, cfg.shmemlist_size, v2);

    w.gap();
    w.line(`.vmlist_size = ${cfg.vmlist_size ?? cfg.vmlist.length},`);
    if (cfg.vmlist.length > 0) {
      const open = v2 ? '.vmlist = (struct vm_config[]) {' : '.vmlist = {';
      w.block(open, '},', () => cfg.vmlist.forEach((vm, i) => vmConfig(w, vm, ids[i], v2)));
    }
  });
  return w.toString();
}

function commentText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s*\n\s*/g, ' ');
}

function imagePathExpr(image: VmImage, id: string): string {
  const path = imagePath(image, id);
  switch (image.path_style ?? 'xstr') {
    case 'string':
      return JSON.stringify(path);
    case 'bare':
      return path;
    default:
      return `XSTR(${path})`;
  }
}

/** `/* name *\/` and `/* comment *\/` lines for an element's meta. */
function metaComments(w: LineWriter, meta: Meta | undefined): void {
  if (meta?.name) w.line(cComment(meta.name));
  // One comment per line, so a multi-line comment reads back line for line.
  for (const line of meta?.comment?.split('\n') ?? []) if (line.trim()) w.line(cComment(line));
}

function hyp(w: LineWriter, h: HypConfig, v2: boolean): void {
  const fields: string[] = [];
  if (h.relocate !== undefined) fields.push(`.relocate = ${h.relocate},`);
  if (h.base_addr !== undefined) fields.push(`.base_addr = ${hex(h.base_addr)},`);
  if (v2 && h.data_relocate !== undefined) fields.push(`.data_relocate = ${h.data_relocate},`);
  if (v2 && h.data_addr !== undefined) fields.push(`.data_addr = ${hex(h.data_addr)},`);
  if (h.colors !== undefined) fields.push(`.colors = ${hex(h.colors)},`);
  if (fields.length === 0) return;
  w.gap();
  w.block('.hyp = {', '},', () => fields.forEach((f) => w.line(f)));
}

function shmems(w: LineWriter, list: Shmem[], declared: number | undefined, v2: boolean): void {
  if (list.length === 0 && declared === undefined) return;
  w.gap();
  w.line(`.shmemlist_size = ${declared ?? list.length},`);
  if (list.length === 0) return;
  w.block('.shmemlist = (struct shmem[]) {', '},', () =>
    list.forEach((s, i) =>
      w.block(`[${i}] = {`, '},', () => {
        metaComments(w, s.meta);
        w.line(`.size = ${hex(s.size)},`);
        if (s.colors !== undefined) w.line(`.colors = ${hex(s.colors)},`);
        if (s.place_phys !== undefined) w.line(`.place_phys = ${s.place_phys},`);
        if (s.phys !== undefined) w.line(`.phys = ${hex(s.phys)},`);
        if (v2 && s.reserved !== undefined) w.line(`.reserved = ${s.reserved},`);
      }),
    ),
  );
}

function vmConfig(w: LineWriter, vm: VmConfig, id: string | undefined, v2: boolean): void {
  w.block('{', '},', () => {
    metaComments(w, vm.meta);
    image(w, vm.image, id, v2);
    w.gap();
    w.line(`.entry = ${hex(vm.entry)},`);
    if (vm.cpu_affinity !== undefined) w.line(`.cpu_affinity = ${hex(vm.cpu_affinity)},`);
    if (vm.colors !== undefined) w.line(`.colors = ${hex(vm.colors)},`);
    w.gap();
    const p = vm.platform;
    w.block('.platform = {', '},', () => {
      w.line(`.cpu_num = ${p.cpu_num},`);
      if (p.mmu !== undefined) w.line(`.mmu = ${p.mmu},`);
      list(w, 'region_num', 'regions', 'struct vm_mem_region', p.regions, p.region_num, (r) =>
        region(w, r, v2),
      );
      list(w, 'ipc_num', 'ipcs', 'struct ipc', p.ipcs, p.ipc_num, (c) => ipc(w, c));
      list(w, 'dev_num', 'devs', 'struct vm_dev_region', p.devs, p.dev_num, (d) => dev(w, d));
      if (v2)
        list(
          w,
          'remio_dev_num',
          'remio_devs',
          'struct remio_dev',
          p.remio_devs,
          p.remio_dev_num,
          (r) => remio(w, r),
        );
      arch(w, p.arch, v2);
    });
  });
}

function image(w: LineWriter, img: VmImage, id: string | undefined, v2: boolean): void {
  const extras: string[] = [];
  if (img.inplace !== undefined) extras.push(`.inplace = ${img.inplace},`);
  if (v2 && img.reserved !== undefined) extras.push(`.reserved = ${img.reserved},`);
  const asFields = img.style === 'fields' || extras.length > 0;
  if (img.source === 'builtin') {
    const name = id ?? 'image';
    if (!asFields) {
      w.line(`.image = VM_IMAGE_BUILTIN(${name}, ${hex(img.base_addr)}),`);
      return;
    }
    w.block('.image = {', '},', () => {
      w.line(`.base_addr = ${hex(img.base_addr)},`);
      w.line(`.load_addr = VM_IMAGE_OFFSET(${name}),`);
      w.line(`.size = VM_IMAGE_SIZE(${name}),`);
      extras.forEach((e) => w.line(e));
    });
    return;
  }
  if (!asFields && img.load_addr !== undefined && img.size !== undefined) {
    w.line(
      `.image = VM_IMAGE_LOADED(${hex(img.base_addr)}, ${hex(img.load_addr)}, ${hex(img.size)}),`,
    );
    return;
  }
  w.block('.image = {', '},', () => {
    w.line(`.base_addr = ${hex(img.base_addr)},`);
    if (img.load_addr !== undefined) w.line(`.load_addr = ${hex(img.load_addr)},`);
    if (img.size !== undefined) w.line(`.size = ${hex(img.size)},`);
    w.line('.separately_loaded = true,');
    extras.forEach((e) => w.line(e));
  });
}

/** `.x_num = n,` and `.xs = (T[]) { {...}, },` with a blank line before, as Bao's configs do. */
function list<T>(
  w: LineWriter,
  countField: string,
  listField: string,
  type: string,
  items: T[],
  declared: number | undefined,
  item: (t: T) => void,
): void {
  if (items.length === 0 && declared === undefined) return;
  w.gap();
  w.line(`.${countField} = ${declared ?? items.length},`);
  if (items.length === 0) return;
  w.block(`.${listField} = (${type}[]) {`, '},', () =>
    items.forEach((t) => w.block('{', '},', () => item(t))),
  );
}

function region(w: LineWriter, r: MemRegion, v2: boolean): void {
  metaComments(w, r.meta);
  w.line(`.base = ${hex(r.base)},`);
  w.line(`.size = ${hex(r.size)},`);
  if (r.colors !== undefined) w.line(`.colors = ${hex(r.colors)},`);
  if (r.place_phys !== undefined) w.line(`.place_phys = ${r.place_phys},`);
  if (r.phys !== undefined) w.line(`.phys = ${hex(r.phys)},`);
  if (v2 && r.reserved !== undefined) w.line(`.reserved = ${r.reserved},`);
}

function interrupts(w: LineWriter, irqs: number[], declared: number | undefined): void {
  if (irqs.length === 0 && declared === undefined) return;
  w.line(`.interrupt_num = ${declared ?? irqs.length},`);
  if (irqs.length > 0) w.line(`.interrupts = (irqid_t[]) {${irqs.join(', ')}},`);
}

function dev(w: LineWriter, d: DevRegion): void {
  metaComments(w, d.meta);
  w.line(`.pa = ${hex(d.pa)},`);
  w.line(`.va = ${hex(d.va)},`);
  w.line(`.size = ${hex(d.size)},`);
  interrupts(w, d.interrupts, d.interrupt_num);
  if (d.id !== undefined) w.line(`.id = ${d.id},`);
}

function ipc(w: LineWriter, c: Ipc): void {
  metaComments(w, c.meta);
  w.line(`.base = ${hex(c.base)},`);
  w.line(`.size = ${hex(c.size)},`);
  w.line(`.shmem_id = ${c.shmem_id},`);
  interrupts(w, c.interrupts, c.interrupt_num);
}

function remio(w: LineWriter, r: RemioDev): void {
  metaComments(w, r.meta);
  w.line(`.bind_key = ${r.bind_key},`);
  w.line(`.type = ${r.type},`);
  if (r.va !== undefined) w.line(`.va = ${hex(r.va)},`);
  if (r.size !== undefined) w.line(`.size = ${hex(r.size)},`);
  w.line(`.interrupt = ${r.interrupt},`);
  w.block('.shmem = {', '},', () => {
    w.line(`.base = ${hex(r.shmem.base)},`);
    w.line(`.size = ${hex(r.shmem.size)},`);
    w.line(`.shmem_id = ${r.shmem.shmem_id},`);
  });
}

function arch(w: LineWriter, a: ArchVmPlatform, v2: boolean): void {
  const body: (() => void)[] = [];
  if (a.irqc?.plic) {
    const base = a.irqc.plic.base;
    body.push(() => w.line(`.irqc.plic.base = ${hex(base)},`));
  }
  if (a.irqc?.aia) {
    const aia = a.irqc.aia;
    body.push(() => w.line(`.irqc.aia.aplic.base = ${hex(aia.aplic.base)},`));
    if (v2 && aia.imsic) {
      const imsic = aia.imsic;
      body.push(() => w.line(`.irqc.aia.imsic.base = ${hex(imsic.base)},`));
    }
  }
  const gic = a.gic;
  if (gic && Object.values(gic).some((v) => v !== undefined)) {
    body.push(() =>
      w.block('.gic = {', '},', () => {
        if (gic.gicd_addr !== undefined) w.line(`.gicd_addr = ${hex(gic.gicd_addr)},`);
        if (gic.gicc_addr !== undefined) w.line(`.gicc_addr = ${hex(gic.gicc_addr)},`);
        if (gic.gicr_addr !== undefined) w.line(`.gicr_addr = ${hex(gic.gicr_addr)},`);
        if (gic.interrupt_num !== undefined) w.line(`.interrupt_num = ${gic.interrupt_num},`);
      }),
    );
  }
  const smmu = a.smmu;
  if (
    smmu &&
    (smmu.global_mask !== undefined || smmu.groups.length > 0 || smmu.group_num !== undefined)
  ) {
    body.push(() =>
      w.block('.smmu = {', '},', () => {
        if (smmu.global_mask !== undefined) w.line(`.global_mask = ${hex(smmu.global_mask)},`);
        if (smmu.groups.length > 0 || smmu.group_num !== undefined)
          w.line(`.group_num = ${smmu.group_num ?? smmu.groups.length},`);
        if (smmu.groups.length > 0)
          w.block('.groups = (struct smmu_group[]) {', '},', () =>
            smmu.groups.forEach((g) => w.line(`{ .mask = ${hex(g.mask)}, .id = ${hex(g.id)} },`)),
          );
      }),
    );
  }
  if (v2 && (a.gpsr_groups !== undefined || a.gpsr_num !== undefined)) {
    const groups = a.gpsr_groups ?? [];
    body.push(() => {
      w.line(`.gpsr_num = ${a.gpsr_num ?? groups.length},`);
      if (groups.length > 0) w.line(`.gpsr_groups = (unsigned long[]) {${groups.join(', ')}},`);
    });
  }
  const smc = a.smc_passthrough;
  if (smc) {
    // Not upstream Bao: the bao-demos SMC-passthrough platform patch (s32g3, imx8mp-verdin).
    body.push(() =>
      w.block('.smc_passthrough = {', '},', () => {
        w.line(`.num = ${smc.num ?? smc.smcs.length},`);
        if (smc.smcs.length > 0) w.line(`.smcs = (size_t[]) {${smc.smcs.map(hex).join(', ')}},`);
      }),
    );
  }
  if (body.length === 0) return;
  w.gap();
  w.block('.arch = {', '},', () => body.forEach((b) => b()));
}
