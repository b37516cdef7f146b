// A large import file is read in a worker thread while the import writes (parallel-read.ts).
// These tests hold that path to the same outcome as reading the file in the importing thread:
// same report, same rows, same events, nothing written when the file or the write fails.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCatalogueFile, type ImportOptions } from '../../electron/core/catalogue/import';
import { scanIso2709 } from '../../electron/core/catalogue/iso2709';
import { readInWorker } from '../../electron/core/catalogue/parallel-read';
import { searchCatalogue } from '../../electron/core/catalogue/search';
import { KioskError } from '../../electron/core/errors';
import { openDatabase } from '../../electron/core/store/open';
import { tempDir } from '../support/temp-dir';
import { mrcOf, sampleRecords } from '../unit/catalogue/fixtures';

const clock = { now: () => Date.parse('2026-11-23T08:00:00Z') };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function freshDb() {
  const dir = tempDir('kiosk-reader-');
  const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}
type Db = ReturnType<typeof freshDb>;

const wrongCheckDigit = (isbn: string) => isbn.slice(0, -1) + String((Number(isbn.at(-1)) + 1) % 10);

/** 3,000 records (more than a few reader batches) with one of each per-record fault the reader finds. */
function faultyFile(): Buffer {
  const records = sampleRecords(3000, 7);
  const isbnRecord = records.findIndex((r, i) => i > 10 && /^\d{13}$/.test(r.isbn ?? ''));
  records[isbnRecord] = { ...records[isbnRecord]!, isbn: wrongCheckDigit(records[isbnRecord]!.isbn!) };
  records[1200] = { ...records[1200]!, controlNumber: records[5]!.controlNumber };
  records[2100] = { ...records[2100]!, items: [{ ...records[6]!.items[0]! }] };
  records[2500] = { ...records[2500]!, title: '' };
  const file = mrcOf(records);
  // A digit of record 2801's directory replaced: only that record is unreadable.
  const scan = scanIso2709(file);
  if (!scan.ok) throw new Error('fixture');
  file[scan.bounds[2800]!.start + 24 + 5] = 0x58;
  return file;
}

const table = (db: Db, sql: string) => db.prepare(sql).all();

function contents(db: Db) {
  return {
    records: table(db, 'SELECT * FROM records ORDER BY id'),
    items: table(db, 'SELECT * FROM items ORDER BY id'),
    events: table(db, 'SELECT type, payload FROM events ORDER BY id'),
    found: ['truyen co tich', 'Nguyễn', 'trồng lúa', 'ha giang'].map((q) => searchCatalogue(db, q, { limit: 50 })),
  };
}

// Read in the reader thread: written in the import's own thread; read here: written here too.
const importInto = (db: Db, file: Uint8Array, reader: ImportOptions['reader']) =>
  importCatalogueFile(db, clock, file, { fileName: 'lon.mrc', target: 'catalogue', reader, writer: reader === 'inline' ? 'inline' : 'auto' });

describe('reading a large import file in a worker thread', () => {
  it('gives the same report, rows, events and search results as reading it in the importing thread', async () => {
    const file = faultyFile();
    const [inWorker, here] = [freshDb(), freshDb()];
    // A catalogue that already has books: new copies are numbered after its items.
    const earlier = mrcOf(
      sampleRecords(30, 3).map((r, i) => ({ ...r, controlNumber: `CU${i}`, items: r.items.map((item, j) => ({ ...item, barcode: `CU${i}-${j}` })) })),
    );
    for (const db of [inWorker, here]) await importInto(db, earlier, 'inline');
    const viaWorker = await importInto(inWorker, file, 'worker');
    const viaHere = await importInto(here, file, 'inline');

    expect(viaWorker).toEqual(viaHere);
    expect(viaWorker).toMatchObject({ format: 'marc21', records: 3000, imported: 2996, rejected: 4, warned: 1 });
    expect(viaWorker.rejections.map((r) => r.reason).sort()).toEqual(['bad_directory', 'duplicate_in_file', 'duplicate_in_file', 'missing_title']);
    expect(viaWorker.warnings.map((r) => r.reason)).toEqual(['invalid_isbn']);
    expect(contents(inWorker)).toEqual(contents(here));

    // Item ids are given ahead of their rows: every copy's event names that copy and its record.
    const mismatched = inWorker
      .prepare(
        `SELECT count(*) AS n FROM events e LEFT JOIN items i ON i.id = e.payload ->> 'itemId' AND i.record_id = e.payload ->> 'recordId' WHERE e.type = 'item.added' AND i.id IS NULL`,
      )
      .get() as { n: number };
    expect(mismatched.n).toBe(0);
    expect(inWorker.pragma('foreign_key_check')).toEqual([]);
  });

  it('re-importing the same file through the worker changes nothing', async () => {
    const file = faultyFile();
    const db = freshDb();
    const first = await importInto(db, file, 'worker');
    const before = contents(db);
    const again = await importInto(db, file, 'worker');
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: first.imported, itemsAdded: 0 });
    expect(contents(db)).toEqual(before);
  });

  it('refuses a truncated file from the worker with the same sentence, writing nothing', async () => {
    const file = faultyFile().subarray(0, 1_500_000);
    const db = freshDb();
    const before = contents(db);
    const refusal = (reader: ImportOptions['reader']) => importInto(db, file, reader).catch((error: unknown) => error);
    const [viaWorker, viaHere] = [await refusal('worker'), await refusal('inline')];
    expect(viaWorker).toBeInstanceOf(KioskError);
    expect((viaWorker as KioskError).toApiError()).toEqual((viaHere as KioskError).toApiError());
    expect((viaWorker as KioskError).reason).toBe('truncated');
    expect(contents(db)).toEqual(before);
  });

  it('rolls back everything when a write fails halfway', async () => {
    const db = freshDb();
    db.exec(`CREATE TRIGGER fail_halfway BEFORE INSERT ON records WHEN (SELECT count(*) FROM records) >= 1500 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const before = contents(db);
    await expect(importInto(db, faultyFile(), 'worker')).rejects.toThrow('disk full');
    expect(contents(db)).toEqual(before);
  });

  it('stops the reader thread when the importer stops taking units', async () => {
    const read = await readInWorker(faultyFile());
    if (typeof read === 'string' || !read.ok) throw new Error('the reader thread should read this file');
    const first = read.units[Symbol.iterator]().next();
    expect(first.value).toMatchObject({ at: 1, unit: 'record', mapped: { ok: true } });
    read.close();
    await read.ended;
  });
});

describe('after a large import', () => {
  it("merges the search index in small steps and checkpoints on the import's own thread", async () => {
    const db = freshDb();
    const events: { event: string; fields: Record<string, unknown> }[] = [];
    const log = { log: (_level: string, event: string, fields: Record<string, unknown> = {}) => void events.push({ event, fields }) };
    const prepared = vi.spyOn(db, 'prepare');
    const records = sampleRecords(3000, 11);
    const report = await importCatalogueFile(db, clock, mrcOf(records), { fileName: 'lon.mrc', target: 'catalogue', log });
    // This thread neither wrote nor merged: the import's thread did, on its own connection.
    expect(prepared.mock.calls.some(([sql]) => /catalogue_fts|INSERT INTO records/.test(sql))).toBe(false);
    expect(report).toMatchObject({ imported: 3000 });
    expect(searchCatalogue(db, records[2999]!.title).results.map((r) => r.title)).toContain(records[2999]!.title);
    expect(events.find((e) => e.event === 'catalogue.index_merged')?.fields.steps).toBeGreaterThan(0);
    expect(events.find((e) => e.event === 'store.bulk_write_finished')?.fields).toMatchObject({ truncated: true });
    expect(statSync(db.name).size).toBeGreaterThan(4 * 2 ** 20);
    // Nothing of the journal stays once the import is done.
    expect(db.prepare('SELECT count(*) FROM catalogue_import_runs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM catalogue_import_journal').pluck().get()).toBe(0);

    const renamed = records.map((r, i) => ({ ...r, title: `Ấn bản mới số ${i + 1}` }));
    expect(await importInto(db, mrcOf(renamed), 'auto')).toMatchObject({ updated: 3000 });
    expect(searchCatalogue(db, 'an ban moi so 2321').results[0]).toMatchObject({ title: 'Ấn bản mới số 2321' });
    expect(searchCatalogue(db, records[2999]!.title).results.map((r) => r.id)).not.toContain(3000);
  });

  it('a dry run of a large file (written in batches) leaves the catalogue exactly as it was', async () => {
    const db = freshDb();
    await importInto(db, mrcOf(sampleRecords(300, 5)), 'inline');
    const before = contents(db);
    const report = await importCatalogueFile(db, clock, mrcOf(sampleRecords(3000, 12)), { fileName: 'thu.mrc', target: 'catalogue', dryRun: true });
    expect(report).toMatchObject({ dryRun: true, records: 3000 });
    expect(report.imported + report.updated + report.unchanged).toBeGreaterThan(2500);
    expect(contents(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM catalogue_import_runs').pluck().get()).toBe(0);
  });
});
