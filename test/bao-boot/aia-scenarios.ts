// Issue 4's Bao systems on an AIA build of Bao (IRQC=AIA, the default of Bao main on
// qemu-riscv64-virt): the same projects and expected lines as scenarios.ts, with each VM's
// interrupt controller turned into a virtual APLIC + IMSIC guest file and our guest built for it
// (assets/guests: baremetal-aia*.bin).
import { Project } from '../../core/bao/model/index.js';
import { scenarios, type Scenario } from './scenarios.js';

/** Where the guest expects its virtual APLIC and IMSIC (assets/guests/baremetal/guest.h). */
export const VAPLIC_BASE = '0xd000000';
export const VIMSIC_BASE = '0x28000000';

const guestImage = (file: string, irqc: 'AIA' | 'APLIC'): string =>
  file.replace(/baremetal(-?)/, `baremetal-${irqc.toLowerCase()}$1`);

/**
 * IRQC=AIA: virtual APLIC in MSI mode + the vCPU's IMSIC guest file; IRQC=APLIC: the virtual
 * APLIC in direct delivery mode (no IMSIC).
 */
export function aiaScenarios(irqc: 'AIA' | 'APLIC' = 'AIA'): Scenario[] {
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
    raw.target.irqc = irqc;
    for (const vm of raw.config.vmlist) {
      vm.image.path = guestImage(vm.image.path, irqc);
      vm.meta.imageFile = guestImage(vm.meta.imageFile, irqc);
      const aplic = { base: VAPLIC_BASE };
      vm.platform.arch = {
        irqc: { aia: irqc === 'AIA' ? { aplic, imsic: { base: VIMSIC_BASE } } : { aplic } },
      };
    }
    return { ...s, project: Project.parse(raw) };
  });
}
