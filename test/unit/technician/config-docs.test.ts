// docs/configuration.md is generated from the configuration schema: it must be current, every key
// must have a Vietnamese and an English meaning, and the commented example must stay valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configDocsMarkdown, configKeys, describeType } from '../../../electron/core/config/docs';
import { keyDescriptions } from '../../../electron/core/config/descriptions';
import { parseConfigText } from '../../../electron/core/config/load';

const root = new URL('../../../', import.meta.url);

describe('docs/configuration.md', () => {
  it('matches the schema (run `node scripts/config-docs.mjs` after changing a config section)', () => {
    expect(readFileSync(new URL('docs/configuration.md', root), 'utf8')).toBe(configDocsMarkdown());
  });

  it('describes every key of the schema in both languages, and nothing that is gone', () => {
    const paths = configKeys().map((key) => key.path);
    expect(paths.filter((path) => !keyDescriptions[path]?.vi || !keyDescriptions[path]?.en)).toEqual([]);
    const objectsDocumentedWhole = Object.keys(keyDescriptions).filter((path) => !paths.includes(path));
    expect(objectsDocumentedWhole).toEqual([]);
  });

  it('shows types with their limits and the library keys as required', () => {
    expect(describeType({ type: 'integer', minimum: 4, maximum: 12 })).toBe('integer 4–12');
    expect(describeType({ anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] })).toBe('URL \\| null');
    const name = configKeys().find((key) => key.path === 'library.name');
    expect(name?.required).toBe(true);
    expect(configKeys().find((key) => key.path === 'backups.keep')?.defaultValue).toBe(7);
  });
});

describe('resources/kiosk.config.example.json', () => {
  it('is a valid configuration', () => {
    const file = new URL('resources/kiosk.config.example.json', root);
    const result = parseConfigText(readFileSync(file, 'utf8'), 'kiosk.config.example.json');
    expect(result.ok === true ? [] : result.ok === false ? result.problems : ['absent']).toEqual([]);
  });
});
