// A CSV export of any size read in segments (csv-file.ts, issue #17): whatever the segment size,
// the rows, their line numbers, the count, the encoding and the refusals are exactly those of the
// whole-file reading, for UTF-8 and legacy-encoded files, with quoted commas, quotes and line
// breaks inside cells, blank lines and Windows line ends. A file on disk over the whole-file limit
// is read this way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSegments, readCsvSegments } from '../../../electron/core/catalogue/csv-file';
import { readImportFile, readImportSource, type ReadOutcome } from '../../../electron/core/catalogue/read-file';
import { encodeTcvn3 } from '../../../electron/core/catalogue/tcvn3';

const cellText = fc.array(fc.constantFrom('a', 'ă', 'đ', 'Ư', 'ờ', 'x', ' ', ',', '"', '\n', ';', '9', 'ĩ'), { maxLength: 12 }).map((c) => c.join(''));
const quote = (cell: string) => (/[",\n;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
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
        const segmented = settle(readCsvSegments(fromBytes(bytes), bytes.length, undefined, segmentBytes));
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
      const segmented = settle(readCsvSegments(fromBytes(bytes), bytes.length, undefined, segmentBytes));
      expect(segmented).toEqual(settle(await readImportFile(bytes)));
      expect(segmented).toMatchObject({ ok: true, encoding: 'tcvn3', count: 40 });
    }
  });

  it('refuses what the whole reading refuses, with the same sentence: a quote never closed, no title column, a header alone', async () => {
    for (const csv of ['Nhan đề,Mã vạch\n"Sách,MV1\nSách 2,MV2\n', 'Tác giả,Năm\nA,2001\n', 'Nhan đề,Mã vạch\n\n\n']) {
      const bytes = Buffer.from(csv, 'utf8');
      for (const segmentBytes of [3, 1024])
        expect(settle(readCsvSegments(fromBytes(bytes), bytes.length, undefined, segmentBytes))).toEqual(settle(await readImportFile(bytes)));
    }
  });

  it('cuts only where a record ends, and keeps the lines counted before each segment', () => {
    const csv = 'Nhan đề,Mã vạch\n"Hai\ndòng",MV1\nMột dòng,MV2\n';
    const bytes = Buffer.from(csv, 'utf8');
    const { segments, utf8 } = csvSegments(fromBytes(bytes), bytes.length, 4);
    expect(utf8).toBe(true);
    expect(segments.map((s) => bytes.subarray(s.start, s.end).toString('utf8'))).toEqual(['Nhan đề,Mã vạch\n', '"Hai\ndòng",MV1\n', 'Một dòng,MV2\n']);
    expect(segments.map((s) => s.lineOffset)).toEqual([0, 1, 3]);
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
