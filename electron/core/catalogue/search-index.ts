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
 * Written every `chunk` records, the rows form one segment per chunk when FTS5 may hold that much
 * pending data (see beginBulkIndexing). Call `flush()` before anything reads or replaces index
 * rows, and before the transaction ends.
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

/** FTS5's default limit of pending index data (1 MB), restored after a bulk import. */
const DEFAULT_HASH_SIZE = 1 << 20;
/** Enough pending data for one IndexBatch chunk of 50,000 records (measured: no flush in between). */
const BULK_HASH_SIZE = 128 << 20;

/**
 * Merges the index's segments into one. A large import leaves several (one per IndexBatch chunk,
 * one per re-indexed record); searching them cost half as much again as one (p95 4.3 against
 * 2.8 ms on 200,000 records). The import runs this in the background after it commits
 * (store/background.ts): merging inside its transaction kept the importing thread about 0.5 s longer.
 */
export const MERGE_INDEX_SQL = `INSERT INTO catalogue_fts (catalogue_fts) VALUES ('optimize')`;

/**
 * Index settings for a large import, inside its transaction: no merging while rows are added, and
 * a pending-data limit that lets each IndexBatch chunk become one segment. `end` restores both;
 * call it after the import's IndexBatch is flushed.
 */
export function beginBulkIndexing(db: Db): { end(): void } {
  const config = (name: string, value: number) => db.prepare(`INSERT INTO catalogue_fts (catalogue_fts, rank) VALUES ('${name}', ${value})`).run();
  config('automerge', 0);
  config('hashsize', BULK_HASH_SIZE);
  return {
    end() {
      config('automerge', 4);
      config('hashsize', DEFAULT_HASH_SIZE);
    },
  };
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
