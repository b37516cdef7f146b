// One import run: read the file, reject what is wrong record by record, then write everything in
// one transaction (or roll it back for a dry run). A file that cannot be read at all is refused
// before anything is written, so the database stays as it was.
import type { ImportReport, Rejection } from '../../contract/catalogue';
import type { Clock } from '../clock';
import { refused } from '../errors';
import { EventBatch } from '../store/event-types';
import type { Db } from '../store/open';
import { readImportFile, type ReadUnit } from './read-file';
import { ownCollection, prepareRotationBatch, type BatchPlan } from './rotation';
import { IndexBatch } from './search-index';
import { emptyAtStart, flushWriters, upsertRecord, type ImportWriters, type TargetCollection } from './store-records';

export interface ImportOptions {
  fileName: string;
  target: 'catalogue' | 'rotation';
  dryRun?: boolean;
  staffId?: number | null;
  onProgress?: (phase: 'checking' | 'saving' | 'done', done: number, total: number) => void;
}

class DryRunRollback extends Error {}

/** Rejects later units that repeat a control number or a barcode of an earlier unit in the same file. */
function* rejectDuplicatesInFile(units: Iterable<ReadUnit>): Generator<ReadUnit> {
  const controls = new Map<string, number>();
  const barcodes = new Map<string, number>();
  for (const unit of units) {
    checkDuplicates(unit, controls, barcodes);
    yield unit;
  }
}

function checkDuplicates(unit: ReadUnit, controls: Map<string, number>, barcodes: Map<string, number>): void {
  if (!unit.mapped.ok) return;
  const { record } = unit.mapped;
  const label = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
  const earlier = unit.unit === 'record' ? 'bản ghi số' : 'dòng';
  const control = record.controlNumber ? controls.get(record.controlNumber) : undefined;
  if (control !== undefined) {
    unit.mapped = { ok: false, problem: { reason: 'duplicate_in_file', message: `${label} trùng số kiểm soát ${record.controlNumber} với ${earlier} ${control} trong cùng tệp. Hãy giữ một bản rồi nhập lại.` } };
    return;
  }
  const repeated = record.items.find((item) => barcodes.has(item.barcode));
  if (repeated) {
    unit.mapped = {
      ok: false,
      problem: { reason: 'duplicate_in_file', message: `${label} dùng lại mã vạch ${repeated.barcode} đã có ở ${earlier} ${barcodes.get(repeated.barcode)} trong cùng tệp. Mỗi cuốn sách cần một mã vạch riêng.` },
    };
    return;
  }
  if (record.controlNumber) controls.set(record.controlNumber, unit.at);
  for (const item of record.items) barcodes.set(item.barcode, unit.at);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importCatalogueFile(db: Db, clock: Pick<Clock, 'now'>, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const read = await readImportFile(bytes);
  if (!read.ok) throw refused(read.reason, read.message);
  const total = read.count;
  options.onProgress?.('checking', 0, total);
  const units = rejectDuplicatesInFile(read.units);

  let plan: BatchPlan | undefined;
  if (options.target === 'rotation') {
    plan = prepareRotationBatch(db, read.rows ?? [], read.format);
  }
  // Yield between chunks of the mapping work already done above so progress reaches the screen.
  await tick();
  options.onProgress?.('saving', 0, total);

  const report: ImportReport = {
    ok: true, format: read.format, encoding: read.encoding, records: total,
    imported: 0, updated: 0, unchanged: 0, rejected: 0, itemsAdded: 0, rejections: [], dryRun: options.dryRun === true,
  };
  const reject = (unit: ReadUnit, reason: string, message: string) => {
    const rejection: Rejection = { at: unit.at, unit: unit.unit, reason, message };
    report.rejections.push(rejection);
    report.rejected++;
  };

  // A large import touches far more index pages than SQLite's default 2 MB cache holds.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const bulk = total > 5000;
  if (bulk) db.pragma('cache_size = -131072');
  try {
    db.transaction(() => {
      // Merging index segments while inserting redoes work a single 'optimize' at the end does once.
      if (bulk) db.prepare(`INSERT INTO catalogue_fts (catalogue_fts, rank) VALUES ('automerge', 0)`).run();
      let target: TargetCollection;
      if (plan) {
        const batch = plan.apply(clock);
        target = { id: batch.id, kind: 'rotation', newItemStatus: batch.received ? 'available' : 'in_transit', source: 'rotation' };
        report.batch = { id: batch.id, code: batch.code, created: batch.created };
      } else {
        target = { id: ownCollection(db, clock), kind: 'own', newItemStatus: 'available', source: 'import' };
      }
      const writers: ImportWriters = { index: new IndexBatch(db), events: new EventBatch(db, clock), ...emptyAtStart(db) };
      let index = 0;
      for (const unit of units) {
        if (++index % 5000 === 0) options.onProgress?.('saving', index, total);
        if (!unit.mapped.ok) {
          reject(unit, unit.mapped.problem.reason, unit.mapped.problem.message);
          continue;
        }
        const what = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
        const outcome = upsertRecord(db, clock, unit.mapped.record, target, what, writers);
        if (outcome.kind === 'rejected') {
          reject(unit, outcome.problem.reason, outcome.problem.message);
          continue;
        }
        report[outcome.kind]++;
        report.itemsAdded += outcome.itemsAdded;
      }
      flushWriters(writers);
      if (bulk) db.prepare(`INSERT INTO catalogue_fts (catalogue_fts, rank) VALUES ('automerge', 4)`).run();
      // Many small index segments slow every later search: merge them once after a big import.
      // Inside the transaction, the merged index is written once at commit instead of the
      // segments being committed and then rewritten by a second transaction.
      if (!options.dryRun && report.imported + report.updated > 5000) db.prepare(`INSERT INTO catalogue_fts (catalogue_fts) VALUES ('optimize')`).run();
      db.prepare(`INSERT INTO catalogue_imports (at, file_name, format, target, imported, updated, unchanged, rejected, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        new Date(clock.now()).toISOString(), options.fileName.slice(0, 255), read.format, options.target,
        report.imported, report.updated, report.unchanged, report.rejected, options.staffId ?? null,
      );
      if (options.dryRun) throw new DryRunRollback();
    })();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  report.rejections.sort((a, b) => a.at - b.at);
  options.onProgress?.('done', total, total);
  return report;
}
