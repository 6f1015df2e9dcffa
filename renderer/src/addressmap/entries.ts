// The address maps the designer draws: each VM's guest-physical map and the host-physical map,
// sorted, with overlaps marked. Pure, so it is unit-tested without a browser.
import type { Project } from '../../../core/bao/model/index.js';
import type { ModelPath } from '../../../core/bao/model/path.js';
import type { PlatformView } from '../domain/platform-view.js';

export interface MapEntry {
  kind: 'memory' | 'device' | 'ipc' | 'remio' | 'shmem' | 'platform-memory' | 'hypervisor';
  name: string;
  base: bigint;
  size: bigint;
  /** Owner VM (undefined: shared / platform). */
  vm?: number;
  path?: ModelPath;
  /** Names of the entries it overlaps. */
  overlaps: string[];
}

export interface AddressMaps {
  guests: { vm: number; name: string; entries: MapEntry[] }[];
  host: MapEntry[];
  /** VM regions Bao places anywhere free (no place_phys): not on the host map. */
  floating: MapEntry[];
}

function markOverlaps(entries: MapEntry[], conflicts: (a: MapEntry, b: MapEntry) => boolean) {
  const sorted = [...entries].sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.base >= a.base + a.size) break;
      if (!conflicts(a, b)) continue;
      a.overlaps.push(b.name);
      b.overlaps.push(a.name);
    }
  }
  return sorted;
}

export function addressMaps(project: Project, platform: PlatformView | undefined): AddressMaps {
  const vmName = (i: number) => project.config.vmlist[i]?.meta?.name ?? `vm${i}`;
  const guests = project.config.vmlist.map((vm, i) => {
    const base: ModelPath = ['config', 'vmlist', i, 'platform'];
    const entries: MapEntry[] = [
      ...vm.platform.regions.map((r, j) => ({
        kind: 'memory' as const,
        name: r.meta?.name ?? `region ${j}`,
        base: r.base,
        size: r.size,
        vm: i,
        path: [...base, 'regions', j],
        overlaps: [],
      })),
      ...vm.platform.devs.map((d, j) => ({
        kind: 'device' as const,
        name: d.meta?.name ?? `device ${j}`,
        base: d.va,
        size: d.size,
        vm: i,
        path: [...base, 'devs', j],
        overlaps: [],
      })),
      ...vm.platform.ipcs.map((c, j) => ({
        kind: 'ipc' as const,
        name: `ipc ${j} (shmem ${c.shmem_id})`,
        base: c.base,
        size: c.size,
        vm: i,
        path: [...base, 'ipcs', j],
        overlaps: [],
      })),
      // Remote I/O (v2): every side maps its shared window; a frontend also its MMIO window.
      ...vm.platform.remio_devs.flatMap((r, j) => {
        const name = r.meta?.name ?? `remio ${j}`;
        const path = [...base, 'remio_devs', j];
        const out: MapEntry[] = [
          {
            kind: 'remio',
            name: `${name} shared (key ${r.bind_key})`,
            base: r.shmem.base,
            size: r.shmem.size,
            vm: i,
            path,
            overlaps: [],
          },
        ];
        if (r.type === 'REMIO_DEV_FRONTEND' && r.va !== undefined && r.size)
          out.push({
            kind: 'remio',
            name: `${name} MMIO (key ${r.bind_key})`,
            base: r.va,
            size: r.size,
            vm: i,
            path,
            overlaps: [],
          });
        return out;
      }),
    ];
    return { vm: i, name: vmName(i), entries: markOverlaps(entries, () => true) };
  });

  const host: MapEntry[] = [];
  const floating: MapEntry[] = [];
  project.config.vmlist.forEach((vm, i) => {
    vm.platform.regions.forEach((r, j) => {
      const e: MapEntry = {
        kind: 'memory',
        name: `${vmName(i)} ${r.meta?.name ?? `region ${j}`}`,
        base: r.place_phys && r.phys !== undefined ? r.phys : r.base,
        size: r.size,
        vm: i,
        path: ['config', 'vmlist', i, 'platform', 'regions', j],
        overlaps: [],
      };
      (r.place_phys ? host : floating).push(e);
    });
    vm.platform.devs.forEach((d, j) =>
      host.push({
        kind: 'device',
        name: `${vmName(i)} ${d.meta?.name ?? `device ${j}`}`,
        base: d.pa,
        size: d.size,
        vm: i,
        path: ['config', 'vmlist', i, 'platform', 'devs', j],
        overlaps: [],
      }),
    );
  });
  project.config.shmemlist.forEach((s, k) => {
    if (s.place_phys && s.phys !== undefined)
      host.push({
        kind: 'shmem',
        name: s.meta?.name ?? `shmem ${k}`,
        base: s.phys,
        size: s.size,
        path: ['config', 'shmemlist', k],
        overlaps: [],
      });
  });
  const h = project.config.hyp;
  const sortedHost = markOverlaps(
    host,
    (a, b) => a.vm === undefined || b.vm === undefined || a.vm !== b.vm,
  );
  const platformMem = (platform?.regions ?? []).map((r, k): MapEntry => ({
    kind: 'platform-memory',
    name: `RAM ${k}`,
    base: r.base,
    size: r.size,
    overlaps: [],
  }));
  if (h.relocate && h.base_addr !== undefined)
    platformMem.push({
      kind: 'hypervisor',
      name: 'Bao image (relocated)',
      base: h.base_addr,
      size: 0n,
      overlaps: [],
    });
  return {
    guests,
    host: [...platformMem, ...sortedHost].sort((a, b) =>
      a.base < b.base ? -1 : a.base > b.base ? 1 : 0,
    ),
    floating,
  };
}
