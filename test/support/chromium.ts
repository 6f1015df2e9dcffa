// Debian's Chromium driven by playwright-core, with the flags this network-less machine needs
// (no background networking or component updates, whose connections are refused here).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.BAO_STUDIO_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}
