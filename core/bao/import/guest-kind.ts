// The guest kind is not in config.c, but the demos name their images and VMs after it
// (`linux_image`, `freertos.bin`, `//Zephyr VM`). Guessing it lets an imported Linux VM get its
// device tree generated. The guess depends only on what a round trip keeps (image identifier,
// path, VM name), so import → generate → import gives the same answer.
import type { GuestKind, VmConfig } from '../model/schema.js';

const KINDS: [GuestKind, RegExp][] = [
  ['freertos', /free-?rtos/],
  ['zephyr', /zephyr/],
  ['linux', /linux|torizon|yocto|buildroot|android/],
  ['baremetal', /bare[-_ ]?metal/],
];

function kindIn(text: string | undefined): GuestKind | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  return KINDS.find(([, re]) => re.test(t))?.[0];
}

/** Most specific first: the image identifier, the image file's name, the VM's name, the path. */
export function guessGuestKind(vm: Pick<VmConfig, 'image' | 'meta'>): GuestKind | undefined {
  const path = vm.image.path;
  const file = path?.split('/').pop();
  for (const source of [vm.image.name, file, vm.meta?.name, path]) {
    const kind = kindIn(source);
    if (kind) return kind;
  }
  return undefined;
}
