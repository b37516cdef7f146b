// Import keeps every record it can (issue #17): a bad ISBN, an odd year, an empty 245 $b, an
// unknown language code or a repeated 650 is a warning naming the record; only what cannot be a
// record (no title, a broken structure) is rejected. Re-importing changes nothing, also for
// records matched by an invalid ISBN.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, SearchResponse } from '#contract/catalogue';
import { importCatalogueFile } from '../../electron/core/catalogue/import';
import { writeIso2709 } from '../../electron/core/catalogue/iso2709';
import type { MarcRecord } from '../../electron/core/catalogue/marc';
import { normaliseIsbn } from '../../electron/core/catalogue/record-input';
import { BAD_ISBN_BOOKS, badIsbnBarcode, badIsbnMrc, badIsbnRecords } from '../fixtures/catalogue/bad-isbn';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';

const importBytes = (t: TestKiosk, bytes: Uint8Array, fileName = 'tinh.mrc') =>
  importCatalogueFile(t.kiosk.db, t.clock, bytes, { fileName, target: 'catalogue' });
const search = (t: TestKiosk, query: string) => t.call<SearchResponse>('catalogue.search', { query });
const recordCount = (t: TestKiosk) => (t.kiosk.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;

describe('a provincial MARC file of 20 Vietnamese records with mistyped ISBNs', () => {
  it('is a well-formed MARC file whose every ISBN fails its check (the fixture itself)', () => {
    for (const [, , , , isbn] of BAD_ISBN_BOOKS) expect(normaliseIsbn(isbn)).toBeUndefined();
    const dir = tempDir('bad-isbn-');
    try {
      writeFileSync(join(dir.path, 'tinh.mrc'), badIsbnMrc());
      const yaz = spawnSync('yaz-marcdump', ['-n', join(dir.path, 'tinh.mrc')], { encoding: 'utf8' });
      expect(yaz.status).toBe(0);
      expect(yaz.stderr).toBe('');
    } finally {
      dir.remove();
    }
  });

  it('imports 20 of 20, each with an invalid-ISBN warning naming its record, shown and found by that ISBN', async () => {
    const t = await openTestKiosk();
    const before = recordCount(t);
    const report = await importBytes(t, badIsbnMrc());
    expect(report).toMatchObject({ records: 20, imported: 20, rejected: 0, warned: 20, itemsAdded: 20, rejections: [] });
    expect(report.warnings.map((w) => [w.at, w.unit, w.reason])).toEqual(BAD_ISBN_BOOKS.map((_, i) => [i + 1, 'record', 'invalid_isbn']));
    expect(report.warnings[0]!.message).toMatch(/^Bản ghi số 1 có ISBN "978-604-2-14567-4" không hợp lệ .* Bản ghi vẫn được nhập/);
    expect(recordCount(t)).toBe(before + 20);

    // Typed as printed on the book (with hyphens) or scanned: the record is found, its invalid ISBN shown.
    const hit = (await search(t, '978-604-2-14567-4')).results[0];
    expect(hit).toMatchObject({ title: 'Dế Mèn phiêu lưu ký', isbn: null, invalidIsbn: '9786042145674', matchedIn: 'identifier', available: 1 });
    expect((await search(t, '6046944132')).results[0]).toMatchObject({ title: 'Việt Nam sử lược', invalidIsbn: '6046944132' });
    // And by text, like any record.
    expect((await search(t, 'de men phieu luu ky')).results[0]).toMatchObject({ invalidIsbn: '9786042145674' });
  });

  it('re-importing changes nothing, with or without copies (matched by the invalid ISBN alone)', async () => {
    for (const withItems of [true, false]) {
      const t = await openTestKiosk();
      const file = badIsbnMrc(withItems);
      await importBytes(t, file);
      const rows = t.kiosk.db.prepare('SELECT * FROM records ORDER BY id').all();
      const items = t.kiosk.db.prepare('SELECT * FROM items ORDER BY id').all();
      const again = await importBytes(t, file);
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 20, rejected: 0, itemsAdded: 0 });
      expect(t.kiosk.db.prepare('SELECT * FROM records ORDER BY id').all()).toEqual(rows);
      expect(t.kiosk.db.prepare('SELECT * FROM items ORDER BY id').all()).toEqual(items);
    }
  });

  it('a corrected ISBN updates the record matched by its copy, and the invalid one is kept in 020 $z', async () => {
    const t = await openTestKiosk();
    await importBytes(t, badIsbnMrc());
    const records = badIsbnRecords();
    const isbn = records[0]!.fields.find((f) => f.tag === '020')!;
    isbn.subfields = [
      { code: 'a', value: '978-604-2-14567-1' },
      { code: 'z', value: '978-604-2-14567-4' },
    ];
    expect(normaliseIsbn('978-604-2-14567-1')).toBe('9786042145671');
    const report = await importBytes(t, writeIso2709(records));
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 19, warned: 19 });
    const hit = (await search(t, badIsbnBarcode(0))).results[0];
    expect(hit).toMatchObject({ isbn: '9786042145671', invalidIsbn: '9786042145674' });
  });
});

/** One record with the given fields (001 and 245 $a unless overridden). */
function record(
  n: number,
  extra: MarcRecord['fields'],
  title: MarcRecord['fields'][number] | null = { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: `Sách thử ${n}` }] },
): MarcRecord {
  return { leader: '00000nam a2200000 a 4500', fields: [{ tag: '001', value: `W${n}` }, ...(title ? [title] : []), ...extra] };
}

describe('what a librarian would not reject a book over', () => {
  it('keeps each record with a warning: ISBN of a wrong length or with stray characters, odd year, empty 245 $b, unknown language, repeated 650', async () => {
    const t = await openTestKiosk();
    const records: MarcRecord[] = [
      record(1, [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: '978-604-1-2345' }] }]),
      record(2, [{ tag: '020', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: 'ISBN: chưa có' }] }]),
      record(3, [{ tag: '260', ind1: ' ', ind2: ' ', subfields: [{ code: 'c', value: 'khoảng thập niên 90' }] }]),
      record(4, [], {
        tag: '245',
        ind1: '0',
        ind2: '0',
        subfields: [
          { code: 'a', value: 'Sách thử 4 :' },
          { code: 'b', value: ' ' },
        ],
      }),
      record(5, [{ tag: '041', ind1: '0', ind2: ' ', subfields: [{ code: 'a', value: 'Việt' }] }]),
      record(6, [{ tag: '041', ind1: '0', ind2: ' ', subfields: [{ code: 'a', value: 'qqq' }] }]),
      record(7, [
        { tag: '650', ind1: ' ', ind2: '7', subfields: [{ code: 'a', value: 'Nông nghiệp' }] },
        { tag: '650', ind1: ' ', ind2: '7', subfields: [{ code: 'a', value: 'Nông nghiệp.' }] },
      ]),
      record(8, [
        { tag: '852', ind1: ' ', ind2: ' ', subfields: [{ code: 'p', value: 'MÃ VẠCH CÓ KHOẢNG TRẮNG' }] },
        { tag: '852', ind1: ' ', ind2: ' ', subfields: [{ code: 'p', value: 'W8-1' }] },
      ]),
      // Only these cannot be records: no title at all.
      record(9, [], null),
      record(10, [], { tag: '245', ind1: '0', ind2: '0', subfields: [{ code: 'a', value: ' / ' }] }),
    ];
    const report: ImportReport = await importBytes(t, writeIso2709(records));
    expect(report).toMatchObject({ records: 10, imported: 8, rejected: 2, warned: 8, itemsAdded: 1 });
    expect(report.warnings.map((w) => [w.at, w.reason])).toEqual([
      [1, 'invalid_isbn'],
      [2, 'invalid_isbn'],
      [3, 'odd_year'],
      [4, 'empty_subtitle'],
      [5, 'unknown_language'],
      [6, 'unknown_language'],
      [7, 'duplicate_subject'],
      [8, 'invalid_barcode'],
    ]);
    expect(report.rejections.map((r) => [r.at, r.reason])).toEqual([
      [9, 'missing_title'],
      [10, 'missing_title'],
    ]);
    for (const w of report.warnings) expect(w.message).toMatch(new RegExp(`^Bản ghi số ${w.at}\\b`));

    const row = (n: number) => t.kiosk.db.prepare('SELECT * FROM records WHERE control_number = ?').get(`W${n}`) as Record<string, unknown>;
    expect(row(1)).toMatchObject({ isbn: null, invalid_isbn: '97860412345' });
    expect(row(2)).toMatchObject({ isbn: null, invalid_isbn: 'ISBN: chưa có' });
    expect(row(3)).toMatchObject({ year: null });
    expect(row(4)).toMatchObject({ title: 'Sách thử 4' });
    expect(row(5)).toMatchObject({ language: 'vie' });
    expect(row(6)).toMatchObject({ language: 'qqq' });
    expect(JSON.parse(row(7).subjects as string)).toEqual(['Nông nghiệp']);
    expect((await search(t, '978-604-1-2345')).results[0]).toMatchObject({ title: 'Sách thử 1', invalidIsbn: '97860412345' });

    // Idempotent with the warnings too.
    const again = await importBytes(t, writeIso2709(records));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 8, rejected: 2, itemsAdded: 0 });
  });

  it('still refuses a file with a broken structure, naming the record', async () => {
    const t = await openTestKiosk();
    const file = badIsbnMrc();
    const before = recordCount(t);
    await expect(importBytes(t, file.subarray(0, file.length - 30))).rejects.toMatchObject({ reason: 'truncated' });
    expect(recordCount(t)).toBe(before);
  });
});

describe('a large file with many problems', () => {
  it('lists the first 1,000 warnings and rejections and counts the rest, so the report stays small', async () => {
    const t = await openTestKiosk();
    const header = 'Số kiểm soát,Nhan đề,Tác giả,Chủ đề,Nhà xuất bản,Năm xuất bản,ISBN,Ký hiệu phân loại,Số đăng ký cá biệt/mã vạch,Vị trí,Tóm tắt';
    // Each row: a mistyped ISBN (a warning); every third has no title (a rejection).
    const rows = Array.from({ length: 3_300 }, (_, i) => {
      const n = String(i + 1).padStart(6, '0');
      return `LG${n},${i % 3 === 2 ? '' : `Sách số ${i + 1}`},Tác giả,,,2020,978-604-2-14567-4,,LG${n},,`;
    });
    const report = await importCatalogueFile(t.kiosk.db, t.clock, Buffer.from([header, ...rows].join('\n')), { fileName: 'lon.csv', target: 'catalogue' });
    expect(report).toMatchObject({ records: 3_300, imported: 2_200, rejected: 1_100, warned: 2_200 });
    expect([report.warnings.length, report.rejections.length]).toEqual([1_000, 1_000]);
    expect(report.unlisted).toEqual({ warnings: 1_200, rejections: 100 });
    expect(report.warnings.at(-1)!.reason).toBe('invalid_isbn');
  });
});
