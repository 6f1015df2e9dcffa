// The guest image and entry point (C4, C5, B8): Bao copies the image into the VM only when it
// lies entirely inside one VM region, and jumps to `entry` whatever it is.
import { formatSize, hex } from '../../model/numbers.js';
import type { Diagnostic } from '../diagnostic.js';
import type { VmView } from '../context.js';
import { contains, containsAddr, fmtRange, overlaps, type Range } from '../ranges.js';
import { defineRule } from '../rule.js';

/** Index of the VM region that holds the image's base address (undefined: none). */
function imageRegion(v: VmView): number | undefined {
  const i = v.vm.platform.regions.findIndex((r) => containsAddr(r, v.vm.image.base_addr));
  return i < 0 ? undefined : i;
}

export const imageFields = defineRule({
  id: 'image/fields',
  severity: 'error',
  description:
    'The image description is incomplete (built-in without a name/path, loaded without load_addr/size)',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const img = v.vm.image;
      const p = [...v.path, 'image'];
      if (img.source === 'builtin') {
        if (!img.name)
          out.push(
            ctx.diag(this, [...p, 'name'], `${v.label}: a built-in image needs a VM_IMAGE name`, {
              bao: 'Build: VM_IMAGE_BUILTIN needs the name VM_IMAGE declared',
            }),
          );
        if (!img.path && !v.vm.meta?.imageFile)
          out.push(
            ctx.diag(
              this,
              [...p, 'path'],
              `${v.label}: a built-in image needs the path of the guest binary`,
              { bao: 'Build: .incbin has no file to include' },
            ),
          );
      } else {
        if (img.load_addr === undefined)
          out.push(
            ctx.diag(
              this,
              [...p, 'load_addr'],
              `${v.label}: a separately loaded image needs load_addr (where the loader puts it)`,
              { bao: 'Silent: Bao copies the image from physical address 0' },
            ),
          );
        if (img.size === undefined)
          out.push(
            ctx.diag(this, [...p, 'size'], `${v.label}: a separately loaded image needs its size`, {
              bao: 'Silent: Bao copies nothing (size 0)',
            }),
          );
      }
    }
    return out;
  },
});

export const imageOutsideRegion = defineRule({
  id: 'image/outside-region',
  severity: 'error',
  description: 'The image does not lie entirely inside one memory region of its VM',
  refs: ['C4'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const img = v.vm.image;
      const size = ctx.imageSize(v.index) ?? 1n;
      const range = { base: img.base_addr, size };
      const regions = v.vm.platform.regions;
      if (regions.some((r) => contains(r, range))) continue;
      const j = imageRegion(v);
      if (j !== undefined && size > regions[j].size) continue; // image/larger-than-region says it better
      const msg =
        j === undefined
          ? `${v.label}: the image at ${hex(img.base_addr)} is outside every memory region of the VM (${regions.map((r) => fmtRange(r)).join(', ') || 'none'})`
          : `${v.label}: the image ${fmtRange(range)} starts in memory region ${j} ${fmtRange(regions[j])} but runs past its end`;
      out.push(
        ctx.diag(this, [...v.path, 'image', 'base_addr'], msg, {
          related: j === undefined ? [] : [[...v.path, 'platform', 'regions', j]],
          bao: 'Silent: Bao copies the image only when it lies entirely inside one region; the VM starts on empty memory',
        }),
      );
    }
    return out;
  },
});

export const imageTooLarge = defineRule({
  id: 'image/larger-than-region',
  severity: 'error',
  description: 'The image is larger than the memory region that should hold it',
  refs: ['C4'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const size = ctx.imageSize(v.index);
      const j = imageRegion(v);
      if (size === undefined || j === undefined) continue;
      const r = v.vm.platform.regions[j];
      if (size <= r.size) continue;
      out.push(
        ctx.diag(
          this,
          [...v.path, 'image', 'size'],
          `${v.label}: the image (${formatSize(size)}) is larger than memory region ${j} ${fmtRange(r)} (${formatSize(r.size)})`,
          {
            related: [[...v.path, 'platform', 'regions', j, 'size']],
            bao: 'Silent: the image is not copied; the VM starts on empty memory',
          },
        ),
      );
    }
    return out;
  },
});

export const entryOutside = defineRule({
  id: 'image/entry',
  severity: 'error',
  description: 'The entry point is outside the VM’s memory (error) or outside its image (warning)',
  refs: ['C5'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const e = v.vm.entry;
      const regions = v.vm.platform.regions;
      const p = [...v.path, 'entry'];
      if (!regions.some((r) => containsAddr(r, e))) {
        out.push(
          ctx.diag(
            this,
            p,
            `${v.label}: entry ${hex(e)} is outside every memory region of the VM`,
            {
              bao: 'Silent: the vCPU starts at an unmapped address and faults immediately',
            },
          ),
        );
        continue;
      }
      const size = ctx.imageSize(v.index);
      const img = { base: v.vm.image.base_addr, size: size ?? 0n };
      const j = imageRegion(v);
      const ej = regions.findIndex((r) => containsAddr(r, e));
      if (j !== undefined && ej !== j)
        out.push(
          ctx.diag(
            this,
            p,
            `${v.label}: entry ${hex(e)} is in memory region ${ej}, not in region ${j} that holds the image (${hex(img.base)})`,
            {
              severity: 'warning',
              related: [[...v.path, 'image', 'base_addr']],
              bao: 'Silent: the vCPU starts outside the image',
            },
          ),
        );
      else if (size !== undefined && !containsAddr(img, e))
        out.push(
          ctx.diag(this, p, `${v.label}: entry ${hex(e)} is outside the image ${fmtRange(img)}`, {
            severity: 'warning',
            related: [[...v.path, 'image', 'base_addr']],
            bao: 'Silent: the vCPU starts outside the image',
          }),
        );
    }
    return out;
  },
});

/**
 * B8, as Bao codes it (vm.c vm_install_image): for the image's region when it is place_phys,
 * Bao compares the image's guest address `base_addr` with its physical `load_addr`: equal means
 * "already in place, nothing to copy"; overlapping ranges are refused. Built-in images are loaded
 * inside Bao's own image.
 */
export const loadOverlapsRuntime = defineRule({
  id: 'image/load-overlap',
  severity: 'error',
  description:
    'Image in a place_phys region: its load range overlaps its run range, or Bao takes it as already in place when it is not',
  refs: ['B8'],
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const img = v.vm.image;
      const j = imageRegion(v);
      if (j === undefined) continue;
      const phys = ctx.regionPhys(v.index, j);
      if (phys === undefined) continue; // only place_phys regions (every region on MPU)
      const region = v.vm.platform.regions[j];
      const size = ctx.imageSize(v.index) ?? 1n;
      const run = { base: img.base_addr, size };
      const p = [...v.path, 'image'];
      let load: Range | undefined;
      if (img.source === 'loaded' && img.load_addr !== undefined)
        load = { base: img.load_addr, size };
      else if (img.source === 'builtin') load = ctx.hypervisorRange();
      if (!load) continue;
      const runtimePhys = phys + (img.base_addr - region.base);
      if (img.source === 'loaded' && img.load_addr === img.base_addr) {
        if (runtimePhys !== img.load_addr)
          out.push(
            ctx.diag(
              this,
              [...p, 'load_addr'],
              `${v.label}: load_addr equals base_addr (${hex(img.base_addr)}), so Bao takes the image as already in place, but memory region ${j} puts that guest address at physical ${hex(runtimePhys)}`,
              {
                related: [[...v.path, 'platform', 'regions', j, 'phys']],
                bao: 'Silent: the image is never copied; the VM starts on memory that does not hold it',
              },
            ),
          );
        continue;
      }
      if (!overlaps(run, load)) continue;
      out.push(
        ctx.diag(
          this,
          [...p, img.source === 'loaded' ? 'load_addr' : 'base_addr'],
          img.source === 'loaded'
            ? `${v.label}: the image is loaded at ${fmtRange(load)}, which overlaps its run range ${fmtRange(run)} (memory region ${j} is place_phys)`
            : `${v.label}: the built-in image runs at ${fmtRange(run)}, which overlaps where it is loaded (inside Bao's image ${fmtRange(load)}; memory region ${j} is place_phys)`,
          {
            related: [[...v.path, 'platform', 'regions', j]],
            bao: 'BAO ERROR: failed installing vm image. Image load region overlaps with image runtime region',
          },
        ),
      );
    }
    return out;
  },
});

export const duplicateImageName = defineRule({
  id: 'image/duplicate-name',
  severity: 'error',
  description: 'Two VMs declare built-in images with the same VM_IMAGE name but different files',
  check(ctx) {
    const first = new Map<string, VmView>();
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      const img = v.vm.image;
      if (img.source !== 'builtin' || !img.name) continue;
      const prev = first.get(img.name);
      if (!prev) {
        first.set(img.name, v);
        continue;
      }
      // Two VMs may run the same binary: one VM_IMAGE, used twice.
      if ((prev.vm.image.path ?? '') === (img.path ?? '')) continue;
      out.push(
        ctx.diag(
          this,
          [...v.path, 'image', 'name'],
          `${v.label}: VM_IMAGE name "${img.name}" is already used by ${prev.label} for another file (${prev.vm.image.path ?? '?'} vs ${img.path ?? '?'})`,
          {
            related: [[...prev.path, 'image', 'name']],
            bao: `Build: redefinition of _${img.name}_vm_beg`,
          },
        ),
      );
    }
    return out;
  },
});

/** Instruction alignment of the entry point, and what Linux needs of its load address. */
export const imageAlignment = defineRule({
  id: 'image/alignment',
  severity: 'warning',
  description:
    'The entry point is not instruction aligned, or a Linux image is not at a 2 MiB boundary',
  needsPlatform: true,
  check(ctx) {
    const plat = ctx.platform!;
    const riscv = plat.arch.startsWith('riscv');
    // RISC-V guests may use compressed instructions (2-byte); Arm, TriCore and RH850 need 4/2.
    const insn = riscv || plat.arch === 'rh850' || plat.arch === 'tricore' ? 2n : 4n;
    const out: Diagnostic[] = [];
    for (const v of ctx.vms) {
      if (v.vm.entry % insn !== 0n)
        out.push(
          ctx.diag(
            this,
            [...v.path, 'entry'],
            `${v.label}: entry ${hex(v.vm.entry)} is not aligned to ${insn} bytes`,
            {
              severity: 'error',
              bao: 'Silent: the vCPU takes an instruction-address-misaligned fault at its first fetch',
            },
          ),
        );
      const base = v.vm.image.base_addr;
      // Linux (riscv64 and arm64) must be loaded at a 2 MiB aligned address (PMD size).
      if (
        v.vm.meta?.guest === 'linux' &&
        (plat.arch === 'riscv64' || plat.arch === 'aarch64') &&
        base % 0x200000n !== 0n
      )
        out.push(
          ctx.diag(
            this,
            [...v.path, 'image', 'base_addr'],
            `${v.label}: a ${plat.arch} Linux kernel must be loaded at a 2 MiB boundary, not ${hex(base)}`,
            {
              bao: 'Silent: the guest kernel stops early in boot',
            },
          ),
        );
    }
    return out;
  },
});
