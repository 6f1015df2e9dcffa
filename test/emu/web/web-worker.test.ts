// The emulator in a browser Web Worker (Debian's Chromium): the same protocol as the Node worker,
// the wasm fetched and compiled in the worker, OpenSBI + our payload booting to power-off.
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../support/chromium.js';
import { CROSS_GCC, FW_JUMP, missing } from '../support/tools.js';
import { emuMissing } from '../support/emu.js';
import { buildPayload } from '../support/payload.js';
import { WASM_PATH } from '../../../core/emu/node/wasm.js';

const skip =
  (existsSync(CHROMIUM) ? undefined : `Chromium not found at ${CHROMIUM}`) ??
  missing({ commands: [CROSS_GCC], files: [FW_JUMP] }) ??
  emuMissing;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
};

let server: Server | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(skip)(`machine in a Web Worker${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('boots OpenSBI and the payload in Chromium, with the JIT off and on', async () => {
    // Site layout: /web/{index.html,page.js,worker.js}, /build/emu.wasm (worker-entry fetches
    // ../build/emu.wasm relative to itself, as in the app), /files/* the images.
    const root = mkdtempSync(join(tmpdir(), 'emu-web-'));
    for (const d of ['web', 'build', 'files']) mkdirSync(join(root, d));
    const here = import.meta.dirname;
    await build({
      entryPoints: {
        worker: join(here, '../../../core/emu/web/worker-entry.ts'),
        page: join(here, 'page.ts'),
      },
      outdir: join(root, 'web'),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      logLevel: 'silent',
    });
    copyFileSync(WASM_PATH, join(root, 'build', 'emu.wasm'));
    copyFileSync(FW_JUMP, join(root, 'files', 'fw_jump.elf'));
    copyFileSync(buildPayload(), join(root, 'files', 'payload.elf'));
    const html =
      '<!doctype html><meta charset="utf-8"><title>emu</title><script type="module" src="./page.js"></script>';
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (path === '/web/index.html') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(html);
        return;
      }
      const file = join(root, path);
      if (!file.startsWith(root) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(readFileSync(file));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;

    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/web/index.html`);
    await page.waitForFunction(() => window.__emu !== undefined, undefined, { timeout: 90_000 });
    const result = await page.evaluate(() => window.__emu!);
    expect(errors).toEqual([]);
    expect(result.error).toBeUndefined();
    expect(result.reason).toBe('poweroff');
    expect(result.output).toContain('Platform HART Count       : 2');
    expect(result.output).toContain('payload: IPIs acknowledged by 1 harts');
    expect(result.output).toContain('payload: shutting down');
    expect(result.counts).toHaveLength(2);
    // the JIT in the browser: the same output and the same instructions per hart
    expect(result.jit?.reason).toBe('poweroff');
    expect(result.jit?.output).toBe(result.output);
    expect(result.jit?.counts).toEqual(result.counts);
  });
});
