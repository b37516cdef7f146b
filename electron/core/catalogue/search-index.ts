// The full-text index (catalogue_fts, migration 0010): one row per record, keyed by the record
// id, holding title, authors and subjects folded with foldVietnamese, and lower-cased as written. Writers call
// `indexRecord` in the same transaction as the record change.
import { foldVietnamese } from '../text/fold';
import type { Db } from '../store/open';

function prepare(db: Db) {
  return {
    insert: db.prepare('INSERT INTO catalogue_fts (rowid, title, authors, subjects, title_x, authors_x, subjects_x) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM catalogue_fts WHERE rowid = ?'),
  };
}
const cache = new WeakMap<Db, ReturnType<typeof prepare>>();
const statements = (db: Db) => cache.get(db) ?? (cache.set(db, prepare(db)), cache.get(db)!);

export interface IndexedText {
  title: string;
  authors: readonly string[];
  subjects: readonly string[];
}

const lower = (value: string) => value.toLowerCase().normalize('NFC');

/** The 6 indexed texts of one record, in column order (folded title, authors, subjects, then as written). */
export type IndexColumns = [string, string, string, string, string, string];

/** Pure text work, so a large import computes it in its reader thread (parallel-read.ts). */
export function indexColumns(text: IndexedText): IndexColumns {
  const authors = text.authors.join(' ; ');
  const subjects = text.subjects.join(' ; ');
  return [foldVietnamese(text.title), foldVietnamese(authors), foldVietnamese(subjects), lower(text.title), lower(authors), lower(subjects)];
}

/** The 7 values of one index row, in column order. */
type IndexRow = [number, ...IndexColumns];

/** (Re)indexes one record. */
export function indexRecord(db: Db, recordId: number, text: IndexedText, replace = true): void {
  const s = statements(db);
  if (replace) s.remove.run(recordId);
  s.insert.run([recordId, ...indexColumns(text)]);
}

/**
 * Index rows of new records collected during a bulk import and written together, for speed:
 * FTS5 writes its pending rows to disk as a new segment whenever a statement opens a savepoint
 * (an insert with a trigger does: each item.added event; so does a multi-row INSERT), so indexing
 * each record between those statements made one tiny segment per record and cost ~20 µs per event.
 * Written every `chunk` records (or at the end of a batch, import-write.ts). Call `flush()` before
 * anything reads or replaces index rows, and before the transaction ends.
 */
export class IndexBatch {
  private rows: IndexRow[] = [];

  constructor(
    private readonly db: Db,
    private readonly chunk = 50_000,
  ) {}

  /** `columns`: the record's indexColumns when already computed (by the reader thread). */
  add(recordId: number, text: IndexedText, columns: IndexColumns = indexColumns(text)): void {
    this.rows.push([recordId, ...columns]);
    if (this.rows.length >= this.chunk) this.flush();
  }

  /** Replaces the index row of a record changed by the import (written earlier in it, maybe). */
  reindex(recordId: number, text: IndexedText): void {
    this.flush();
    indexRecord(this.db, recordId, text);
  }

  flush(): void {
    if (this.rows.length === 0) return;
    // One row per statement on purpose: a multi-row INSERT opens a savepoint too (measured twice as slow).
    const insert = statements(this.db).insert;
    for (const row of this.rows) insert.run(row);
    this.rows = [];
  }
}

/** Pages FTS5 writes per merge step: a few milliseconds of holding the write lock. */
const MERGE_STEP_PAGES = 256;

/**
 * Merges the index's segments into one, in small steps each of its own transaction (a large
 * import leaves one segment per batch; searching many segments costs half as much again as one),
 * running `between` after each step so a resident's write gets its turn. FTS5's 'optimize' would
 * do it in one statement, holding the write lock for seconds. Returns the steps taken.
 */
export function mergeIndexInSteps(db: Db, between: () => void, maxSteps = 100_000): number {
  const changes = db.prepare('SELECT total_changes()').pluck();
  // Negative: merge segments of every level, however few (FTS5 'merge' command).
  const merge = db.prepare(`INSERT INTO catalogue_fts (catalogue_fts, rank) VALUES ('merge', -${MERGE_STEP_PAGES})`);
  for (let step = 1; step <= maxSteps; step++) {
    const before = changes.get() as number;
    merge.run();
    // Fewer than 2 changes: nothing was left to merge (as FTS5's documentation tells).
    if ((changes.get() as number) - before < 2) return step;
    between();
  }
  return maxSteps;
}

/**
 * Indexes records the index does not know yet: those written before migration 0010 or by the
 * demo seed. Cheap when nothing is missing (one count on each side).
 */
export function indexMissingRecords(db: Db): number {
  const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
  const indexed = (db.prepare('SELECT count(*) AS n FROM catalogue_fts').get() as { n: number }).n;
  if (records === indexed) return 0;
  const rows = db.prepare('SELECT id, title, authors, subjects FROM records').all() as { id: number; title: string; authors: string; subjects: string }[];
  db.transaction(() => {
    db.prepare('DELETE FROM catalogue_fts').run();
    for (const row of rows) indexRecord(db, row.id, { title: row.title, authors: JSON.parse(row.authors), subjects: JSON.parse(row.subjects) }, false);
  })();
  return rows.length;
}
