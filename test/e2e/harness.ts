// End-to-end harness: Bao Studio in web mode (the real Node host services on a temporary home,
// a free port on 127.0.0.1) driven in Debian's Chromium through playwright-core.
//
//   import { describeWithChromium, launchStudio } from './harness.js';
//   describeWithChromium('designer', () => {
//     let studio: Studio;
//     beforeAll(async () => { studio = await launchStudio(); });
//     afterAll(() => studio?.close());
//     it('…', async () => { await studio.page.getByText('…').click(); await studio.screenshot('x'); });
//   });
//
// Needs the built renderer (dist/renderer: `npm run build:renderer`; `npm test` builds it).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../support/chromium.js';
export { CHROMIUM };
import { describe } from 'vitest';
import { startWebMode, type WebMode } from '../../main/web/web-mode.js';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `e2e: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set BAO_STUDIO_CHROMIUM)`,
  );
}

/** `describe` when Chromium is installed, else a skipped suite (with the message above). */
export const describeWithChromium = hasChromium ? describe : describe.skip;

export interface Studio {
  server: WebMode;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The studio home (recent list, autosaves) and a scratch folder for project files. */
  home: string;
  workDir: string;
  url: string;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Saves a full-page PNG under test-results/screenshots and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Reloads the page (same server, same home). */
  reload(): Promise<void>;
  /** Stops browser and server. `keepHome`: leave `home` on disk for a next launchStudio({home})
   * (e.g. crash recovery); the caller then removes it. */
  close(options?: { keepHome?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a studio home (e.g. one kept by close({keepHome: true}), to test recovery across
   * launches); it is removed by this studio's close() unless keepHome. Default: a new temp folder. */
  home?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'dark' | 'light';
  /** Wait for this selector after loading (default: '#root > *'). */
  readySelector?: string;
}

export async function launchStudio(options: LaunchOptions = {}): Promise<Studio> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `e2e: ${RENDERER_DIR}/index.html is missing: run \`npm run build:renderer\` (npm test builds it)`,
    );
  }
  const scratch = await mkdtemp(join(tmpdir(), 'bao-studio-e2e-'));
  const home = options.home ?? join(scratch, 'home');
  const workDir = join(scratch, 'work');
  await mkdir(workDir, { recursive: true });
  const server = await startWebMode({ rendererDir: RENDERER_DIR, home, port: 0, log: () => {} });
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'dark',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const readySelector = options.readySelector ?? '#root > *';
  const load = async () => {
    await page.waitForSelector(readySelector, { timeout: 30_000 });
  };
  await page.goto(server.url);
  await load();

  return {
    server,
    browser,
    context,
    page,
    home,
    workDir,
    url: server.url,
    errors,
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async reload() {
      await page.reload();
      await load();
    },
    async close({ keepHome = false } = {}) {
      await browser.close().catch(() => {});
      await server.close();
      if (keepHome) await rm(workDir, { recursive: true, force: true });
      else {
        await rm(scratch, { recursive: true, force: true });
        if (options.home) await rm(options.home, { recursive: true, force: true });
      }
    },
  };
}
