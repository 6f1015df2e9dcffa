// End-to-end for the designer's later additions, driven in Debian's Chromium against web mode:
// creating Remote I/O pairs (and the v1.0 refusal), Armv8 SMMU groups and vGIC interrupt_num in
// the inspector, and a problem that marks its related element on the canvas. Screenshots go to
// test-results/designer/ (gaps-*.png).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithChromium, launchStudio, type Studio } from './harness.js';

const POLL = { timeout: 10_000, interval: 50 };
const SHOTS = join(import.meta.dirname, '../../test-results/designer');

let studio: Studio;

async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const page = await studio.context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(studio.url);
  await page.locator('.app[data-started="true"]').waitFor();
  // The previous test's page closed with unsaved work: if its autosave landed, this launch offers
  // it for recovery (asynchronously, after start-up). Decline it so it cannot cover the canvas.
  const discard = page.getByTestId('recovery-discard');
  if (
    await discard.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    )
  )
    await discard.click();
  return { page, errors };
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function newFromMenu(page: Page, item: string) {
  await page.getByTestId('menu-new').click();
  await page.getByTestId(item).click();
  const confirm = page.getByTestId('confirm-discard');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

async function setField(page: Page, path: string, value: string) {
  const input = page.getByTestId(`field-${path}`);
  await input.fill(value);
  await input.press('Enter');
}

/** The generated config.c, once validation/generation caught up with the last edit. */
async function configC(page: Page): Promise<string> {
  return page.evaluate(() => {
    const store = window.__baoStudio!.store;
    store.flushDerived();
    return store.getState().derived.files[0]?.text ?? '';
  });
}

/** Two VMs dropped from the palette onto a blank design. */
async function twoVms(page: Page) {
  const canvas = page.getByTestId('canvas');
  await page.getByTestId('palette-vm').dragTo(canvas, { targetPosition: { x: 700, y: 40 } });
  await page.getByTestId('palette-vm').dragTo(canvas, { targetPosition: { x: 700, y: 330 } });
  await page.getByTestId('vm-node-1').waitFor();
}

const head = { targetPosition: { x: 60, y: 14 } };

/** Whether VM nodes 0 and 1 both lie entirely inside the canvas. */
async function bothInView(page: Page): Promise<boolean> {
  const c = await page.getByTestId('canvas').boundingBox();
  const boxes = await Promise.all(
    [0, 1].map((i) => page.getByTestId(`vm-node-${i}`).boundingBox()),
  );
  return boxes.every(
    (b) =>
      !!b &&
      !!c &&
      b.x >= c.x &&
      b.y >= c.y &&
      b.x + b.width <= c.x + c.width &&
      b.y + b.height <= c.y + c.height,
  );
}

describeWithChromium('designer additions (Chromium, web mode)', () => {
  beforeAll(async () => {
    studio = await launchStudio({
      viewport: { width: 1600, height: 1000 },
      readySelector: '.app[data-started="true"]',
    });
    await studio.page.close();
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('creates a Remote I/O frontend/backend pair, refused on Bao v1.0', async () => {
    const { page, errors } = await openApp();
    await newFromMenu(page, 'new-blank-qemu-riscv64-virt');
    await twoVms(page);
    await page.getByTestId('vm-node-0').locator('.node-head').click();
    const front = page.getByTestId('remio-add-frontend-0');
    await front.scrollIntoViewIfNeeded();
    // Bao v1.0 has no Remote I/O: the button says so instead of acting.
    await expect.poll(() => page.getByTestId('target-bao').inputValue(), POLL).toBe('v1.0');
    expect(await front.isDisabled()).toBe(true);
    expect(await front.getAttribute('title')).toMatch(/Bao v2/);
    await shot(page, 'gaps-remio-v1-disabled');

    await page.getByTestId('target-bao').selectOption('v2');
    await expect.poll(() => front.isDisabled(), POLL).toBe(false);
    await front.click();
    // Both sides on the canvas, the frontend selected in the inspector.
    await page.getByTestId('vm-0-remio-0').waitFor();
    await page.getByTestId('vm-1-remio-0').waitFor();
    await page.getByTestId('shmem-node-0').waitFor();
    await expect
      .poll(
        () =>
          page.getByTestId('field-config.vmlist[0].platform.remio_devs[0].bind_key').inputValue(),
        POLL,
      )
      .toBe('0');
    await shot(page, 'gaps-remio-created');
    const c = await configC(page);
    expect(c).toMatch(/REMIO_DEV_FRONTEND/);
    expect(c).toMatch(/REMIO_DEV_BACKEND/);
    const remioProblems = await page.evaluate(
      () =>
        window
          .__baoStudio!.store.getState()
          .derived.diagnostics.filter((d) => d.rule.startsWith('remio/')).length,
    );
    expect(remioProblems).toBe(0);
    // The backend button from VM 1 pairs it with VM 0 under the next bind_key.
    await page.getByTestId('vm-node-1').locator('.node-head').click();
    await page.getByTestId('remio-add-backend-1').click();
    await expect
      .poll(
        () =>
          page.getByTestId('field-config.vmlist[1].platform.remio_devs[1].bind_key').inputValue(),
        POLL,
      )
      .toBe('1');
    // The address map shows the windows: the frontend's shared + MMIO, the backend's shared.
    await page.getByTestId('view-addrmap').click();
    const remioIn = (vm: number) =>
      page
        .getByTestId(`addrmap-vm-${vm}`)
        .getByText(/virtio0 (shared|MMIO)/)
        .count();
    await expect.poll(() => remioIn(0), POLL).toBe(2);
    expect(await remioIn(1)).toBeGreaterThanOrEqual(1);
    await shot(page, 'gaps-remio-addrmap');
    await page.getByTestId('view-canvas').click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits SMMU groups and the vGIC interrupt_num on an Arm platform', async () => {
    const { page, errors } = await openApp();
    await newFromMenu(page, 'new-blank-zcu102');
    const canvas = page.getByTestId('canvas');
    await page.getByTestId('palette-vm').dragTo(canvas, { targetPosition: { x: 700, y: 40 } });
    await page.getByTestId('vm-node-0').locator('.node-head').click();
    await setField(page, 'config.vmlist[0].platform.arch.gic.interrupt_num', '192');
    await page.getByTestId('smmu-add-0').click();
    await page.getByTestId('smmu-group-0-0').waitFor();
    await setField(page, 'config.vmlist[0].platform.arch.smmu.groups[0].mask', '0x7f00');
    await setField(page, 'config.vmlist[0].platform.arch.smmu.global_mask', '0x10');
    await page.getByTestId('smmu-add-0').click();
    await page.getByTestId('smmu-group-0-1').scrollIntoViewIfNeeded();
    await shot(page, 'gaps-arm-smmu-gic');
    const arch = await page.evaluate(() => {
      const a = window.__baoStudio!.store.getState().project.config.vmlist[0]!.platform.arch;
      return JSON.stringify({ gic: a.gic, smmu: a.smmu }, (_k, v: unknown) =>
        typeof v === 'bigint' ? `0x${v.toString(16)}` : v,
      );
    });
    expect(JSON.parse(arch)).toMatchObject({
      gic: { interrupt_num: 192 },
      smmu: { global_mask: 0x10, groups: [{ mask: 0x7f00 }, { mask: 0 }] },
    });
    // The mask shows in hex as entered; removing a group removes it.
    expect(
      await page
        .getByTestId('field-config.vmlist[0].platform.arch.smmu.groups[0].mask')
        .inputValue(),
    ).toBe('0x7f00');
    await page.getByTestId('smmu-remove-0-1').click();
    await expect.poll(() => page.getByTestId('smmu-group-0-1').count(), POLL).toBe(0);
    expect(await configC(page)).toMatch(/0x7f00/i);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks the related element of a selected problem on the canvas', async () => {
    const { page, errors } = await openApp();
    await newFromMenu(page, 'new-blank-qemu-riscv64-virt');
    await twoVms(page);
    // The same UART (and its interrupt) in both VMs: the duplicate names the first holder.
    const uart = page.locator('[data-testid^="platform-dev-"][data-name^="UART"]');
    await uart.dragTo(page.getByTestId('vm-node-0'), head);
    await uart.dragTo(page.getByTestId('vm-node-1'), head);
    // Zoomed in, the two VMs do not both fit; revealing the problem frames both.
    for (let k = 0; k < 4; k++) await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(300);
    expect(await bothInView(page)).toBe(false);
    const problem = page.locator('[data-rule="irq/duplicate"]').first();
    await problem.click();
    await expect.poll(() => bothInView(page), POLL).toBe(true);
    await expect
      .poll(() => page.getByTestId('vm-1-dev-0').getAttribute('class'), POLL)
      .toContain('selected');
    await expect
      .poll(() => page.getByTestId('vm-0-dev-0').getAttribute('class'), POLL)
      .toContain('related');
    await shot(page, 'gaps-related-problem');
    // Selecting on the canvas clears the related marks.
    await page.getByTestId('vm-0-dev-0').click();
    await expect
      .poll(() => page.getByTestId('vm-0-dev-0').getAttribute('class'), POLL)
      .not.toContain('related');
    expect(await page.getByTestId('vm-1-dev-0').getAttribute('class')).not.toContain('related');
    expect(errors).toEqual([]);
    await page.close();
  });
});
