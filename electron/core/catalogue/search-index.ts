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

/** (Re)indexes one record. */
export function indexRecord(db: Db, recordId: number, text: IndexedText, replace = true): void {
  const s = statements(db);
  if (replace) s.remove.run(recordId);
  const authors = text.authors.join(' ; ');
  const subjects = text.subjects.join(' ; ');
  const lower = (value: string) => value.toLowerCase().normalize('NFC');
  s.insert.run(recordId, foldVietnamese(text.title), foldVietnamese(authors), foldVietnamese(subjects), lower(text.title), lower(authors), lower(subjects));
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
