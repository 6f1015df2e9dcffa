// Every edit the designer makes, as pure functions Project → Project. They never mutate their
// input (the store keeps old projects for undo), so each one clones first; structuredClone keeps
// bigints exact. Paths are relative to the Project, e.g. ["config", "vmlist", 1, "platform",
// "devs", 0], the same paths validation reports.
import type {
  DevRegion,
  Ipc,
  MemRegion,
  Project,
  RemioDev,
  VmConfig,
} from '../../../core/bao/model/index.js';
import type { ModelPath } from '../../../core/bao/model/path.js';
import type { PlatformDevice, PlatformView } from '../domain/platform-view.js';

export const DEFAULT_REGION_SIZE = 0x4000000n; // 64 MiB, the workshop's bare-metal VM
export const DEFAULT_SHMEM_SIZE = 0x10000n; // 64 KiB, the workshop's IPC
export const FIRST_IPC_IRQ = 52; // the workshop's IPC interrupt on qemu-riscv64-virt
export const DEFAULT_REMIO_SHMEM_SIZE = 0x400000n; // 4 MiB of VirtIO queues and buffers
export const REMIO_MMIO_SIZE = 0x1000n; // one page: a VirtIO-MMIO register window is 0x200

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Edits one VM: only that VM is copied, every other object keeps its identity (structural
 * sharing), so the canvas re-renders just the node that changed.
 */
function editVm(project: Project, i: number, edit: (vm: VmConfig) => void): Project {
  const vm = project.config.vmlist[i];
  if (!vm) throw new Error(`no VM ${i}`);
  const next = structuredClone(vm);
  edit(next);
  const vmlist = project.config.vmlist.slice();
  vmlist[i] = next;
  return { ...project, config: { ...project.config, vmlist } };
}

export const vmPath = (i: number): ModelPath => ['config', 'vmlist', i];
export const shmemPath = (i: number): ModelPath => ['config', 'shmemlist', i];

/** A new VM with nothing assigned yet; the virtual interrupt controller follows the platform's. */
export function newVm(project: Project, platform: PlatformView | undefined): VmConfig {
  const i = project.config.vmlist.length;
  const arch = virtualIrqc(project, platform);
  return {
    image: { source: 'builtin', name: `vm${i}_image`, path: `vm${i}.bin`, base_addr: 0n },
    entry: 0n,
    platform: {
      cpu_num: 0,
      regions: [],
      devs: [],
      ipcs: [],
      remio_devs: [],
      arch: arch ?? {},
    },
    meta: { name: `vm${i}`, guest: 'baremetal' },
  };
}

function virtualIrqc(_project: Project, platform: PlatformView | undefined) {
  if (!platform) return undefined;
  const ic = platform.irqc;
  if (ic.type === 'PLIC' && ic.plic !== undefined) return { irqc: { plic: { base: ic.plic } } };
  if ((ic.type === 'APLIC' || ic.type === 'AIA') && ic.aplic !== undefined)
    return { irqc: { aia: { aplic: { base: ic.aplic } } } };
  if ((ic.type === 'GICv2' || ic.type === 'GICv3') && ic.gicd !== undefined)
    return {
      gic: {
        gicd_addr: ic.gicd,
        ...(ic.type === 'GICv2' ? { gicc_addr: ic.gicc } : { gicr_addr: ic.gicr }),
      },
    };
  return undefined;
}

export function addVm(
  project: Project,
  platform: PlatformView | undefined,
  position?: { x: number; y: number },
): { project: Project; index: number } {
  const next = clone(project);
  const index = next.config.vmlist.length;
  next.config.vmlist.push(newVm(project, platform));
  if (position) next.layout[`vm:${index}`] = position;
  return { project: next, index };
}

/** Adds a vCPU. `pinned` pins it to that physical CPU (sets the cpu_affinity bit). */
export function addVcpu(project: Project, vm: number, pinned?: number): Project {
  const v = project.config.vmlist[vm];
  if (!v) throw new Error(`no VM ${vm}`);
  const bit = pinned === undefined ? 0n : 1n << BigInt(pinned);
  if ((v.cpu_affinity ?? 0n) & bit) return project; // already pinned there
  return editVm(project, vm, (nv) => {
    if (bit) nv.cpu_affinity = (nv.cpu_affinity ?? 0n) | bit;
    nv.platform.cpu_num += 1;
  });
}

/** Removes a vCPU (the one pinned to `pinned` when given). */
export function removeVcpu(project: Project, vm: number, pinned?: number): Project {
  const v = project.config.vmlist[vm];
  if (!v || v.platform.cpu_num === 0) return project;
  return editVm(project, vm, (nv) => {
    nv.platform.cpu_num -= 1;
    if (pinned !== undefined && nv.cpu_affinity !== undefined) {
      nv.cpu_affinity &= ~(1n << BigInt(pinned));
      if (nv.cpu_affinity === 0n) delete nv.cpu_affinity;
    }
  });
}

/** Physical CPUs in use: pinned ones, then unpinned vCPUs take the lowest free ones (as displayed). */
export function cpuOwners(project: Project, cpus: number): (number | undefined)[] {
  const owner: (number | undefined)[] = Array.from({ length: cpus }, () => undefined);
  const vms = project.config.vmlist;
  vms.forEach((vm, i) => {
    const aff = vm.cpu_affinity ?? 0n;
    for (let c = 0; c < cpus; c++)
      if ((aff >> BigInt(c)) & 1n && owner[c] === undefined) owner[c] = i;
  });
  vms.forEach((vm, i) => {
    const pinned = popcount(vm.cpu_affinity ?? 0n);
    let unpinned = Math.max(0, vm.platform.cpu_num - pinned);
    for (let c = 0; c < cpus && unpinned > 0; c++)
      if (owner[c] === undefined) {
        owner[c] = i;
        unpinned--;
      }
  });
  return owner;
}

function popcount(n: bigint): number {
  let c = 0;
  for (let m = n; m > 0n; m >>= 1n) c += Number(m & 1n);
  return c;
}

/** Host ranges taken by VM regions placed at known physical addresses (identity unless phys). */
export function hostRangesInUse(project: Project): { base: bigint; size: bigint }[] {
  const out: { base: bigint; size: bigint }[] = [];
  for (const vm of project.config.vmlist)
    for (const r of vm.platform.regions)
      out.push({ base: r.place_phys && r.phys !== undefined ? r.phys : r.base, size: r.size });
  for (const s of project.config.shmemlist)
    if (s.place_phys && s.phys !== undefined) out.push({ base: s.phys, size: s.size });
  return out;
}

const overlaps = (a: bigint, as: bigint, b: bigint, bs: bigint) => a < b + bs && b < a + as;

/** First address in the platform region (aligned to `align`) where `size` bytes are free. */
export function firstFreeIn(
  region: { base: bigint; size: bigint },
  used: { base: bigint; size: bigint }[],
  size: bigint,
  align = 0x200000n,
): bigint | undefined {
  let addr = region.base;
  const end = region.base + region.size;
  for (let guard = 0; guard < 10000 && addr + size <= end; guard++) {
    const hit = used.find((u) => overlaps(addr, size, u.base, u.size));
    if (!hit) return addr;
    const after = hit.base + hit.size;
    addr = ((after + align - 1n) / align) * align;
  }
  return undefined;
}

/** Assigns memory to a VM: a region at the first free place of platform region `regionIndex`. */
export function assignMemory(
  project: Project,
  vm: number,
  platform: PlatformView | undefined,
  regionIndex = 0,
  size = DEFAULT_REGION_SIZE,
): Project {
  const pr = platform?.regions[regionIndex];
  const base = pr ? (firstFreeIn(pr, hostRangesInUse(project), size) ?? pr.base) : 0n;
  const region: MemRegion = { base, size };
  return editVm(project, vm, (v) => {
    v.platform.regions.push(region);
    // A VM with its first region boots from it: point the image and entry there.
    if (v.platform.regions.length === 1 && v.image.base_addr === 0n && v.entry === 0n) {
      v.image.base_addr = base;
      v.entry = base;
    }
  });
}

/**
 * Passes a platform device through to a VM, identity-mapped. A register window smaller than a
 * page is rounded up to `pageSize`: Bao maps whole pages on MMU builds, and that is how the
 * workshop configs write it (the 8250 UART: 0x100 in QEMU's device tree, 0x1000 in config.c).
 */
export function assignDevice(
  project: Project,
  vm: number,
  dev: PlatformDevice,
  pageSize = 0n,
): Project {
  const v = project.config.vmlist[vm];
  if (!v) throw new Error(`no VM ${vm}`);
  if (v.platform.devs.some((d) => d.pa === dev.pa)) return project; // already there
  const d: DevRegion = {
    pa: dev.pa,
    va: dev.pa,
    size: pageSize > 0n ? ((dev.size + pageSize - 1n) / pageSize) * pageSize : dev.size,
    interrupts: [...dev.interrupts],
    meta: { name: dev.name },
  };
  return editVm(project, vm, (nv) => nv.platform.devs.push(d));
}

/** VM indexes that hold a device at `pa`. */
export function deviceOwners(project: Project, pa: bigint): number[] {
  const out: number[] = [];
  project.config.vmlist.forEach((vm, i) => {
    if (vm.platform.devs.some((d) => d.pa === pa)) out.push(i);
  });
  return out;
}

function guestRanges(vm: VmConfig): { base: bigint; size: bigint }[] {
  return [
    ...vm.platform.regions.map((r) => ({ base: r.base, size: r.size })),
    ...vm.platform.devs.map((d) => ({ base: d.va, size: d.size })),
    ...vm.platform.ipcs.map((c) => ({ base: c.base, size: c.size })),
    ...vm.platform.remio_devs.flatMap((r) => [
      { base: r.shmem.base, size: r.shmem.size },
      ...(r.va !== undefined && r.size ? [{ base: r.va, size: r.size }] : []),
    ]),
  ];
}

/** A free guest-physical window for an IPC, preferring high addresses (0xf0000000 as in the demos). */
function freeGuestWindow(vms: VmConfig[], size: bigint): bigint {
  const used = vms.flatMap(guestRanges);
  for (const start of [0xf0000000n, 0x70000000n, 0xe0000000n, 0x100000000n]) {
    const a = firstFreeIn({ base: start, size: 0x10000000n }, used, size, 0x10000n);
    if (a !== undefined) return a;
  }
  return 0xf0000000n;
}

function usedIrqs(vm: VmConfig): Set<number> {
  const s = new Set<number>();
  for (const d of vm.platform.devs) for (const i of d.interrupts) s.add(i);
  for (const c of vm.platform.ipcs) for (const i of c.interrupts) s.add(i);
  for (const r of vm.platform.remio_devs) s.add(r.interrupt);
  return s;
}

/**
 * Links VMs through a new shared-memory object: one IPC in each VM, at the same guest address
 * and with the same notification interrupt when both are free (as the workshop does).
 */
export function createIpcLink(
  project: Project,
  vms: number[],
  size = DEFAULT_SHMEM_SIZE,
  position?: { x: number; y: number },
): { project: Project; shmem: number } {
  const next = clone(project);
  const list = vms.map((i) => {
    const v = next.config.vmlist[i];
    if (!v) throw new Error(`no VM ${i}`);
    return v;
  });
  const shmem = next.config.shmemlist.length;
  next.config.shmemlist.push({ size, meta: { name: `shmem${shmem}` } });
  const base = freeGuestWindow(list, size);
  const taken = new Set(list.flatMap((v) => [...usedIrqs(v)]));
  let irq = FIRST_IPC_IRQ;
  while (taken.has(irq)) irq++;
  for (const v of list) {
    const ipc: Ipc = { base, size, shmem_id: shmem, interrupts: [irq] };
    v.platform.ipcs.push(ipc);
  }
  if (position) next.layout[`shmem:${shmem}`] = position;
  return { project: next, shmem };
}

/** Connects a VM to an existing shared-memory object. */
export function attachIpc(project: Project, vm: number, shmem: number): Project {
  const s = project.config.shmemlist[shmem];
  const v = project.config.vmlist[vm];
  if (!s || !v) return project;
  if (v.platform.ipcs.some((c) => c.shmem_id === shmem)) return project;
  const next = clone(project);
  const nv = next.config.vmlist[vm]!;
  const peers = project.config.vmlist
    .flatMap((o) => o.platform.ipcs)
    .filter((c) => c.shmem_id === shmem);
  const free = (base: bigint) =>
    !guestRanges(nv).some((r) => overlaps(base, s.size, r.base, r.size));
  const peer = peers[0];
  const base = peer && free(peer.base) ? peer.base : freeGuestWindow([nv], s.size);
  let irqs = peer ? [...peer.interrupts] : [];
  const taken = usedIrqs(nv);
  if (!irqs.length || irqs.some((i) => taken.has(i))) {
    let irq = FIRST_IPC_IRQ;
    while (taken.has(irq)) irq++;
    irqs = [irq];
  }
  nv.platform.ipcs.push({ base, size: s.size, shmem_id: shmem, interrupts: irqs });
  return next;
}

/**
 * Sets (or with `undefined`, removes) the value at a path. Only the objects along the path are
 * copied; everything else is shared with the previous project.
 */
export function setAt(project: Project, path: ModelPath, value: unknown): Project {
  if (path.length === 0) throw new Error('empty path');
  const set = (obj: unknown, i: number): unknown => {
    const seg = path[i]!;
    const src = (obj ?? (typeof seg === 'number' ? [] : {})) as Record<string | number, unknown>;
    const copy = (Array.isArray(src) ? src.slice() : { ...src }) as Record<
      string | number,
      unknown
    >;
    if (i === path.length - 1) {
      if (value === undefined) delete copy[seg];
      else copy[seg] = value;
    } else copy[seg] = set(src[seg], i + 1);
    return copy;
  };
  return set(project, 0) as Project;
}

/** Renumbers layout keys "<kind>:<i>" after element `removed` of that kind was deleted. */
function shiftLayout(project: Project, kind: 'vm' | 'shmem', removed: number) {
  const out: Project['layout'] = {};
  for (const [key, pos] of Object.entries(project.layout)) {
    const m = /^(\w+):(\d+)$/.exec(key);
    if (!m || m[1] !== kind) {
      out[key] = pos;
      continue;
    }
    const i = Number(m[2]);
    if (i === removed) continue;
    out[`${kind}:${i > removed ? i - 1 : i}`] = pos;
  }
  project.layout = out;
}

/**
 * Deletes the element at `path`: a VM, a shared-memory object (with the IPCs using it; later ids
 * shift down), or a VM's region, device or IPC. A path to `cpu_num` removes one vCPU.
 */
export function deleteAt(project: Project, path: ModelPath): Project {
  const [c, list, i, p, kind, j] = path;
  if (c !== 'config' || typeof i !== 'number') return project;
  const next = clone(project);
  if (list === 'vmlist' && path.length === 3) {
    next.config.vmlist.splice(i, 1);
    shiftLayout(next, 'vm', i);
    return next;
  }
  if (list === 'shmemlist' && path.length === 3) {
    next.config.shmemlist.splice(i, 1);
    for (const vm of next.config.vmlist) {
      vm.platform.ipcs = vm.platform.ipcs
        .filter((ipc) => ipc.shmem_id !== i)
        .map((ipc) => (ipc.shmem_id > i ? { ...ipc, shmem_id: ipc.shmem_id - 1 } : ipc));
      vm.platform.remio_devs = vm.platform.remio_devs
        .filter((r) => r.shmem.shmem_id !== i)
        .map((r) =>
          r.shmem.shmem_id > i
            ? { ...r, shmem: { ...r.shmem, shmem_id: r.shmem.shmem_id - 1 } }
            : r,
        );
    }
    shiftLayout(next, 'shmem', i);
    return next;
  }
  if (list === 'vmlist' && p === 'platform') {
    const vm = next.config.vmlist[i];
    if (!vm) return project;
    if (kind === 'cpu_num') return removeVcpu(project, i, typeof j === 'number' ? j : undefined);
    if (
      (kind === 'regions' || kind === 'devs' || kind === 'ipcs' || kind === 'remio_devs') &&
      typeof j === 'number'
    ) {
      (vm.platform[kind] as unknown[]).splice(j, 1);
      return next;
    }
  }
  return project;
}

export function setLayout(project: Project, key: string, pos: { x: number; y: number }): Project {
  return {
    ...project,
    layout: { ...project.layout, [key]: { x: Math.round(pos.x), y: Math.round(pos.y) } },
  };
}

/**
 * Adds an Armv8 SMMU stream-match group ({mask, id}) to a VM. The new group gets an id no other
 * group or device of any VM uses yet (a stream id in two VMs is a conflict Bao rejects).
 */
export function addSmmuGroup(project: Project, vm: number): Project {
  const used = new Set<number>();
  for (const v of project.config.vmlist) {
    for (const g of v.platform.arch.smmu?.groups ?? []) used.add(g.id);
    for (const d of v.platform.devs) if (d.id) used.add(d.id);
  }
  let id = 1;
  while (used.has(id)) id++;
  return editVm(project, vm, (v) => {
    const smmu = v.platform.arch.smmu ?? { groups: [] };
    smmu.groups.push({ mask: 0, id });
    v.platform.arch.smmu = smmu;
  });
}

/** Removes SMMU group `k` of a VM (and the smmu object once it holds nothing). */
export function removeSmmuGroup(project: Project, vm: number, k: number): Project {
  const groups = project.config.vmlist[vm]?.platform.arch.smmu?.groups;
  if (!groups?.[k]) return project;
  return editVm(project, vm, (v) => {
    const smmu = v.platform.arch.smmu!;
    smmu.groups.splice(k, 1);
    if (!smmu.groups.length && smmu.global_mask === undefined && smmu.group_num === undefined)
      delete v.platform.arch.smmu;
  });
}

/** Lowest interrupt from FIRST_IPC_IRQ on that none of `vms` uses. */
function freeIrq(vms: VmConfig[]): number {
  const taken = new Set(vms.flatMap((v) => [...usedIrqs(v)]));
  let irq = FIRST_IPC_IRQ;
  while (taken.has(irq)) irq++;
  return irq;
}

/**
 * Creates a Bao v2 Remote I/O (VirtIO) device: a frontend in VM `frontend` (the guest driver's
 * MMIO window at a free va) and a backend in VM `backend` (the device model), paired by the lowest
 * free bind_key and sharing a new shared-memory object mapped at the same guest address on both
 * sides (Bao requires {base, size, shmem_id} to be identical). Each side gets an interrupt free in
 * its VM.
 */
export function addRemioPair(
  project: Project,
  frontend: number,
  backend: number,
  size = DEFAULT_REMIO_SHMEM_SIZE,
): { project: Project; bindKey: number; shmem: number } {
  const next = clone(project);
  const fe = next.config.vmlist[frontend];
  const be = next.config.vmlist[backend];
  if (!fe || !be) throw new Error(`no VM ${fe ? backend : frontend}`);
  const keys = new Set(
    next.config.vmlist.flatMap((v) => v.platform.remio_devs.map((r) => r.bind_key)),
  );
  let bindKey = 0;
  while (keys.has(bindKey)) bindKey++;
  const shmem = next.config.shmemlist.length;
  next.config.shmemlist.push({ size, meta: { name: `virtio${bindKey}` } });
  const window = { base: freeGuestWindow([fe, be], size), size, shmem_id: shmem };
  const feIrq = freeIrq([fe]);
  const common = { bind_key: bindKey, meta: { name: `virtio${bindKey}` } };
  const front: RemioDev = {
    ...common,
    type: 'REMIO_DEV_FRONTEND',
    va: 0n,
    size: REMIO_MMIO_SIZE,
    interrupt: feIrq,
    shmem: { ...window },
  };
  // The MMIO window must not land on the shared window just placed: place it with that taken.
  fe.platform.remio_devs.push({ ...front, size: 0n });
  front.va = freeGuestWindow([fe], REMIO_MMIO_SIZE);
  fe.platform.remio_devs[fe.platform.remio_devs.length - 1] = front;
  const beIrq = freeIrq([be]);
  be.platform.remio_devs.push({
    ...common,
    type: 'REMIO_DEV_BACKEND',
    interrupt: beIrq,
    shmem: { ...window },
  });
  return { project: next, bindKey, shmem };
}
