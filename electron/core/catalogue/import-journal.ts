// The journal that keeps a large catalogue import all-or-nothing while it writes in short batches
// (migration 0081). Why batches and a journal rather than one transaction: one transaction holds
// SQLite's write lock from the first record to the last (a minute for 200,000 records on a commune
// PC), and every resident's checkout waits behind it or fails with "database is locked". Short
// committed batches let a checkout in between them; the journal written in each batch's own
// transaction records what that batch changed, so until the run is marked committed it can be
// undone exactly, batch by batch, newest first:
// - after a failure (a broken write, a full disk) or a dry run, by the importing thread at once;
// - after a kill or a power cut, by the data folder's owner at its next start (recoverImports),
//   before it serves anyone.
// Events are append-only, so the `item.added` events of the copies are appended only once the run
// is committed, batch by batch (a kill in between is finished at the next start, rolling forward).
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { EventBatch } from '../store/event-types';
import type { Db } from '../store/open';
import { indexRecord } from './search-index';
import type { ExistingRecord, TargetCollection } from './store-records';

/**
 * What one batch did, in order: a record inserted (its id), a record updated (its row before), a
 * copy inserted (its id and record), a copy's shelf location changed (its id and location before).
 */
export type BatchOp = ['r', number] | ['u', ExistingRecord] | ['i', number, number] | ['l', number, string | null];

interface RunRow {
  id: number;
  state: 'writing' | 'committed';
  collection_id: number;
  collection_kind: 'own' | 'rotation';
  source: 'import' | 'rotation';
  created_collection: number;
}

/** Starts a journalled run (its own short transaction). */
export function beginRun(db: Db, clock: Pick<Clock, 'now'>, fileName: string, target: TargetCollection, createdCollection: boolean): number {
  return Number(
    db
      .prepare(
        `INSERT INTO catalogue_import_runs (file_name, started_at, state, collection_id, collection_kind, source, created_collection) VALUES (?, ?, 'writing', ?, ?, ?, ?)`,
      )
      .run(fileName.slice(0, 255), new Date(clock.now()).toISOString(), target.id, target.kind, target.source, createdCollection ? 1 : 0).lastInsertRowid,
  );
}

/** Records one batch's changes; call inside the batch's transaction. */
export function journalBatch(db: Db, runId: number, batch: number, ops: BatchOp[]): void {
  db.prepare('INSERT INTO catalogue_import_journal (run_id, batch, ops) VALUES (?, ?, ?)').run(runId, batch, JSON.stringify(ops));
}

/** The point of no return, inside the transaction that also writes the import's log line. */
export function markCommitted(db: Db, runId: number): void {
  db.prepare(`UPDATE catalogue_import_runs SET state = 'committed' WHERE id = ?`).run(runId);
}

const RECORD_COLUMNS = /^[a-z_]+$/;

function undoOps(db: Db, ops: BatchOp[], kept: { items: number; records: number }): void {
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    try {
      // Each statement alone: a copy a resident borrowed meanwhile cannot be removed (its loan
      // points at it), so it stays, with its record, and only that statement fails.
      if (op[0] === 'i') db.prepare('DELETE FROM items WHERE id = ?').run(op[1]);
      else if (op[0] === 'l') db.prepare('UPDATE items SET location = ? WHERE id = ?').run(op[2], op[1]);
      else if (op[0] === 'u') {
        const before = op[1];
        const columns = Object.keys(before).filter((c) => c !== 'id' && RECORD_COLUMNS.test(c));
        db.prepare(`UPDATE records SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(before);
        indexRecord(db, before.id, { title: before.title, authors: JSON.parse(before.authors) as string[], subjects: JSON.parse(before.subjects) as string[] });
      } else {
        // A record keeps a copy that could not be removed (above).
        const removed = db.prepare('DELETE FROM records WHERE id = ? AND NOT EXISTS (SELECT 1 FROM items WHERE record_id = records.id)').run(op[1]).changes;
        if (removed > 0) db.prepare('DELETE FROM catalogue_fts WHERE rowid = ?').run(op[1]);
        else kept.records++;
      }
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
      if (op[0] === 'i') kept.items++;
    }
  }
}

/**
 * Undoes a run that was not committed, newest batch first, each batch in its own transaction
 * (with its journal row, so a kill mid-undo is resumed). `between` runs after each transaction.
 */
export function undoRun(db: Db, runId: number, between: () => void = () => undefined, log?: Logger): void {
  const run = db.prepare('SELECT * FROM catalogue_import_runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!run) return;
  const next = db.prepare('SELECT batch, ops FROM catalogue_import_journal WHERE run_id = ? ORDER BY batch DESC LIMIT 1');
  const kept = { items: 0, records: 0 };
  for (;;) {
    const row = next.get(runId) as { batch: number; ops: string } | undefined;
    if (!row) break;
    db.transaction(() => {
      undoOps(db, JSON.parse(row.ops) as BatchOp[], kept);
      db.prepare('DELETE FROM catalogue_import_journal WHERE run_id = ? AND batch = ?').run(runId, row.batch);
    }).immediate();
    between();
  }
  db.transaction(() => {
    if (run.created_collection)
      db.prepare('DELETE FROM collections WHERE id = ? AND NOT EXISTS (SELECT 1 FROM items WHERE collection_id = collections.id)').run(run.collection_id);
    db.prepare('DELETE FROM catalogue_import_runs WHERE id = ?').run(runId);
  }).immediate();
  if (kept.items > 0) log?.log('warn', 'catalogue.import_undo_kept', { items: kept.items, records: kept.records });
}

/**
 * Appends the `item.added` event of every copy a committed run added, one journal batch per
 * transaction, then forgets the run. `between` runs after each transaction.
 */
export function publishRun(db: Db, clock: Pick<Clock, 'now'>, runId: number, between: () => void = () => undefined): void {
  const run = db.prepare('SELECT * FROM catalogue_import_runs WHERE id = ?').get(runId) as RunRow | undefined;
  if (!run) return;
  const next = db.prepare('SELECT batch, ops FROM catalogue_import_journal WHERE run_id = ? AND events_done = 0 ORDER BY batch LIMIT 1');
  for (;;) {
    const row = next.get(runId) as { batch: number; ops: string } | undefined;
    if (!row) break;
    db.transaction(() => {
      const events = new EventBatch(db, clock);
      for (const op of JSON.parse(row.ops) as BatchOp[]) {
        if (op[0] === 'i') events.record('item.added', { itemId: op[1], recordId: op[2], collectionKind: run.collection_kind, source: run.source });
      }
      events.flush();
      db.prepare('UPDATE catalogue_import_journal SET events_done = 1 WHERE run_id = ? AND batch = ?').run(runId, row.batch);
    }).immediate();
    between();
  }
  db.prepare('DELETE FROM catalogue_import_runs WHERE id = ?').run(runId);
}

/**
 * At the owner's start, before it serves anyone: a run a kill interrupted is undone when it was
 * still writing, and finished (its events appended) when it had committed.
 */
export function recoverImports(db: Db, clock: Pick<Clock, 'now'>, log?: Logger): { undone: number; finished: number } {
  const runs = db.prepare('SELECT id, state FROM catalogue_import_runs ORDER BY id').all() as Pick<RunRow, 'id' | 'state'>[];
  let undone = 0;
  let finished = 0;
  for (const run of runs) {
    if (run.state === 'writing') {
      undoRun(db, run.id, undefined, log);
      undone++;
    } else {
      publishRun(db, clock, run.id);
      finished++;
    }
  }
  if (runs.length > 0) log?.log('info', 'catalogue.import_recovered', { undone, finished });
  return { undone, finished };
}
