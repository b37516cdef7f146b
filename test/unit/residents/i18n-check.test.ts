// The i18n check: which keys the renderer source uses (static, conditional, template and comment
// patterns), and the missing/unused report per locale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkI18n } from '../../../electron/core/i18n/check';
import { findKeyUsage } from '../../../electron/core/i18n/key-usage';
import { tempDir } from '../../support/temp-dir';

const NS = new Set(['common', 'home', 'staff']);

describe('findKeyUsage', () => {
  it('reads the patterns the screens use', () => {
    const usage = findKeyUsage(
      [
        {
          path: 'a.tsx',
          text: `const { t } = useTranslation('staff');
            t('signIn.title'); t("errors.card_missing", { x: 1 });
            t(target === 'card' ? 'signIn.keypadForCard' : 'signIn.keypadForPin');
            t(\`errors.\${reason}\`, { defaultValue: message });
            <X titleKey="home:staffEntry" />;
            // i18n-keys: common:outOfService.*`,
        },
        { path: 'c.ts', text: "// i18n-namespace: staff\nexport const say = (t: T) => t('errors.wrong_pin');" },
        { path: 'b.tsx', text: "const { t } = useTranslation(['home', 'common']); t('scanPrompt'); t('common:backHome'); format(date, 'd/M');" },
      ],
      NS,
    );
    expect([...usage.exact.keys()].sort()).toEqual(
      [
        'common:backHome',
        'home:staffEntry',
        'staff:errors.wrong_pin',
        'home|common:scanPrompt',
        'staff:errors.card_missing',
        'staff:signIn.keypadForCard',
        'staff:signIn.keypadForPin',
        'staff:signIn.title',
      ].sort(),
    );
    expect(usage.patterns.some((p) => p.test('staff:errors.wrong_pin'))).toBe(true);
    expect(usage.patterns.some((p) => p.test('common:outOfService.title'))).toBe(true);
    expect(usage.patterns.some((p) => p.test('home:errors.x'))).toBe(false);
  });

  it('never throws on arbitrary source and finds any key-shaped literal in t()', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        findKeyUsage([{ path: 'x.ts', text }], NS);
      }),
    );
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}(\.[a-zA-Z0-9_]{1,8}){0,3}$/);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !/['"`]/.test(s)),
        key,
        (noise, k) => {
          const usage = findKeyUsage([{ path: 'x.ts', text: `${noise}\nt('home:${k}')` }], NS);
          expect(usage.exact.has(`home:${k}`)).toBe(true);
        },
      ),
    );
  });
});

describe('checkI18n', () => {
  function repo(vi: object, en: object, source: string) {
    const dir = tempDir();
    mkdirSync(join(dir.path, 'resources/locales/vi'), { recursive: true });
    mkdirSync(join(dir.path, 'resources/locales/en'), { recursive: true });
    mkdirSync(join(dir.path, 'renderer/src'), { recursive: true });
    writeFileSync(join(dir.path, 'resources/locales/vi/home.json'), JSON.stringify(vi));
    writeFileSync(join(dir.path, 'resources/locales/en/home.json'), JSON.stringify(en));
    writeFileSync(join(dir.path, 'renderer/src/Home.tsx'), source);
    return dir;
  }

  it('reports a key English lacks, a key nobody uses, and a key the source uses that vi lacks', () => {
    const dir = repo(
      { a: 'A', old: 'cũ', n: { x_other: 'x' } },
      { a: 'A', n: { x_one: 'x', x_other: 'xs' } },
      "const { t } = useTranslation('home'); t('a'); t('n.x', { count: 2 }); t('b');",
    );
    const data = tempDir();
    mkdirSync(join(data.path, 'locales/ede'), { recursive: true });
    writeFileSync(join(data.path, 'locales/ede/home.json'), JSON.stringify({ a: 'Ê' }));
    const report = checkI18n({ root: dir.path, dataDir: data.path });
    const vi = report.locales.find((l) => l.language === 'vi')!;
    const en = report.locales.find((l) => l.language === 'en')!;
    const ede = report.locales.find((l) => l.language === 'ede')!;
    expect(vi.missing).toEqual(['home:b']);
    expect(vi.unused).toEqual(['home:old']);
    expect(en.missing).toEqual(['home:b', 'home:old']);
    expect(ede.source).toBe('data-dir');
    expect(ede.missing).toEqual(['home:b', 'home:n.x', 'home:old']);
    expect(report.ok).toBe(false);
    dir.remove();
    data.remove();
  });

  it('passes when vi and en have every used key, whatever an extra language lacks', () => {
    const dir = repo({ a: 'A' }, { a: 'A' }, "const { t } = useTranslation('home'); t('a');");
    expect(checkI18n({ root: dir.path }).ok).toBe(true);
    dir.remove();
  });

  it('holds for the real repository: vi and en are complete, with no unused key and no English-only key', () => {
    // An English-only key is a sentence the translator's kit cannot offer: it has no Vietnamese original.
    const report = checkI18n({ root: join(import.meta.dirname, '../../../') });
    expect(report.locales.filter((l) => l.language === 'vi' || l.language === 'en').map((l) => [l.language, [...l.missing, ...l.unused, ...l.extra]])).toEqual([
      ['vi', []],
      ['en', []],
    ]);
  });
});
