// Shared helpers of the import tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importConfigC, type ImportOptions } from '../../../../core/bao/import/index.js';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./configs/${name}`, import.meta.url)), 'utf8');
}

export function imp(text: string, opts: Partial<ImportOptions> = {}) {
  return importConfigC(text, { file: 'test.c', platform: 'qemu-riscv64-virt', ...opts });
}

/** Wraps VM fields in a minimal v2 config with one VM whose image is loaded separately. */
export function oneVm(platformBody: string, vmExtra = ''): string {
  return `#include <config.h>
struct config config = {
  .vmlist_size = 1,
  .vmlist = (struct vm_config[]) {
    {
      .image = VM_IMAGE_LOADED(0x80000000, 0x80000000, 0x1000),
      .entry = 0x80000000,
      ${vmExtra}
      .platform = {
        ${platformBody}
      },
    },
  },
};
`;
}
