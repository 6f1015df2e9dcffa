// Loads catalog.json (facts from bao-hypervisor's platform descriptions, bao-demos and QEMU 7.2's
// device trees; see README.md here for how it was made) into typed Platform objects.
import { z } from 'zod';
import data from './catalog.json' with { type: 'json' };
import { PlatformSchema } from './catalog-schema.js';
import type { Platform } from './platform.js';

function load(raw: unknown): Platform[] {
  const parsed = z.array(PlatformSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new Error(`core/bao/platforms/catalog.json: ${at}: ${issue.message}`);
  }
  return parsed.data as Platform[];
}

export const catalog: readonly Platform[] = Object.freeze(load(data));
