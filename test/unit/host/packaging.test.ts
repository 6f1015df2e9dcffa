// electron-builder.yml against electron-builder's own JSON schema (every key known), and the
// files it names exist: the bundles it packages, and a 512x512 icon.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
type Schema = {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties: Record<string, unknown> }>;
};
const schema = require('app-builder-lib/scheme.json') as Schema;
const config = yaml.load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows', () => {
    const unknown = Object.keys(config).filter((k) => !(k in schema.properties));
    const sections: [string, string][] = [
      ['linux', 'LinuxConfiguration'],
      ['mac', 'MacConfiguration'],
      ['win', 'WindowsConfiguration'],
      ['nsis', 'NsisOptions'],
      ['dmg', 'DmgOptions'],
      ['electronFuses', 'FuseOptionsV1'],
    ];
    for (const [section, definition] of sections) {
      for (const key of Object.keys(config[section] ?? {})) {
        if (!(key in schema.definitions[definition].properties)) unknown.push(`${section}.${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('targets AppImage + deb, dmg and NSIS as "Bao Studio"', () => {
    expect(config.productName).toBe('Bao Studio');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**', 'assets/examples/**', 'package.json']),
    );
  });

  it('points at a 512x512 PNG icon and the main bundle named in package.json', () => {
    const icon = readFileSync(resolve(root, String(config.icon)));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    expect((config.extraMetadata as unknown as { main: string }).main).toBe(pkg.main);
    expect(existsSync(resolve(root, 'main/electron/main.ts'))).toBe(true);
  });
});
