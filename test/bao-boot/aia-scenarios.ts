// Issue 4's Bao systems on an AIA build of Bao (IRQC=AIA, the default of Bao main on
// qemu-riscv64-virt): the same projects and expected lines as scenarios.ts, with each VM's
// interrupt controller turned into a virtual APLIC + IMSIC guest file and our guest built for it
// (assets/guests: baremetal-aia*.bin).
import { Project } from '../../core/bao/model/index.js';
import { scenarios, type Scenario } from './scenarios.js';

/** Where the guest expects its virtual APLIC and IMSIC (assets/guests/baremetal/guest.h). */
export const VAPLIC_BASE = '0xd000000';
export const VIMSIC_BASE = '0x28000000';

const aiaImage = (file: string): string => file.replace(/baremetal(-?)/, 'baremetal-aia$1');

export function aiaScenarios(): Scenario[] {
  return scenarios('v2').map((s) => {
    const raw = structuredClone(s.project) as unknown as {
      target: { irqc?: string };
      config: {
        vmlist: {
          image: { path: string };
          platform: { arch: unknown };
          meta: { imageFile: string };
        }[];
      };
    };
    raw.target.irqc = 'AIA';
    for (const vm of raw.config.vmlist) {
      vm.image.path = aiaImage(vm.image.path);
      vm.meta.imageFile = aiaImage(vm.meta.imageFile);
      vm.platform.arch = {
        irqc: { aia: { aplic: { base: VAPLIC_BASE }, imsic: { base: VIMSIC_BASE } } },
      };
    }
    return { ...s, project: Project.parse(raw) };
  });
}
