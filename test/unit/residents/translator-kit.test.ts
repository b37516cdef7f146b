// The translator's kit: what a filled sheet must pass before a language is installed (placeholders
// kept, lengths that fit the screen, lists line for line, no duplicates), and the sheet's round trip.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readKitFile, writeKitFile } from '../../../electron/core/i18n/kit-file';
import { checkKit, kitRows, maxLengthFor, placeholdersOf, type FilledRow } from '../../../electron/core/i18n/translator-kit';
import type { LocaleTree } from '#contract/i18n';

const vi: Record<string, LocaleTree> = {
  residents: { languageName: 'Tiếng Việt' },
  home: { scanPrompt: 'Quét thẻ thư viện để bắt đầu', due: 'Hạn trả {{date}} — còn {{count}} ngày', steps: ['Quét thẻ', 'Quét sách'] },
};
const en: Record<string, LocaleTree> = {
  residents: { languageName: 'English' },
  home: { scanPrompt: 'Scan your library card to start', due: 'Due {{date}}, {{count}} days left', steps: ['Scan card', 'Scan book'] },
};
const rows = (...pairs: [string, string][]): FilledRow[] => pairs.map(([key, translation], i) => ({ row: i + 2, key, translation }));

describe("the translator's kit", () => {
  it('lists every Vietnamese text with English beside it, residents first, and what is translated so far', () => {
    const listed = kitRows({ vi, en, current: { home: { scanPrompt: 'Mơĭ quét thẻ' } } });
    expect(listed.map((r) => r.key)).toEqual(['residents:languageName', 'home:scanPrompt', 'home:due', 'home:steps']);
    expect(listed[1]).toMatchObject({
      vi: 'Quét thẻ thư viện để bắt đầu',
      en: 'Scan your library card to start',
      translation: 'Mơĭ quét thẻ',
      screenshot: 'home-1366x768-vi.png',
    });
    expect(listed[3]!.vi).toBe('Quét thẻ\nQuét sách');
  });

  it('installs what is translated and counts what falls back to Vietnamese', () => {
    const checked = checkKit(
      rows(
        ['residents:languageName', 'Klei Êđê'],
        ['home:due', 'Hruê brei glaĭ {{date}} ({{count}})'],
        ['home:steps', 'Mơĭ quét thẻ\nMơĭ quét hră'],
        ['home:scanPrompt', '  '],
      ),
      { vi, en },
    );
    expect(checked.errors).toEqual([]);
    expect(checked.namespaces).toEqual({
      residents: { languageName: 'Klei Êđê' },
      home: { due: 'Hruê brei glaĭ {{date}} ({{count}})', steps: ['Mơĭ quét thẻ', 'Mơĭ quét hră'] },
    });
    expect([checked.translated, checked.untranslated]).toEqual([3, 1]);
  });

  it('refuses a lost or renamed placeholder, a text too long for its place, a list of the wrong length, a duplicate and control characters, each by row', () => {
    const checked = checkKit(
      rows(
        ['home:due', 'Hruê brei glaĭ {{ngay}}'],
        ['residents:languageName', 'x'.repeat(maxLengthFor('Tiếng Việt', 'English') + 1)],
        ['home:steps', 'Mơĭ quét thẻ'],
        ['home:scanPrompt', 'Mơĭ quét thẻ'],
        ['home:scanPrompt', 'Mơĭ quét thẻ dua'],
        ['residents:languageName', 'Klei\tÊđê'],
      ),
      { vi, en },
    );
    expect(checked.errors.map((e) => [e.row, e.key])).toEqual([
      [2, 'home:due'],
      [3, 'residents:languageName'],
      [4, 'home:steps'],
      [6, 'home:scanPrompt'],
      [7, 'residents:languageName'],
    ]);
    expect(checked.errors[0]!.message).toContain('cần {{count}}, {{date}}');
    for (const error of checked.errors) expect(error.message).toMatch(/Hãy|hãy|dịch đúng/);
  });

  it('skips, with a warning, a key this version no longer has', () => {
    const checked = checkKit(rows(['home:gone', 'Sa boh'], ['home:scanPrompt', 'Mơĭ quét thẻ']), { vi, en });
    expect(checked.errors).toEqual([]);
    expect(checked.warnings.map((w) => w.key)).toEqual(['home:gone']);
    expect(checked.translated).toBe(1);
  });

  it('accepts any translation that keeps the same placeholders, in any order and with any words around them', () => {
    const name = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/);
    const words = fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}]|\p{Cc}/gu, ''));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 4 }), fc.array(words, { minLength: 5, maxLength: 5 }), (names, filler) => {
        const original = names.map((n, i) => `${filler[i]} {{${n}}}`).join(' ') || 'Văn bản';
        const translation = `${[...names]
          .reverse()
          .map((n, i) => `{{${n}}} ${filler[i + 1]}`)
          .join(' ')} ok`;
        expect(placeholdersOf(translation)).toEqual([...names].sort());
        const checked = checkKit([{ row: 2, key: 'home:x', translation }], { vi: { home: { x: original } }, en: { home: { x: original.repeat(4) } } });
        expect(checked.errors).toEqual([]);
      }),
    );
  });

  it('reads back from the sheet exactly what a translator typed (any text, line breaks included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          // Not the names of Object.prototype ("valueOf", "constructor"…): write-excel-file 4.1.1 keeps its
          // shared strings in a plain object and writes a broken cell for them (a known gap, see the note).
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((s) => s.trim() === s && !/(?!\n)\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/u.test(s) && !(s in Object.prototype)),
          { minLength: 1, maxLength: 6 },
        ),
        async (texts) => {
          const file = join(dir, 'kit.xlsx');
          const listed = texts.map((translation, i) => ({
            key: `home:k${i}`,
            vi: 'Gốc',
            en: 'Original',
            translation,
            maxLength: 99,
            context: 'c',
            screenshot: 's.png',
          }));
          await writeKitFile(file, 'ede', listed);
          const back = await readKitFile(file);
          expect(back.language).toBe('ede');
          expect(back.rows.map((r) => r.translation)).toEqual(texts);
        },
      ),
      // Runs the format reads as escaped characters stay as typed (xlsx-text.ts).
      { numRuns: 15, examples: [[['_x0041_', 'a_x000D_b', '_x005F_', '__x0041__', '_X0041_']]] },
    );
  });

  it('refuses a file that is not a kit, and a kit for Vietnamese, saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    await expect(readKitFile(join(dir, 'none.xlsx'))).rejects.toThrow(/Không thấy tệp/);
    const plain = join(dir, 'plain.xlsx');
    await import('node:fs').then((fs) => fs.writeFileSync(plain, readFileSync(new URL(import.meta.url))));
    await expect(readKitFile(plain)).rejects.toThrow(/kiosk i18n export/);
    const viKit = join(dir, 'vi.xlsx');
    await writeKitFile(viKit, 'vi', []);
    await expect(readKitFile(viKit)).rejects.toThrow(/Tiếng Việt là bản gốc/);
  });
});
