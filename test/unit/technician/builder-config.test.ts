// electron-builder.yml is checked against electron-builder's own configuration schema (the one its
// CLI uses), plus the kiosk's packaging requirements: targets, fuses, native modules.
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../../', import.meta.url);
interface BuilderConfig {
  appId: string;
  npmRebuild: boolean;
  icon: string;
  directories: { buildResources: string };
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}
const config = load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid against app-builder-lib's scheme.json", () => {
    const schema = require('app-builder-lib/scheme.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds AppImage + deb and an NSIS installer, with the security fuses set', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis']));
    expect(config.npmRebuild).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('points at icons that exist: 512 and 256 px PNGs for Linux, a multi-size .ico for Windows', () => {
    expect(config.directories.buildResources).toBe('resources/build');
    const size = (file: string) => {
      const png = readFileSync(new URL(file, root));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size(config.icon)).toEqual([512, 512]);
    expect(size(`${config.linux.icon}/512x512.png`)).toEqual([512, 512]);
    expect(size(`${config.linux.icon}/256x256.png`)).toEqual([256, 256]);
    const ico = readFileSync(new URL(config.win.icon, root));
    // ICONDIR: reserved 0, type 1 (icon), then the image count; a 256 px entry stores width 0.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16]! || 256);
    expect(widths).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });

  it('a config with a wrong type is rejected by the same schema (the check can fail)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(require('app-builder-lib/scheme.json'));
    expect(validate({ ...config, npmRebuild: 'yes' })).toBe(false);
  });
});
