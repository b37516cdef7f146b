// What a resident wants to know about a book's copies: how many are on the shelf, where, and when
// one comes back. Due dates come from the circulation feature's `loans` table when it exists;
// without it (or before it is migrated) availability still works from item status alone.
import type { SearchItem } from '../../contract/catalogue';
import type { Db } from '../store/open';

const hasLoans = new WeakMap<Db, boolean>();
const itemQueries = new WeakMap<Db, ReturnType<typeof prepareItems>>();

function prepareItems(db: Db, loans: boolean) {
  return db.prepare(
    `SELECT i.barcode, i.location, i.status, c.code, c.kind${loans ? `, (SELECT min(l.due_date) FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL) AS due` : ', NULL AS due'}
     FROM items i JOIN collections c ON c.id = i.collection_id
     WHERE i.record_id = ? AND i.status != 'lost' AND c.returned_at IS NULL
     ORDER BY (i.status = 'available') DESC, i.location, i.barcode`,
  );
}

function loansTableExists(db: Db): boolean {
  let known = hasLoans.get(db);
  if (known === undefined) {
    const cols = db.prepare(`SELECT name FROM pragma_table_info('loans')`).all() as { name: string }[];
    const names = new Set(cols.map((c) => c.name));
    known = ['item_id', 'due_date', 'returned_at'].every((c) => names.has(c));
    hasLoans.set(db, known);
  }
  return known;
}

/** The earliest due date among a record's items on loan, or null (also when loans are unknown). */
export function nextDueDate(db: Db, recordId: number): string | null {
  if (!loansTableExists(db)) return null;
  const row = db
    .prepare(`SELECT min(l.due_date) AS due FROM loans l JOIN items i ON i.id = l.item_id WHERE i.record_id = ? AND i.status = 'on_loan' AND l.returned_at IS NULL`)
    .get(recordId) as { due: string | null } | undefined;
  return row?.due ?? null;
}

export interface Availability {
  available: number;
  reference: number;
  nextDueDate: string | null;
  items: SearchItem[];
}

/** Items of one record a resident can see: not lost, and not a rotation batch that has gone back. */
export function recordAvailability(db: Db, recordId: number): Availability {
  let query = itemQueries.get(db);
  if (!query) itemQueries.set(db, (query = prepareItems(db, loansTableExists(db))));
  const rows = query
    .all(recordId) as { barcode: string; location: string | null; status: SearchItem['status']; code: string; kind: 'own' | 'rotation'; due: string | null }[];
  const items: SearchItem[] = rows.map((r) => ({
    barcode: r.barcode,
    location: r.location,
    status: r.status,
    collection: { code: r.code, kind: r.kind },
    dueDate: r.status === 'on_loan' ? r.due : null,
  }));
  const available = items.filter((i) => i.status === 'available').length;
  const dues = items.map((i) => i.dueDate).filter((d): d is string => d !== null).sort();
  return { available, reference: items.filter((i) => i.status === 'reference').length, nextDueDate: available === 0 ? (dues[0] ?? null) : null, items };
}
