#!/usr/bin/env node
// Renders icon.svg to icon.png (512x512, transparent corners) with Debian's Chromium:
//   node assets/icons/render-png.mjs
// electron-builder derives the .ico/.icns and Linux sizes from icon.png.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('.', import.meta.url));
const svg = readFileSync(`${dir}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.BAO_STUDIO_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: `${dir}icon.png`, omitBackground: true });
await browser.close();
console.log(`wrote ${dir}icon.png`);
