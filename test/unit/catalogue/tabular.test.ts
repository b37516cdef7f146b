import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapTableRow, readCsv, readXlsx } from '../../../electron/core/catalogue/tabular';
import { normaliseIsbn } from '../../../electron/core/catalogue/record-input';
import { encodeTcvn3 } from '../../../electron/core/catalogue/tcvn3';
import { csvOf, rowOf, sampleRecords, xlsxOf } from './fixtures';

const cell = fc.string({ unit: fc.constantFrom(...'aăâđêôơưàáạệữ xyz,;"\n0123'.split('')), maxLength: 30 });

describe('CSV with the Vietnamese column template', () => {
  it('reads any cell content back exactly, quotes, commas and line breaks included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            cell.filter((s) => s.trim() !== '' && !/[\n;]/.test(s)),
            fc.stringMatching(/^[A-Z]{2}\d{4}$/),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (rows) => {
          const csv = csvOf(rows.map(([title, barcode]) => ['', title, '', '', '', '', '', '', barcode, '']));
          const table = readCsv(csv);
          expect(table.ok).toBe(true);
          if (!table.ok) return;
          expect(table.rows.map((r) => mapTableRow(r)).map((m) => (m.ok ? m.record.title : null))).toEqual(
            rows.map(([title]) => title.replace(/\s+/g, ' ').trim()),
          );
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => void readCsv(text)),
      { numRuns: 300 },
    );
  });

  it('matches headers without diacritics or case, and with semicolons as separators', () => {
    const table = readCsv('NHAN DE;tac gia;So dang ky ca biet/ma vach\nSổ tay nuôi ong;Lê Văn Ân;BC001\n');
    expect(table.ok).toBe(true);
    if (table.ok)
      expect(mapTableRow(table.rows[0]!)).toMatchObject({
        ok: true,
        record: { title: 'Sổ tay nuôi ong', authors: ['Lê Văn Ân'], items: [{ barcode: 'BC001' }] },
      });
  });

  it('refuses a sheet missing a required column, naming it', () => {
    const table = readCsv('Tác giả,Năm xuất bản\nLê Văn Ân,2020\n');
    expect(table).toMatchObject({ ok: false, reason: 'missing_columns' });
    expect(!table.ok && table.message).toMatch(/"Nhan đề" và "Số đăng ký cá biệt\/mã vạch"/);
  });

  it('rejects a row without a title, and keeps rows with a bad ISBN or an odd year with a warning naming the line', () => {
    const table = readCsv(
      csvOf([
        ['', '', 'Ai đó', '', '', '', '', '', 'A1', ''],
        ['', 'Sách', '', '', '', '', '978-604-0-00000-0', '', 'A2', ''],
        ['', 'Sách', '', '', '', 'năm ngoái', '', '', 'A3', ''],
      ]),
    );
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const mapped = table.rows.map(mapTableRow);
    expect(mapped.map((m) => (m.ok ? (m.warnings ?? []).map((w) => w.reason).join() : m.problem.reason))).toEqual([
      'missing_title',
      'invalid_isbn',
      'odd_year',
    ]);
    expect(mapped.map((m) => (m.ok ? m.warnings![0]!.message.slice(0, 6) : m.problem.message.slice(0, 6)))).toEqual(['Dòng 2', 'Dòng 3', 'Dòng 4']);
    expect(mapped[1]).toMatchObject({ ok: true, record: { isbn: null, invalidIsbn: '9786040000000' } });
    expect(mapped[2]).toMatchObject({ ok: true, record: { year: null } });
  });

  it('reads an invalid ISBN column (020 $z) as it is, without a warning', () => {
    const table = readCsv('Nhan đề,ISBN không hợp lệ,Số đăng ký cá biệt\nSách cũ,978-604-0-00000-0,Z1\n');
    expect(table.ok && mapTableRow(table.rows[0]!)).toEqual({ ok: true, record: expect.objectContaining({ isbn: null, invalidIsbn: '9786040000000' }) });
  });

  it('normalises ISBNs as catalogues write them', () => {
    expect(normaliseIsbn('978-604-0-00001-9 (bìa mềm)')).toBe('9786040000019');
    expect(normaliseIsbn('')).toBeNull();
    expect(normaliseIsbn('123')).toBeUndefined();
  });
});

describe('XLSX', () => {
  it('reads the template columns from the first sheet', async () => {
    const records = sampleRecords(3);
    const table = await readXlsx(await xlsxOf(records.map(rowOf)));
    expect(table.ok).toBe(true);
    if (table.ok) expect(table.rows.map((r) => mapTableRow(r)).map((m) => m.ok && m.record.title)).toEqual(records.map((r) => r.title));
  });

  it('converts cells typed with a TCVN3 font', async () => {
    // A .VnTime cell holds the TCVN3 codes as Latin-1 look-alikes ("Kü thuËt...").
    const legacy = String.fromCharCode(...encodeTcvn3('Kỹ thuật trồng lúa'));
    expect(legacy).not.toMatch(/[ỹậồú]/);
    const table = await readXlsx(await xlsxOf([['', legacy, '', '', '', '', '', '', 'X1', '']]));
    expect(table).toMatchObject({ ok: true, encoding: 'tcvn3' });
    if (table.ok) expect(mapTableRow(table.rows[0]!)).toMatchObject({ ok: true, record: { title: 'Kỹ thuật trồng lúa' } });
  });

  it('refuses a damaged workbook', async () => {
    const bytes = await xlsxOf([['', 'Sách', '', '', '', '', '', '', 'X1', '']]);
    expect(await readXlsx(bytes.subarray(0, 200))).toMatchObject({ ok: false });
  });
});
