import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport, RotationBatch, SearchResponse } from '#contract/catalogue';
import { IMPORT_CHUNK_BYTES } from '#contract/catalogue';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';
import { kioskArgv } from '../support/cli';
import { csvOf, HEADER, marcXmlOf, mrcOf, rowOf, sampleRecords, xlsxOf } from '../unit/catalogue/fixtures';

async function staff(t: TestKiosk): Promise<string> {
  return (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
}

/** Uploads through the same chunked methods the staff screen uses. */
async function upload(
  t: TestKiosk,
  token: string,
  bytes: Uint8Array,
  options: { target?: 'catalogue' | 'rotation'; dryRun?: boolean; name?: string } = {},
): Promise<ImportReport> {
  const { uploadId } = await t.call<{ uploadId: string }>('catalogue.importBegin', {
    staffToken: token,
    fileName: options.name ?? 'tep.mrc',
    size: bytes.length,
    target: options.target ?? 'catalogue',
  });
  for (let i = 0, at = 0; at < bytes.length; i++, at += IMPORT_CHUNK_BYTES) {
    await t.call('catalogue.importChunk', {
      staffToken: token,
      uploadId,
      index: i,
      data: Buffer.from(bytes.subarray(at, at + IMPORT_CHUNK_BYTES)).toString('base64'),
    });
  }
  return t.call<ImportReport>('catalogue.importFinish', { staffToken: token, uploadId, dryRun: options.dryRun ?? false });
}

function counts(t: TestKiosk) {
  const one = (sql: string) => (t.kiosk.db.prepare(sql).get() as { n: number }).n;
  return {
    records: one('SELECT count(*) AS n FROM records'),
    items: one('SELECT count(*) AS n FROM items'),
    events: one('SELECT count(*) AS n FROM events'),
    indexed: one('SELECT count(*) AS n FROM catalogue_fts'),
    collections: one('SELECT count(*) AS n FROM collections'),
  };
}

const search = (t: TestKiosk, query: string, extra: object = {}) => t.call<SearchResponse>('catalogue.search', { query, ...extra });

describe('catalogue import', () => {
  const records = sampleRecords(12);
  const formats: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['MARC21 ISO 2709', () => mrcOf(records), 'marc21'],
    ['MARCXML', () => Buffer.from(marcXmlOf(records)), 'marcxml'],
    ['CSV', () => Buffer.from(csvOf(records.map(rowOf))), 'csv'],
    ['XLSX', () => xlsxOf(records.map(rowOf)), 'xlsx'],
  ];

  for (const [name, build, format] of formats) {
    it(`imports ${name}, finds the books, and re-importing changes nothing`, async () => {
      const t = await openTestKiosk();
      const token = await staff(t);
      const bytes = await build();
      const before = counts(t);
      const first = await upload(t, token, bytes);
      expect(first).toMatchObject({ format, imported: 12, updated: 0, unchanged: 0, rejected: 0, itemsAdded: records.reduce((n, r) => n + r.items.length, 0) });
      const after = counts(t);
      expect(after.records).toBe(before.records + 12);
      expect(after.indexed).toBe(after.records);
      // One item.added event per new copy, written with the import.
      expect(after.events - before.events).toBe(first.itemsAdded);

      const hit = (await search(t, records[3]!.title)).results.find((r) => r.isbn === records[3]!.isbn);
      expect(hit).toMatchObject({ title: records[3]!.title, authors: records[3]!.authors, available: records[3]!.items.length });

      const again = await upload(t, token, bytes);
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 12, rejected: 0, itemsAdded: 0 });
      expect(counts(t)).toEqual(after);
    });
  }

  it('updates a changed record matched by control number, and adds a new copy', async () => {
    const t = await openTestKiosk();
    const token = await staff(t);
    await upload(t, token, Buffer.from(csvOf(records.slice(0, 2).map(rowOf))));
    const changed = rowOf(records[0]!);
    changed[1] = 'Nhan đề đã sửa';
    changed[8] += '; MOI0001';
    const report = await upload(t, token, Buffer.from(csvOf([changed, rowOf(records[1]!)])));
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 1, itemsAdded: 1 });
    expect((await search(t, 'nhan de da sua')).results[0]).toMatchObject({ title: 'Nhan đề đã sửa', available: records[0]!.items.length + 1 });
  });

  it('imports the valid rows and reports each rejected one with its line and reason', async () => {
    const t = await openTestKiosk();
    const token = await staff(t);
    const rows = records.slice(0, 3).map(rowOf);
    rows.splice(1, 0, ['', '', 'Không nhan đề', '', '', '', '', '', 'BAD0001', '']);
    rows.push([...rowOf(records[4]!)].map((v, i) => (i === 8 ? records[0]!.items[0]!.barcode : v)));
    const report = await upload(t, token, Buffer.from(csvOf(rows)));
    expect(report).toMatchObject({ imported: 3, rejected: 2 });
    expect(report.rejections.map((r) => [r.at, r.reason])).toEqual([
      [3, 'missing_title'],
      [6, 'duplicate_in_file'],
    ]);
    expect(report.rejections[0]!.message).toMatch(/^Dòng 3 không có nhan đề\. Hãy bổ sung/);
  });

  it('a dry run reports without saving', async () => {
    const t = await openTestKiosk();
    const token = await staff(t);
    const before = counts(t);
    const report = await upload(t, token, mrcOf(records), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, imported: 12 });
    expect(counts(t)).toEqual(before);
  });

  const bad: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['an empty file', () => new Uint8Array(), 'empty'],
    ['a truncated MARC record', () => mrcOf(records).subarray(0, mrcOf(records).length - 100), 'truncated'],
    [
      'a wrong leader length',
      () => {
        const file = Buffer.from(mrcOf(records));
        file.write('00099', 0, 'latin1');
        return file;
      },
      'bad_leader',
    ],
    ['a binary file', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 37) % 256), 'binary'],
    ['a spreadsheet with missing required columns', () => Buffer.from('Tác giả,Năm xuất bản\nLê Văn Ân,2020\n'), 'missing_columns'],
    ['an XLSX with missing required columns', () => xlsxOf([['Lê Văn Ân']], ['Tác giả']), 'missing_columns'],
    ['an old .xls workbook', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'old_excel'],
  ];
  for (const [name, build, reason] of bad) {
    it(`refuses ${name} with a clear sentence and leaves the database as it was`, async () => {
      const t = await openTestKiosk();
      const token = await staff(t);
      const before = counts(t);
      const error = await upload(t, token, await build()).then(
        () => undefined,
        (e: { apiError: { code: string; reason: string; message: string } }) => e.apiError,
      );
      expect(error).toMatchObject({ code: 'refused', reason });
      expect(error!.message).toMatch(/Hãy|hãy/);
      expect(counts(t)).toEqual(before);
      expect((t.kiosk.db.prepare('SELECT count(*) AS n FROM catalogue_imports').get() as { n: number }).n).toBe(0);
    });
  }

  it('requires a signed-in staff member', async () => {
    const t = await openTestKiosk();
    await expect(t.call('catalogue.importBegin', { staffToken: 'x'.repeat(32), fileName: 'a.csv', size: 10 })).rejects.toMatchObject({
      apiError: { code: 'unauthorized' },
    });
  });
});

describe('catalogue search', () => {
  const rows = [
    ['S1', 'Đường về quê hương Đồng Tháp', 'Đỗ Đức Định', 'Địa lý', '', '2020', '', '', 'D0001; D0002', 'Kệ 2'],
    ['S2', 'Hoa sen trong thơ ca', 'Trần Lan', 'Thơ', '', '2019', '', '', 'D0003', 'Kệ 5'],
    ['S3', 'Chuyện làng quê', 'Sen Nguyễn', 'Văn học', '', '2018', '', '', 'D0004', 'Kệ 5'],
    ['S4', 'Cây trái miền Nam', 'Hà Minh', 'Sen', '', '2017', '', '', 'D0005', 'Kệ 6'],
    ['S5', 'Sến và những khúc ca', 'Vũ Hòa', 'Âm nhạc', '', '2016', '', '', 'D0006', 'Kệ 6'],
  ];
  async function kiosk() {
    const t = await openTestKiosk();
    await upload(t, await staff(t), Buffer.from(csvOf(rows)));
    return t;
  }

  it('finds the same book with or without diacritics, any case, đ typed as d', async () => {
    const t = await kiosk();
    for (const query of ['Đường về quê hương', 'duong ve que huong', 'DUONG VE', 'đường', 'dong thap', 'do duc dinh', 'ĐỖ ĐỨC ĐỊNH', 'Đỗ Đức']) {
      const { results } = await search(t, query);
      expect(
        results.map((r) => r.title),
        query,
      ).toContain('Đường về quê hương Đồng Tháp');
    }
  });

  it('matches the last word as a prefix while typing', async () => {
    const t = await kiosk();
    expect((await search(t, 'duong ve qu')).results[0]?.title).toBe('Đường về quê hương Đồng Tháp');
    expect((await search(t, 'duong ve qu ')).results).toEqual([]);
  });

  it('ranks title before author before subject, and exact diacritics before folded', async () => {
    const t = await kiosk();
    const folded = (await search(t, 'sen ')).results.map((r) => [r.title, r.matchedIn]);
    // Typed without marks: field order decides, a title starting with the words comes first.
    expect(folded).toEqual([
      ['Sến và những khúc ca', 'title'],
      ['Hoa sen trong thơ ca', 'title'],
      ['Chuyện làng quê', 'author'],
      ['Cây trái miền Nam', 'subject'],
    ]);
    const exact = (await search(t, 'sến ')).results.map((r) => [r.title, r.exact]);
    expect(exact[0]).toEqual(['Sến và những khúc ca', true]);
    expect(exact.slice(1).every(([, isExact]) => isExact === false)).toBe(true);
    // Typed with marks, the exact author match comes before folded title matches.
    const hoa = (await search(t, 'Hòa ', { limit: 100 })).results.map((r) => [r.title, r.matchedIn, r.exact]);
    const at = (title: string) => hoa.findIndex((r) => r[0] === title);
    expect(hoa[at('Sến và những khúc ca')]).toEqual(['Sến và những khúc ca', 'author', true]);
    expect(hoa[at('Hoa sen trong thơ ca')]).toEqual(['Hoa sen trong thơ ca', 'title', false]);
    expect(at('Sến và những khúc ca')).toBeLessThan(at('Hoa sen trong thơ ca'));
  });

  it('shows availability and filters to books on the shelf', async () => {
    const t = await kiosk();
    t.kiosk.db.prepare(`UPDATE items SET status = 'on_loan' WHERE barcode IN ('D0001', 'D0002')`).run();
    const [hit] = (await search(t, 'dong thap')).results;
    expect(hit).toMatchObject({
      available: 0,
      items: [
        { barcode: 'D0001', status: 'on_loan', location: 'Kệ 2' },
        { barcode: 'D0002', status: 'on_loan' },
      ],
    });
    expect((await search(t, 'dong thap', { availableOnly: true })).results).toEqual([]);
    expect((await search(t, 'sen', { availableOnly: true })).results.length).toBe(4);
  });

  it('finds a book by ISBN or by a copy barcode', async () => {
    const t = await kiosk();
    expect((await search(t, 'D0004')).results[0]).toMatchObject({ title: 'Chuyện làng quê', matchedIn: 'identifier' });
  });

  it('answers an empty or punctuation-only query with no results', async () => {
    const t = await kiosk();
    expect(await search(t, '  ?! ')).toEqual({ query: '  ?! ', total: 0, more: false, results: [] });
  });
});

describe('rotation batches', () => {
  const manifest = (code = 'LC-2026-07', due = '31/12/2026') =>
    Buffer.from(
      csvOf(
        sampleRecords(3, 5).map((r) => [code, 'Thư viện tỉnh Lào Cai', due, ...rowOf(r)]),
        ['Mã đợt luân chuyển', 'Thư viện gửi', 'Hạn trả đợt', ...HEADER],
      ),
    );

  it('imports a manifest, receives it onto the shelf, and sends it back', async () => {
    const t = await openTestKiosk();
    const token = await staff(t);
    const report = await upload(t, token, manifest(), { target: 'rotation', name: 'dot.csv' });
    expect(report).toMatchObject({ imported: 3, batch: { code: 'LC-2026-07', created: true } });
    const [batch] = await t.call<RotationBatch[]>('rotation.list', { staffToken: token });
    expect(batch).toMatchObject({ code: 'LC-2026-07', state: 'announced', sourceLibrary: 'Thư viện tỉnh Lào Cai', dueBack: '2026-12-31' });
    const { title, isbn } = sampleRecords(3, 5)[0]!;
    const find = async () => (await search(t, title, { limit: 100 })).results.find((r) => r.isbn === isbn);
    expect((await find())?.available).toBe(0);

    expect(await upload(t, token, manifest(), { target: 'rotation' })).toMatchObject({ imported: 0, unchanged: 3, batch: { created: false } });

    const received = await t.call<RotationBatch>('rotation.receive', { staffToken: token, code: 'lc-2026-07' });
    expect(received.state).toBe('received');
    expect((await find())?.items[0]?.collection).toEqual({ code: 'LC-2026-07', kind: 'rotation' });
    expect((await find())?.available).toBeGreaterThan(0);
    const items = await t.call<{ barcode: string }[]>('rotation.items', { staffToken: token, code: 'LC-2026-07' });
    expect(items.length).toBe(sampleRecords(3, 5).reduce((n, r) => n + r.items.length, 0));
    t.kiosk.db.prepare(`UPDATE items SET status = 'on_loan' WHERE barcode = ?`).run(items[0]!.barcode);
    await expect(t.call('rotation.sendBack', { staffToken: token, code: 'LC-2026-07' })).rejects.toMatchObject({ apiError: { reason: 'batch_items_on_loan' } });
    t.kiosk.db.prepare(`UPDATE items SET status = 'available' WHERE barcode = ?`).run(items[0]!.barcode);
    expect(await t.call<RotationBatch>('rotation.sendBack', { staffToken: token, code: 'LC-2026-07' })).toMatchObject({ state: 'returned' });
    expect((await find())?.items).toEqual([]);

    const types = (t.kiosk.db.prepare(`SELECT type FROM events WHERE type LIKE 'rotation.%' ORDER BY id`).all() as { type: string }[]).map((r) => r.type);
    expect(types).toEqual(['rotation.batch_received', 'rotation.batch_returned']);
    await expect(upload(t, token, manifest(), { target: 'rotation' })).rejects.toMatchObject({ apiError: { reason: 'batch_returned' } });
  });

  it('refuses a manifest with a bad due-back date or two batch codes', async () => {
    const t = await openTestKiosk();
    const token = await staff(t);
    await expect(upload(t, token, manifest('LC-1', '31/02/2026'), { target: 'rotation' })).rejects.toMatchObject({ apiError: { reason: 'manifest_due_back' } });
    const mixed = Buffer.concat([manifest('LC-1'), Buffer.from('LC-2,Thư viện tỉnh Lào Cai,31/12/2026,,Sách khác,,,,,,,X999,\r\n')]);
    await expect(upload(t, token, mixed, { target: 'rotation' })).rejects.toMatchObject({ apiError: { reason: 'manifest_batch_code' } });
  });
});

describe('the kiosk command', () => {
  const kiosk = (...args: string[]) => spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8' });

  it('imports with --json, searches without diacritics, and fails clearly on a bad file', () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'sach.mrc');
      writeFileSync(file, mrcOf(sampleRecords(5)));
      const imported = kiosk('catalogue', 'import', file, '--data-dir', dir.path, '--json');
      expect(imported.status).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, format: 'marc21', imported: 5 });

      const title = sampleRecords(5)[2]!.title;
      const found = kiosk(
        'search',
        title
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D'),
        '--data-dir',
        dir.path,
        '--json',
      );
      expect(found.status).toBe(0);
      const results = JSON.parse(found.stdout) as { title: string; available: number; items: unknown[] }[];
      expect(Array.isArray(results)).toBe(true);
      expect(results.some((r) => r.title === title)).toBe(true);
      expect(Object.keys(results[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'authors', 'year', 'isbn', 'available', 'items']));

      writeFileSync(file, mrcOf(sampleRecords(5)).subarray(0, 300));
      const broken = kiosk('catalogue', 'import', file, '--data-dir', dir.path, '--json');
      expect(broken.status).not.toBe(0);
      expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, error: { reason: 'truncated' } });

      const rotation = kiosk('rotation', 'list', '--data-dir', dir.path, '--json');
      expect(rotation.status).toBe(0);
      expect(JSON.parse(rotation.stdout)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
