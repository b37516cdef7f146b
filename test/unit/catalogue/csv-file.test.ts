// A CSV export of any size read in segments (csv-file.ts, issue #17): whatever the segment size,
// the rows, their line numbers, the count, the encoding and the refusals are exactly those of the
// whole-file reading, for UTF-8 and legacy-encoded files, with quoted commas, quotes and line
// breaks inside cells, blank lines and Windows line ends. A file on disk over the whole-file limit
// is read this way.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvBytesSource, csvSegments, readCsvFile, readCsvSegments } from '../../../electron/core/catalogue/csv-file';
import { readImportFile, readImportSource, type ReadOutcome } from '../../../electron/core/catalogue/read-file';
import { encodeTcvn3 } from '../../../electron/core/catalogue/tcvn3';

const cellText = fc
  .array(fc.constantFrom('a', 'ă', 'đ', 'Ư', 'ờ', 'x', ' ', ',', '"', '\n', '\r', '\r\n', ';', '9', 'ĩ'), { maxLength: 12 })
  .map((c) => c.join(''));
const quote = (cell: string) => (/[",\n\r;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csvTable = fc
  .record({
    rows: fc.array(fc.tuple(cellText, cellText, cellText), { maxLength: 25 }),
    blankEvery: fc.integer({ min: 0, max: 6 }),
    crlf: fc.boolean(),
  })
  .map(({ rows, blankEvery, crlf }) => {
    const end = crlf ? '\r\n' : '\n';
    const lines = ['Nhan đề,Tác giả,Mã vạch'];
    rows.forEach((row, i) => {
      lines.push(row.map(quote).join(','));
      if (blankEvery && i % blankEvery === 0) lines.push('');
    });
    return lines.join(end) + end;
  });

const fromBytes = (bytes: Uint8Array) => (position: number, length: number) => bytes.subarray(position, position + length);
const segmentsOf = (bytes: Uint8Array, segmentBytes: number) => readCsvSegments(csvBytesSource(bytes), undefined, segmentBytes);

/** What an outcome says, with its lazy rows read out. */
const settle = (outcome: ReadOutcome) =>
  outcome.ok
    ? { ok: true, format: outcome.format, encoding: outcome.encoding, confidence: outcome.confidence, count: outcome.count, units: [...outcome.units] }
    : outcome;

describe('CSV in segments', () => {
  it('reads exactly as the whole file does, whatever the segment size (UTF-8)', async () => {
    await fc.assert(
      fc.asyncProperty(csvTable, fc.integer({ min: 1, max: 64 }), async (csv, segmentBytes) => {
        const bytes = Buffer.from(csv, 'utf8');
        const whole = settle(await readImportFile(bytes));
        const segmented = settle(segmentsOf(bytes, segmentBytes));
        expect(segmented).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a TCVN3 file as the whole file does: the encoding found from its start, every segment decoded with it', async () => {
    const title = 'Kỹ thuật trồng lúa ở đồng bằng';
    const csv = ['Nhan đề,Tác giả,Mã vạch', ...Array.from({ length: 40 }, (_, i) => `"${title} ${i}, tập ${i}",Nguyễn Văn Đức,MV${i}`)].join('\n');
    const bytes = encodeTcvn3(csv.toLowerCase());
    for (const segmentBytes of [7, 64, 500, 1 << 20]) {
      const segmented = settle(segmentsOf(bytes, segmentBytes));
      expect(segmented).toEqual(settle(await readImportFile(bytes)));
      expect(segmented).toMatchObject({ ok: true, encoding: 'tcvn3', count: 40 });
    }
  });

  it('refuses what the whole reading refuses, with the same sentence: a quote never closed, no title column, a header alone', async () => {
    for (const csv of ['Nhan đề,Mã vạch\n"Sách,MV1\nSách 2,MV2\n', 'Tác giả,Năm\nA,2001\n', 'Nhan đề,Mã vạch\n\n\n']) {
      const bytes = Buffer.from(csv, 'utf8');
      for (const segmentBytes of [3, 1024]) expect(settle(segmentsOf(bytes, segmentBytes))).toEqual(settle(await readImportFile(bytes)));
    }
  });

  it('cuts only where a record ends', () => {
    const csv = 'Nhan đề,Mã vạch\n"Hai\ndòng",MV1\nMột dòng,MV2\n';
    const bytes = Buffer.from(csv, 'utf8');
    const cut = csvSegments(fromBytes(bytes), bytes.length, 0, 4);
    if (!cut.ok) throw new Error(cut.message);
    const { segments, utf8 } = cut;
    expect(utf8).toBe(true);
    expect(segments.map((s) => bytes.subarray(s.start, s.end).toString('utf8'))).toEqual(['Nhan đề,Mã vạch\n', '"Hai\ndòng",MV1\n', 'Một dòng,MV2\n']);
  });

  it('hostile: a quote never closed or a file without line breaks is refused once a record passes the longest allowed, naming the line', () => {
    const open = Buffer.from(`Nhan đề,Mã vạch\nSách,MV1\n"Màn hình 14,MV2\n${'x,y\n'.repeat(200)}`, 'utf8');
    expect(csvSegments(fromBytes(open), open.length, 0, 16, 256)).toMatchObject({
      ok: false,
      reason: 'bad_csv',
      message: expect.stringContaining('dấu ngoặc kép mở ở dòng 3 không đóng'),
    });
    const crOnly = Buffer.from(`Nhan đề,Mã vạch\r${'Sách,MV\r'.repeat(100)}`, 'utf8');
    expect(csvSegments(fromBytes(crOnly), crOnly.length, 0, 16, 256)).toMatchObject({
      ok: false,
      reason: 'bad_csv',
      message: expect.stringContaining('không có dấu xuống dòng'),
    });
    // Thousands of blank lines are cut by line count, not left in one segment.
    const blank = Buffer.from(`Nhan đề,Mã vạch\n${'\n'.repeat(200_000)}Sách,MV1\n`, 'utf8');
    const cut = csvSegments(fromBytes(blank), blank.length);
    expect(cut.ok && cut.segments.length).toBeGreaterThan(2);
  });

  it('a UTF-8 byte-order mark before legacy text is not read as text', async () => {
    const legacy = encodeTcvn3('nhan đề,mã vạch\nkỹ thuật trồng lúa,mv1\nlịch sử địa phương,mv2\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), legacy]);
    expect(settle(segmentsOf(bytes, 8))).toMatchObject({ ok: true, encoding: 'tcvn3', count: 2 });
  });

  it('a file whose rows are never read is not left open (a refused rotation list, a failed first batch)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-fd-'));
    try {
      const file = join(dir, 'a.csv');
      writeFileSync(file, 'Nhan đề,Mã vạch\nSách,MV1\n');
      const before = readdirSync('/proc/self/fd').length;
      for (let i = 0; i < 20; i++) expect(readCsvFile(file).ok).toBe(true);
      expect(readdirSync('/proc/self/fd').length).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a CSV on disk over the whole-file limit is read in segments: same rows, no spreadsheet rows held', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-segments-'));
    try {
      const file = join(dir, 'lon.csv');
      const csv = ['Nhan đề,Tác giả,Mã vạch', ...Array.from({ length: 300 }, (_, i) => `Sách số ${i},Tác giả ${i},MV${String(i).padStart(5, '0')}`)].join('\n');
      writeFileSync(file, csv);
      const streamed = await readImportSource({ path: file }, undefined, 1024);
      expect(streamed).not.toHaveProperty('rows');
      const whole = await readImportSource({ path: file });
      expect(whole).toHaveProperty('rows');
      const { rows: _rows, ...wholeOutcome } = whole as ReadOutcome & { rows?: unknown };
      expect(settle(streamed)).toEqual(settle(wholeOutcome as ReadOutcome));
      expect(settle(streamed)).toMatchObject({ ok: true, format: 'csv', count: 300 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a CSV that changes between the two passes', () => {
  it('stops the import whole with a sentence, never imports part of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-changed-'));
    try {
      const file = join(dir, 'a.csv');
      writeFileSync(file, 'Nhan đề,Mã vạch\nSách 1,MV1\nSách 2,MV2\n');
      const read = readCsvFile(file);
      if (!read.ok) throw new Error(read.message);
      // Still being copied onto the stick: more bytes arrive after the first pass.
      writeFileSync(file, 'Nhan đề,Mã vạch\nSách 1,MV1\nSách 2,MV2\nSách 3,MV3\n');
      expect(() => [...read.units]).toThrow(/Tệp đã thay đổi trong lúc nhập/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
