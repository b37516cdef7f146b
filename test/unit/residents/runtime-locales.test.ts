// Locale files a technician drops into the data folder: valid ones are served, broken ones are
// reported with a sentence that says what to fix, and never served half.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localeTree } from '#contract/i18n';
import { openTestKiosk } from '../../support/kiosk';

function write(dataDir: string, path: string, text: string) {
  const file = join(dataDir, 'locales', path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

describe('runtime locales', () => {
  it('serves valid files and reports broken ones', async () => {
    const k = await openTestKiosk();
    write(k.dataDir, 'ede/home.json', JSON.stringify({ scanPrompt: 'Mơĭ quét thẻ', services: { search: { name: 'Duah hdruôm hră' } } }));
    write(k.dataDir, 'ede/common.json', '{ "backHome": ');
    write(k.dataDir, 'ede/residents.json', JSON.stringify({ languageName: 12 }));
    write(k.dataDir, 'Not A Language/home.json', '{}');
    const result = await k.call<{ locales: { language: string; namespaces: Record<string, unknown> }[]; problems: { file: string; message: string }[] }>(
      'i18n.runtimeLocales',
    );
    expect(result.locales).toEqual([
      { language: 'ede', namespaces: { home: { scanPrompt: 'Mơĭ quét thẻ', services: { search: { name: 'Duah hdruôm hră' } } } } },
    ]);
    expect(result.problems.map((p) => p.file).sort()).toEqual(['locales/Not A Language', 'locales/ede/common.json', 'locales/ede/residents.json']);
    for (const problem of result.problems) expect(problem.message).toMatch(/Hãy/);
  });

  it('serves nothing when the folder does not exist', async () => {
    const k = await openTestKiosk();
    expect(await k.call('i18n.runtimeLocales')).toEqual({ locales: [], problems: [] });
  });

  it('the locale schema accepts every nested text tree (lists of texts too) and rejects non-text leaves', () => {
    const tree = fc.letrec((tie) => ({
      node: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        expect(localeTree.safeParse(value).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)), { minLength: 1 })),
        (leaf) => {
          expect(localeTree.safeParse({ key: leaf }).success).toBe(false);
        },
      ),
    );
  });
});

describe('resident settings', () => {
  it('has audio off and a short idle reset by default', async () => {
    const k = await openTestKiosk();
    expect(await k.call('residents.settings')).toEqual({
      defaultLanguage: 'vi',
      idleResetSeconds: 90,
      screenIdleSeconds: 120,
      readingIdleSeconds: 600,
      idleCountdownSeconds: 15,
      audio: { enabled: true, volume: 0.8, overrides: {} },
    });
  });

  it('serves a technician-recorded prompt when audio is on', async () => {
    const k = await openTestKiosk({
      configure: (dir) => {
        writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ library: { name: 'Thư viện xã A', communeCode: '12345' }, audio: { enabled: true } }));
        mkdirSync(join(dir, 'audio'));
        writeFileSync(join(dir, 'audio', 'scanCard.ogg'), Buffer.alloc(2000, 1));
        writeFileSync(join(dir, 'audio', 'unknownPrompt.ogg'), Buffer.alloc(2000, 1));
      },
    });
    const settings = await k.call<{ audio: { enabled: boolean; overrides: Record<string, { mime: string }> } }>('residents.settings');
    expect(settings.audio.enabled).toBe(true);
    expect(Object.keys(settings.audio.overrides)).toEqual(['scanCard']);
    expect(settings.audio.overrides.scanCard!.mime).toBe('audio/ogg');
  });
});
