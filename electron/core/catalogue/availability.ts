// What a resident wants to know about a book's copies: how many are on the shelf, where, and when
// one comes back. Due dates and holds come from the circulation feature's `loans` and `holds` tables
// when they exist; without them (or before they are migrated) availability works from item status
// alone. A copy set aside for a hold is not on the shelf for anyone else.
import type { SearchItem } from '../../contract/catalogue';
import type { Db } from '../store/open';

const knownTables = new WeakMap<Db, { loans: boolean; holds: boolean }>();
const itemQueries = new WeakMap<Db, ReturnType<typeof prepareItems>>();

/** SQL that holds for a hold (aliased `h`) still open: neither fulfilled nor cancelled. */
export const OPEN_HOLD = 'h.fulfilled_at IS NULL AND h.cancelled_at IS NULL';

function prepareItems(db: Db) {
  const { loans, holds } = circulationTables(db);
  const due = loans ? '(SELECT min(l.due_date) FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL)' : 'NULL';
  return {
    items: db.prepare(
      `SELECT i.barcode, i.location, i.status, c.code, c.kind, ${due} AS due, ${setAsideCondition(db)} AS setAside
       FROM items i JOIN collections c ON c.id = i.collection_id
       WHERE i.record_id = ? AND i.status != 'lost' AND c.returned_at IS NULL
       ORDER BY (i.status = 'available') DESC, i.location, i.barcode`,
    ),
    waiting: holds ? db.prepare(`SELECT COUNT(*) AS n FROM holds h WHERE h.record_id = ? AND h.item_id IS NULL AND ${OPEN_HOLD}`) : undefined,
  };
}

function circulationTables(db: Db): { loans: boolean; holds: boolean } {
  let known = knownTables.get(db);
  if (known === undefined) {
    const columns = (table: string) => new Set((db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name));
    const loans = columns('loans');
    const holds = columns('holds');
    known = {
      loans: ['item_id', 'due_date', 'returned_at'].every((c) => loans.has(c)),
      holds: ['item_id', 'record_id', 'fulfilled_at', 'cancelled_at'].every((c) => holds.has(c)),
    };
    knownTables.set(db, known);
  }
  return known;
}

/** SQL that holds for a copy (aliased `i`) set aside for a hold; usable in a search's WHERE. */
export function setAsideCondition(db: Db): string {
  return circulationTables(db).holds ? `EXISTS (SELECT 1 FROM holds h WHERE h.item_id = i.id AND ${OPEN_HOLD})` : '0';
}

export interface Availability {
  available: number;
  /** Residents still waiting for a copy (holds without one set aside). */
  waiting: number;
  reference: number;
  nextDueDate: string | null;
  /** The earliest due date is before `today`: the copy is late, so no date can be promised. */
  nextDueOverdue: boolean;
  items: SearchItem[];
}

/**
 * Items of one record a resident can see: not lost, and not a rotation batch that has gone back.
 * `today` (local YYYY-MM-DD) tells a late copy from one due back soon.
 */
export function recordAvailability(db: Db, recordId: number, today = ''): Availability {
  let query = itemQueries.get(db);
  if (!query) itemQueries.set(db, (query = prepareItems(db)));
  const rows = query.items.all(recordId) as {
    barcode: string;
    location: string | null;
    status: SearchItem['status'];
    code: string;
    kind: 'own' | 'rotation';
    due: string | null;
    setAside: number;
  }[];
  const items: SearchItem[] = rows.map((r) => ({
    barcode: r.barcode,
    location: r.location,
    status: r.status,
    collection: { code: r.code, kind: r.kind },
    dueDate: r.status === 'on_loan' ? r.due : null,
    setAside: r.setAside === 1,
  }));
  const available = items.filter((i) => i.status === 'available' && !i.setAside).length;
  const dues = items.map((i) => i.dueDate).filter((d): d is string => d !== null).sort();
  const waiting = query.waiting ? (query.waiting.get(recordId) as { n: number }).n : 0;
  const nextDueDate = available === 0 ? (dues[0] ?? null) : null;
  return { available, waiting, reference: items.filter((i) => i.status === 'reference').length, nextDueDate, nextDueOverdue: nextDueDate !== null && nextDueDate < today, items };
}
