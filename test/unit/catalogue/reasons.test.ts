// Every reason the catalogue core can refuse a file or reject a record with has a sentence in
// each bundled language, so a screen not in Vietnamese never falls back to a generic line
// (renderer/src/screens/catalogue/explain.ts). The reasons are read from the core's source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const coreDir = join(root, 'electron/core/catalogue');

/** Reasons written as `reason: 'x'`, `refused('x'`, `notFound('x'`, `fail('x'`, or in a `reason:` union type. */
function coreReasons(): Set<string> {
  const reasons = new Set<string>();
  const files = [
    ...readdirSync(coreDir).filter((f) => f.endsWith('.ts')),
    ...readdirSync(join(coreDir, 'copy'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join('copy', f)),
  ];
  for (const file of files) {
    const source = readFileSync(join(coreDir, file), 'utf8');
    for (const match of source.matchAll(/(?:reason: |refused\(|notFound\(|fail\()\s*'([a-z_]+)'/g)) reasons.add(match[1]!);
    for (const union of source.matchAll(/reason: ('[a-z_]+'(?: \| '[a-z_]+')+)/g)) for (const name of union[1]!.matchAll(/'([a-z_]+)'/g)) reasons.add(name[1]!);
  }
  return reasons;
}

describe('catalogue refusal and rejection sentences', () => {
  const reasons = coreReasons();

  it('finds the reasons in the core (the scan itself works)', () => {
    expect(reasons).toContain('truncated');
    expect(reasons).toContain('duplicate_in_file');
    expect(reasons).toContain('batch_items_on_loan');
    expect(reasons).toContain('no_copy_targets');
    expect(reasons.size).toBeGreaterThan(30);
  });

  for (const language of ['vi', 'en']) {
    it(`${language}: every reason has a sentence`, () => {
      const texts = JSON.parse(readFileSync(join(root, `resources/locales/${language}/catalogue.json`), 'utf8')) as {
        errors: Record<string, string>;
        rejections: Record<string, unknown>;
        warnings: Record<string, string>;
      };
      const missing = [...reasons].filter((reason) => !(reason in texts.errors) && !(reason in texts.rejections) && !(reason in texts.warnings)).sort();
      expect(missing).toEqual([]);
    });
  }
});
