// Writing an import's units into the catalogue, on whichever thread runs the import (normally the
// import's own writer thread, import-worker.ts, with its own connection). A small import (or a
// rotation manifest) is one transaction, as ever. A large one is written in batches of about
// BATCH_MS each, journalled (import-journal.ts) so it stays all-or-nothing: between two batches
// `between()` lets a resident's checkout take the write lock, and a failure, a dry run or a kill
// undoes every batch. See import-journal.ts for why. Every transaction here begins IMMEDIATE: a
// deferred one that reads first would fail at once (SQLITE_BUSY_SNAPSHOT, no waiting) when a
// resident's checkout on the serving thread's connection commits between its read and its write.
import { IMPORT_REPORT_LISTED, type ImportReport, type Rejection } from '#contract/catalogue';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Db } from '../store/open';
import { beginRun, journalBatch, markCommitted, publishRun, undoRun, type BatchOp } from './import-journal';
import type { ReadOutcome, ReadUnit } from './read-file';
import { ownCollection, prepareRotationBatch } from './rotation';
import { batchWriters, flushWriters, importWriters, upsertRecord, type ImportWriters, type TargetCollection } from './store-records';

export type ImportPhase = 'reading' | 'checking' | 'saving' | 'done';

export interface WriteOptions {
  fileName: string;
  target: 'catalogue' | 'rotation';
  dryRun?: boolean;
  staffId?: number | null;
  log?: Logger;
  /** The file's size: a file of few but large records is written in batches too. */
  fileBytes: number;
}

export interface WriteHooks {
  /** Between two transactions of a large import: where other writers get their turn. */
  between(): void;
  progress(phase: ImportPhase, done: number, total: number): void;
}

/** Imports of at most this many units, in a file of at most ONE_TRANSACTION_BYTES, are one transaction: short enough, and no journal to write. */
const ONE_TRANSACTION_UNITS = 2000;
const ONE_TRANSACTION_BYTES = 1 << 20;
/**
 * How long one batch holds the write lock. A resident's checkout that arrives meanwhile waits for
 * the rest of the batch (the writer then gives it the next turn, store/write-turns.ts): well under
 * the 200 ms a checkout may wait, and long enough that committing (a sync to disk) costs little.
 */
const BATCH_MS = 60;

type ReadOk = Extract<ReadOutcome, { ok: true }>;

class DryRunRollback extends Error {}

function emptyReport(read: ReadOk, dryRun: boolean): ImportReport {
  return {
    ok: true,
    format: read.format,
    encoding: read.encoding,
    ...(read.confidence !== undefined ? { encodingConfidence: read.confidence } : {}),
    records: read.count,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    itemsAdded: 0,
    warned: 0,
    warnings: [],
    rejections: [],
    unlisted: { warnings: 0, rejections: 0 },
    dryRun,
  };
}

/** Writes one unit and counts it in the report. */
function writeUnit(db: Db, clock: Pick<Clock, 'now'>, unit: ReadUnit, target: TargetCollection, writers: ImportWriters, report: ImportReport): void {
  const reject = (reason: string, message: string) => {
    const rejection: Rejection = { at: unit.at, unit: unit.unit, reason, message };
    if (report.rejections.length < IMPORT_REPORT_LISTED) report.rejections.push(rejection);
    else report.unlisted.rejections++;
    report.rejected++;
  };
  if (!unit.mapped.ok) return reject(unit.mapped.problem.reason, unit.mapped.problem.message);
  const what = unit.unit === 'record' ? `Bản ghi số ${unit.at}` : `Dòng ${unit.at}`;
  const outcome = upsertRecord(db, clock, unit.mapped.record, target, what, writers, unit.index);
  if (outcome.kind === 'rejected') return reject(outcome.problem.reason, outcome.problem.message);
  report[outcome.kind]++;
  report.itemsAdded += outcome.itemsAdded;
  const { warnings } = unit.mapped;
  if (warnings) {
    report.warned++;
    for (const { reason, message } of warnings) {
      if (report.warnings.length < IMPORT_REPORT_LISTED) report.warnings.push({ at: unit.at, unit: unit.unit, reason, message });
      else report.unlisted.warnings++;
    }
  }
}

function logImport(db: Db, clock: Pick<Clock, 'now'>, read: ReadOk, options: WriteOptions, report: ImportReport): void {
  db.prepare(
    `INSERT INTO catalogue_imports (at, file_name, format, target, imported, updated, unchanged, rejected, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date(clock.now()).toISOString(),
    options.fileName.slice(0, 255),
    read.format,
    options.target,
    report.imported,
    report.updated,
    report.unchanged,
    report.rejected,
    options.staffId ?? null,
  );
}

/** Writes every unit of a read file; returns the report (rejections and warnings in file order). */
export function writeImport(db: Db, clock: Pick<Clock, 'now'>, read: ReadOk, options: WriteOptions, hooks: WriteHooks): ImportReport {
  const total = read.count;
  hooks.progress('saving', 0, total);
  const report = emptyReport(read, options.dryRun === true);
  if (options.target === 'rotation' || (total <= ONE_TRANSACTION_UNITS && options.fileBytes <= ONE_TRANSACTION_BYTES))
    writeAtOnce(db, clock, read, options, hooks, report);
  else writeInBatches(db, clock, read, options, hooks, report);
  report.rejections.sort((a, b) => a.at - b.at);
  report.warnings.sort((a, b) => a.at - b.at);
  hooks.progress('done', total, total);
  return report;
}

/** One transaction (rolled back for a dry run). Rotation manifests are small and create their batch here. */
function writeAtOnce(db: Db, clock: Pick<Clock, 'now'>, read: ReadOk, options: WriteOptions, hooks: WriteHooks, report: ImportReport): void {
  const plan = options.target === 'rotation' ? prepareRotationBatch(db, read.rows, read.format) : undefined;
  try {
    db.transaction(() => {
      let target: TargetCollection;
      if (plan) {
        const batch = plan.apply(clock);
        target = { id: batch.id, kind: 'rotation', newItemStatus: batch.received ? 'available' : 'in_transit', source: 'rotation' };
        report.batch = { id: batch.id, code: batch.code, created: batch.created };
      } else {
        target = { id: ownCollection(db, clock), kind: 'own', newItemStatus: 'available', source: 'import' };
      }
      const writers = importWriters(db, clock);
      let done = 0;
      for (const unit of read.units) {
        writeUnit(db, clock, unit, target, writers, report);
        if (++done % 500 === 0) hooks.progress('saving', done, read.count);
      }
      flushWriters(writers);
      logImport(db, clock, read, options, report);
      if (options.dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
}

function writeInBatches(db: Db, clock: Pick<Clock, 'now'>, read: ReadOk, options: WriteOptions, hooks: WriteHooks, report: ImportReport): void {
  const started = db
    .transaction(() => {
      const existed = db.prepare(`SELECT 1 FROM collections WHERE kind = 'own' LIMIT 1`).get() !== undefined;
      const target: TargetCollection = { id: ownCollection(db, clock), kind: 'own', newItemStatus: 'available', source: 'import' };
      return { target, runId: beginRun(db, clock, options.fileName, target, !existed), first: importWriters(db, clock) };
    })
    .immediate();
  const { target, runId, first } = started;
  const units = read.units[Symbol.iterator]();
  let batch = 0;
  let done = 0;
  // Batches are not synced to disk one by one (a sync per batch was a large part of the import's
  // time): a power cut may lose the last batches, but each batch carries its own journal row, so
  // what survives is still exactly described and undone at the next start. The commit below, which
  // makes the run stay, is synced with everything before it (the connection's own setting again).
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const synced = () => db.pragma(`synchronous = ${synchronous}`);
  db.pragma('synchronous = NORMAL');
  try {
    let finished = false;
    while (!finished) {
      db.transaction(() => {
        const journal: BatchOp[] = [];
        const writers = batchWriters(db, first, journal);
        const until = performance.now() + BATCH_MS;
        for (let n = 1; ; n++) {
          const next = units.next();
          if (next.done) {
            finished = true;
            break;
          }
          writeUnit(db, clock, next.value, target, writers, report);
          done++;
          // The clock is read every few units: reading it costs more than writing one.
          if (n % 16 === 0 && performance.now() >= until) break;
        }
        flushWriters(writers);
        journalBatch(db, runId, ++batch, journal);
      }).immediate();
      hooks.progress('saving', done, read.count);
      hooks.between();
    }
    synced();
    if (options.dryRun) throw new DryRunRollback();
    db.transaction(() => {
      logImport(db, clock, read, options, report);
      markCommitted(db, runId);
    }).immediate();
  } catch (error) {
    synced();
    // Nothing of the run stays: newest batch first, each undone in its own short transaction.
    undoRun(db, runId, hooks.between, options.log);
    if (error instanceof DryRunRollback) return;
    throw error;
  }
  publishRun(db, clock, runId, hooks.between);
}
