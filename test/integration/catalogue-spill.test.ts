// The numbers seen in a large import file spill to a SQLite file in the data folder's import scratch
// folder (file-duplicates.ts, issue #17): the file is there while the import reads and gone after it,
// whether the import ends well, is refused or fails half-way, on either reading path; and an import
// with no room left to spill is refused in a sentence staff can act on, with nothing written.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importScratchFolder, removeLeftoverSpills } from '../../electron/core/catalogue/file-duplicates';
import { importCatalogueFile, type ImportOptions } from '../../electron/core/catalogue/import';
import { KioskError } from '../../electron/core/errors';
import { openDatabase } from '../../electron/core/store/open';
import { tempDir } from '../support/temp-dir';
import { mrcOf, sampleRecords } from '../unit/catalogue/fixtures';

const clock = { now: () => Date.parse('2026-11-23T08:00:00Z') };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function freshKiosk() {
  const dir = tempDir('kiosk-spill-');
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return { db, dataDir: dir.path };
}

const spillFiles = (dataDir: string) => {
  const folder = importScratchFolder(dataDir);
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith('spill-')) : [];
};

// More reader batches than the reader thread may run ahead of the writer (READER.ahead), so the
// reader is still reading, and its spill still there, while the writer reports its progress.
const FILE = mrcOf(sampleRecords(10_000, 5));
const READERS = ['worker', 'inline'] as const;

/** An import that spills after 50 numbers, read on `reader`, written here unless told (so progress is seen here). */
function importSpilling(db: ReturnType<typeof freshKiosk>['db'], reader: ImportOptions['reader'], more: Partial<ImportOptions> = {}) {
  return importCatalogueFile(db, clock, FILE, {
    fileName: 'tinh.mrc',
    target: 'catalogue',
    reader,
    writer: 'inline',
    ...more,
    spill: { after: 50, ...more.spill },
  });
}

describe('the spill of a large import file', () => {
  for (const reader of READERS) {
    it(`lives in the data folder while the file is read, and is deleted after it (read ${reader === 'worker' ? 'in the reader thread' : 'here'})`, async () => {
      const { db, dataDir } = freshKiosk();
      const seen = new Set<string>();
      const report = await importSpilling(db, reader, { onProgress: () => spillFiles(dataDir).forEach((name) => seen.add(name)) });
      expect(report).toMatchObject({ records: 10_000, rejected: 0 });
      expect([...seen]).toEqual([expect.stringMatching(/^spill-[0-9a-f]{16}\.sqlite$/)]);
      expect(spillFiles(dataDir)).toEqual([]);
    });

    it(`refuses the import when the disk has no room for it, in a sentence, writing nothing (read ${reader === 'worker' ? 'in the reader thread' : 'here'})`, async () => {
      const { db, dataDir } = freshKiosk();
      // A reserve larger than any disk: the real free space of this disk is read, and found short.
      const refusal = await importSpilling(db, reader, { spill: { reserveBytes: Number.MAX_SAFE_INTEGER } }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(KioskError);
      expect((refusal as KioskError).reason).toBe('import_no_space');
      expect((refusal as KioskError).message).toMatch(
        /^Máy không đủ chỗ trống để kiểm tra trùng lặp trong tệp lớn này \(còn [\d.]+ MB\)\. Chưa có gì được nhập\./,
      );
      expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
      expect(spillFiles(dataDir)).toEqual([]);
    });

    it(`deletes the spill when writing fails half-way (read ${reader === 'worker' ? 'in the reader thread' : 'here'})`, async () => {
      const { db, dataDir } = freshKiosk();
      db.exec(`CREATE TRIGGER fail_halfway BEFORE INSERT ON records WHEN (SELECT count(*) FROM records) >= 1200 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      await expect(importSpilling(db, reader)).rejects.toThrow('disk full');
      expect(db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
      // The reader thread ends by itself once told to stop, deleting its spill on the way.
      await expect.poll(() => spillFiles(dataDir)).toEqual([]);
    });
  }

  it("carries the refusal from the reader thread through the import's own thread, as the screen and the CLI import", async () => {
    const { db, dataDir } = freshKiosk();
    const refusal = await importSpilling(db, 'worker', { writer: 'worker', spill: { reserveBytes: Number.MAX_SAFE_INTEGER } }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(KioskError);
    expect((refusal as KioskError).toApiError()).toMatchObject({ code: 'refused', reason: 'import_no_space', params: { freeMegabytes: expect.any(Number) } });
    expect(spillFiles(dataDir)).toEqual([]);
  });

  it('leaves no spill behind a stopped kiosk: the owner deletes what a killed reader left', () => {
    const { dataDir } = freshKiosk();
    const folder = importScratchFolder(dataDir);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'spill-0123456789abcdef.sqlite'), 'left behind');
    writeFileSync(join(folder, 'not-a-spill.txt'), 'kept');
    removeLeftoverSpills(dataDir);
    expect(readdirSync(folder)).toEqual(['not-a-spill.txt']);
  });
});
