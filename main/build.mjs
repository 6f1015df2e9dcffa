// Bundles the Node side with esbuild into dist/main:
//   electron-main.cjs  Electron main (CJS: Electron's main entry, everything bundled so the
//                      packaged app needs no node_modules)
//   preload.cjs        the sandboxed preload (a sandboxed preload can only require 'electron')
//   web-mode.mjs       web mode for `npm start` without Electron (runs from the checkout, so npm
//                      packages stay external)
// The CLI runs from source through tsx (bin/bao-studio.mjs) and is not bundled here.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/main`;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await rm(out, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: `${out}/electron-main.cjs`,
    format: 'cjs',
    target: 'node22', // Electron 45's Node
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: `${out}/preload.cjs`,
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['main/web/web-mode.ts'],
    outfile: `${out}/web-mode.mjs`,
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
]);
console.log(`main: bundled into ${out}`);
