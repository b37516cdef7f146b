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
  linux: { target: string[] };
  win: { target: string[] };
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
    });
  });

  it('a config with a wrong type is rejected by the same schema (the check can fail)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(require('app-builder-lib/scheme.json'));
    expect(validate({ ...config, npmRebuild: 'yes' })).toBe(false);
  });
});
