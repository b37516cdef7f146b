// One import run: read the file, reject what cannot be a record and note what staff should look
// at (warnings) record by record, then write everything in
// one transaction (or roll it back for a dry run). A file that cannot be read at all is refused
// before anything is written, so the database stays as it was.
import { freemem } from 'node:os';
import type { ImportReport, Rejection } from '../../contract/catalogue';
import type { Clock } from '../clock';
import { refused } from '../errors';
import type { Logger } from '../log';
import { writeInBulk } from '../store/background';
import type { Db } from '../store/open';
import { rejectDuplicatesInFile } from './file-duplicates';
import { readInWorker, type ParallelRead } from './parallel-read';
import type { TextEncoding } from './encoding';
import { readImportFile, type ReadOutcome, type ReadUnit } from './read-file';
import { ownCollection, prepareRotationBatch, type BatchPlan } from './rotation';
import { beginBulkIndexing, MERGE_INDEX_SQL } from './search-index';
import { flushWriters, importWriters, upsertRecord, type TargetCollection } from './store-records';

export interface ImportOptions {
  fileName: string;
  target: 'catalogue' | 'rotation';
  dryRun?: boolean;
  staffId?: number | null;
  onProgress?: (phase: 'checking' | 'saving' | 'done', done: number, total: number) => void;
  /**
   * Where the file is read: 'auto' reads a large catalogue file in a worker thread while this one
   * writes (see parallel-read.ts) and anything else here; tests name 'worker' or 'inline'.
   */
  reader?: 'auto' | 'worker' | 'inline';
  /** The encoding staff named (a file detection found ambiguous); otherwise detected. */
  encoding?: TextEncoding;
  /** Told where the file was read and why a reader thread could not start (counts only, no content). */
  log?: Logger;
}

/**
 * SQLite's page cache during a large import, in KiB. The import rewrites index pages again and
 * again; pages pushed out of the default 2 MB cache are written to the WAL and read back each
 * time. The database grows by about 2.5 times the size of a MARC file, so the cache is sized by
 * the file (200,000 records in 109 MB: a cache holding the whole database instead of 128 MB saved
 * about 0.5 s of 9 s), within a quarter of the free memory so a small PC does not swap, and is
 * given back after the import.
 */
function bulkCacheKiB(fileBytes: number): number {
  const wanted = (fileBytes * 3) / 1024;
  const ceiling = Math.min(512 * 1024, freemem() / 4 / 1024);
  return Math.round(Math.max(32 * 1024, Math.min(wanted, ceiling)));
}

/** Files from this size are read in a worker thread: below it, starting one costs more than it saves. */
const WORKER_FROM_BYTES = 1 << 20;

/** The file's units, read in a worker thread or here; duplicates within the file are rejected either way. */
async function readUnits(bytes: Uint8Array, options: ImportOptions): Promise<ParallelRead> {
  const reader = options.reader ?? 'auto';
  // Rotation manifests are small and their batch columns are needed here (prepareRotationBatch).
  const inWorker = options.target === 'catalogue' && (reader === 'worker' || (reader === 'auto' && bytes.length >= WORKER_FROM_BYTES));
  if (inWorker) {
    const read = await readInWorker(bytes, options.encoding);
    if (typeof read !== 'string') {
      options.log?.log('info', 'catalogue.import_read', { reader: 'worker', bytes: bytes.length });
      return read;
    }
    // Slower, not wrong: the import goes on reading the file here.
    options.log?.log('warn', 'catalogue.reader_thread_unavailable', { why: read });
    if (reader === 'worker') throw new Error(`catalogue reader thread could not start: ${read}`);
  }
  options.log?.log('info', 'catalogue.import_read', { reader: 'importer', bytes: bytes.length });
  const read: ReadOutcome = await readImportFile(bytes, options.encoding);
  const here = { close: () => undefined, ended: Promise.resolve() };
  return read.ok ? { ...read, units: rejectDuplicatesInFile(read.units), ...here } : { ...read, ...here };
}

class DryRunRollback extends Error {}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importCatalogueFile(db: Db, clock: Pick<Clock, 'now'>, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const read = await readUnits(bytes, options);
  try {
    return await importUnits(db, clock, read, bytes.length, options);
  } finally {
    read.close();
  }
}

async function importUnits(db: Db, clock: Pick<Clock, 'now'>, read: ReadOutcome, fileBytes: number, options: ImportOptions): Promise<ImportReport> {
  if (!read.ok) throw refused(read.reason, read.message);
  const total = read.count;
  options.onProgress?.('checking', 0, total);
  const { units } = read;

  let plan: BatchPlan | undefined;
  if (options.target === 'rotation') {
    plan = prepareRotationBatch(db, read.rows ?? [], read.format);
  }
  // Yield between chunks of the mapping work already done above so progress reaches the screen.
  await tick();
  options.onProgress?.('saving', 0, total);

  const report: ImportReport = {
    ok: true, format: read.format, encoding: read.encoding, ...(read.confidence !== undefined ? { encodingConfidence: read.confidence } : {}), records: total,
    imported: 0, updated: 0, unchanged: 0, rejected: 0, itemsAdded: 0, warned: 0, warnings: [], rejections: [], dryRun: options.dryRun === true,
  };
  const reject = (unit: ReadUnit, reason: string, message: string) => {
    const rejection: Rejection = { at: unit.at, unit: unit.unit, reason, message };
    report.rejections.push(rejection);
    report.rejected++;
  };

  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const bulk = total > 5000;
  if (bulk) db.pragma(`cache_size = -${bulkCacheKiB(fileBytes)}`);
  const write = db.transaction(() => {
    const bulkIndexing = bulk ? beginBulkIndexing(db) : undefined;
    let target: TargetCollection;
    if (plan) {
      const batch = plan.apply(clock);
      target = { id: batch.id, kind: 'rotation', newItemStatus: batch.received ? 'available' : 'in_transit', source: 'rotation' };
      report.batch = { id: batch.id, code: batch.code, created: batch.created };
    } else {
      target = { id: ownCollection(db, clock), kind: 'own', newItemStatus: 'available', source: 'import' };
    }
    const writers = importWriters(db, clock);
    let index = 0;
    for (const unit of units) {
      if (++index % 5000 === 0) options.onProgress?.('saving', index, total);
      if (!unit.mapped.ok) {
        reject(unit, unit.mapped.problem.reason, unit.mapped.problem.message);
        continue;
      }
      const what = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
      const outcome = upsertRecord(db, clock, unit.mapped.record, target, what, writers, unit.index);
      if (outcome.kind === 'rejected') {
        reject(unit, outcome.problem.reason, outcome.problem.message);
        continue;
      }
      report[outcome.kind]++;
      report.itemsAdded += outcome.itemsAdded;
      const { warnings } = unit.mapped;
      if (warnings) {
        report.warned++;
        for (const { reason, message } of warnings) report.warnings.push({ at: unit.at, unit: unit.unit, reason, message });
      }
    }
    flushWriters(writers);
    bulkIndexing?.end();
    db.prepare(`INSERT INTO catalogue_imports (at, file_name, format, target, imported, updated, unchanged, rejected, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      new Date(clock.now()).toISOString(), options.fileName.slice(0, 255), read.format, options.target,
      report.imported, report.updated, report.unchanged, report.rejected, options.staffId ?? null,
    );
    if (options.dryRun) throw new DryRunRollback();
  });
  try {
    // After a large import commits, its index is merged and its log copied into the database file
    // on the second core (store/background.ts).
    if (bulk && !options.dryRun) writeInBulk(db, write, { log: options.log, tidy: [MERGE_INDEX_SQL] });
    else write();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  report.rejections.sort((a, b) => a.at - b.at);
  report.warnings.sort((a, b) => a.at - b.at);
  options.onProgress?.('done', total, total);
  return report;
}
