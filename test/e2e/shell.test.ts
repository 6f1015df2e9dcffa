// The app shell end to end: `npm start`'s web mode serves the real renderer to Debian's
// Chromium under the CSP, the host WebSocket refuses pages without the token, and a project
// saved through the UI lands on disk via the host services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseProject } from '../../core/bao/model/index.js';
import { describeWithChromium, launchStudio, type Studio } from './harness.js';

describeWithChromium('app shell in web mode (Chromium)', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await launchStudio();
  });
  afterAll(() => studio?.close());

  it('loads the renderer, connected to the host, without errors', async () => {
    const { page } = studio;
    expect(await page.title()).toBe('Bao Studio');
    // The renderer's host client opened the token-checked WebSocket.
    await expect.poll(() => studio.server.clientCount(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(500); // let validation and the first render settle
    const shot = await studio.screenshot('shell-web-mode');
    expect(existsSync(shot)).toBe(true);
    expect(studio.errors).toEqual([]);
  });

  it('saves a project through the UI and the host client to disk', async () => {
    const { page } = studio;
    studio.errors.length = 0;
    const file = join(studio.workDir, 'saved-from-ui.baoproj');
    // Change the target so the saved file shows the UI's state, not a default.
    await page
      .locator('select', { has: page.locator('option[value="v2"]') })
      .first()
      .selectOption('v2');
    await page.getByRole('button', { name: 'Save As' }).click();
    const path = page.getByTestId('save-name');
    await path.fill(file);
    await path.press('Enter');
    await expect.poll(() => existsSync(file), { timeout: 10_000 }).toBe(true);
    const project = parseProject(await readFile(file, 'utf8'), file);
    expect(project.target).toMatchObject({ bao: 'v2', platform: 'qemu-riscv64-virt' });
    // The host records it in the recent list of this launch's home just after the save itself,
    // so wait for that write rather than reading it the moment the project file appears.
    const recentFile = join(studio.home, 'recent.json');
    await expect
      .poll(
        async () =>
          existsSync(recentFile)
            ? JSON.parse(await readFile(recentFile, 'utf8')).entries?.[0]?.path
            : undefined,
        { timeout: 10_000 },
      )
      .toBe(file);
    expect(studio.errors).toEqual([]);
    await studio.screenshot('shell-saved');
  });
  it('runs every main view under the CSP without a violation (Monaco included)', async () => {
    const { page } = studio;
    const violations: string[] = [];
    await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
    // An init script runs before the page's own code, outside the page's CSP.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        ),
      ),
    );
    await studio.reload();
    studio.errors.length = 0;
    for (const view of ['Address map', 'Code', 'Design']) {
      await page.getByText(view, { exact: true }).first().click();
      await page.waitForTimeout(view === 'Code' ? 2000 : 500);
      await studio.screenshot(`shell-view-${view.toLowerCase().replace(' ', '-')}`);
    }
    // Monaco rendered its editor (it needs its workers, fonts and styles through the CSP).
    await expect.poll(() => page.locator('.monaco-editor').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(studio.errors).toEqual([]);
  });

  it('serves the page with a strict CSP that Chromium enforces', async () => {
    const { page } = studio;
    const response = await page.goto(studio.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    await page.waitForSelector('#root > *');
    const blocked = await page.evaluate(async () => {
      const w = window as unknown as { injected?: number };
      const script = document.createElement('script');
      script.textContent = 'window.injected = 1';
      document.head.appendChild(script);
      let remote = 'loaded';
      try {
        await fetch('http://example.invalid/x');
      } catch {
        remote = 'blocked';
      }
      return { inline: w.injected === undefined, remote };
    });
    expect(blocked).toEqual({ inline: true, remote: 'blocked' });
  });

  it('refuses the host WebSocket without the token, from our own page', async () => {
    const outcome = await studio.page.evaluate(async () => {
      const attempt = (query: string) =>
        new Promise<string>((done) => {
          const ws = new WebSocket(`ws://${location.host}/host${query}`);
          ws.onopen = () => {
            ws.close();
            done('open');
          };
          ws.onerror = () => done('refused');
        });
      const token = new URLSearchParams(location.search).get('token') ?? '';
      return {
        none: await attempt(''),
        wrong: await attempt('?token=' + 'f'.repeat(64)),
        right: await attempt('?token=' + token),
      };
    });
    expect(outcome).toEqual({ none: 'refused', wrong: 'refused', right: 'open' });
  });
});

describeWithChromium('crash recovery across launches (Chromium)', () => {
  it('offers the autosaved work of a session that died, and restores it', async () => {
    const first = await launchStudio();
    const bao = () =>
      first.page.locator('select', { has: first.page.locator('option[value="v2"]') }).first();
    await bao().selectOption('v2');
    // The renderer autosaves through the host into <home>/autosave.
    const autosaveDir = join(first.home, 'autosave');
    await expect
      .poll(async () => (existsSync(autosaveDir) ? (await readdir(autosaveDir)).length : 0), {
        timeout: 20_000,
      })
      .toBe(1);
    // "Crash": the browser and server go away without the page discarding its autosave.
    await first.close({ keepHome: true });

    const second = await launchStudio({ home: first.home });
    try {
      await second.page.getByTestId('recovery-dialog').waitFor({ timeout: 10_000 });
      await second.screenshot('shell-recovery-offered');
      await second.page.getByTestId('recovery-restore').click();
      const select = second.page
        .locator('select', { has: second.page.locator('option[value="v2"]') })
        .first();
      await expect.poll(() => select.inputValue()).toBe('v2');
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

const ROOT = resolve(import.meta.dirname, '../..');
const built =
  existsSync(join(ROOT, 'dist/main/web-mode.mjs')) &&
  existsSync(join(ROOT, 'dist/renderer/index.html'));
if (!built)
  console.warn('e2e: `npm start` test skipped: run `npm run build` first (npm test does)');

describe.skipIf(!built)('npm start (bin/start.mjs) without Electron', () => {
  it('starts web mode on the chosen port, prints the URL and serves the UI', async () => {
    const home = await mkdtemp(join(tmpdir(), 'bao-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'bin/start.mjs'), '--port', '0'], {
      env: { ...process.env, BAO_STUDIO_HOME: home, BAO_STUDIO_NO_OPEN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
        child.stdout.on('data', (d) => {
          out += d;
          const m =
            /Bao Studio is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolveUrl(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(home, { recursive: true, force: true });
    }
  });

  it('refuses an invalid port with a clear message', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/start.mjs'), '--port', 'eighty'], {
      env: { ...process.env, BAO_STUDIO_NO_OPEN: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('invalid port "eighty"');
  });
});
