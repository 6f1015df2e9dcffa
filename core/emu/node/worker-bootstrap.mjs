// Worker-thread bootstrap: loads worker-entry from TypeScript sources through tsx's loader (as
// bin/bao-studio.mjs does for the CLI), or from compiled JavaScript when that is what exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ts = new URL('./worker-entry.ts', import.meta.url);
if (existsSync(fileURLToPath(ts))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(ts.href);
} else {
  await import(new URL('./worker-entry.js', import.meta.url).href);
}
