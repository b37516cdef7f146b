// What a resident wants to know about a book's copies: how many are on the shelf, where, and when
// one comes back. Due dates and holds come from the circulation feature's `loans` and `holds` tables
// when they exist; without them (or before they are migrated) availability works from item status
// alone. A copy set aside for a hold is not on the shelf for anyone else.
import type { SearchItem } from '#contract/catalogue';
import type { Db } from '../store/open';

const knownTables = new WeakMap<Db, { loans: boolean; holds: boolean }>();
const itemQueries = new WeakMap<Db, ReturnType<typeof prepareItems>>();

/** SQL that holds for a hold (aliased `h`) still open: neither fulfilled nor cancelled. */
export const OPEN_HOLD = 'h.fulfilled_at IS NULL AND h.cancelled_at IS NULL';

function prepareItems(db: Db) {
  const { loans, holds } = circulationTables(db);
  const due = loans ? '(SELECT min(l.due_date) FROM loans l WHERE l.item_id = i.id AND l.returned_at IS NULL)' : 'NULL';
  const select = `SELECT i.record_id AS recordId, i.barcode, i.location, i.status, c.code, c.kind, ${due} AS due, ${setAsideCondition(db)} AS setAside
       FROM items i JOIN collections c ON c.id = i.collection_id`;
  const visible = "i.status != 'lost' AND c.returned_at IS NULL";
  const order = "(i.status = 'available') DESC, i.location, i.barcode";
  // A page of search results reads its records' copies in one statement (ids as a JSON array), not one per record.
  const waitingFor = (where: string) =>
    `SELECT h.record_id AS recordId, COUNT(*) AS n FROM holds h WHERE ${where} AND h.item_id IS NULL AND ${OPEN_HOLD} GROUP BY h.record_id`;
  return {
    items: db.prepare(`${select} WHERE i.record_id = ? AND ${visible} ORDER BY ${order}`),
    itemsOfMany: db.prepare(`${select} WHERE i.record_id IN (SELECT value FROM json_each(?)) AND ${visible} ORDER BY i.record_id, ${order}`),
    waiting: holds ? db.prepare(waitingFor('h.record_id = ?')) : undefined,
    waitingOfMany: holds ? db.prepare(waitingFor('h.record_id IN (SELECT value FROM json_each(?))')) : undefined,
  };
}

interface ItemRow {
  recordId: number;
  barcode: string;
  location: string | null;
  status: SearchItem['status'];
  code: string;
  kind: 'own' | 'rotation';
  due: string | null;
  setAside: number;
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
  const query = queriesFor(db);
  const rows = query.items.all(recordId) as ItemRow[];
  const waiting = query.waiting ? ((query.waiting.all(recordId) as { n: number }[])[0]?.n ?? 0) : 0;
  return availabilityOf(rows, waiting, today);
}

/** The same for several records at once (a page of search results): two statements in all. */
export function recordsAvailability(db: Db, recordIds: readonly number[], today = ''): Map<number, Availability> {
  const query = queriesFor(db);
  const ids = JSON.stringify(recordIds);
  const rowsOf = new Map<number, ItemRow[]>(recordIds.map((id) => [id, []]));
  for (const row of query.itemsOfMany.all(ids) as ItemRow[]) rowsOf.get(row.recordId)?.push(row);
  const waiting = new Map(query.waitingOfMany ? (query.waitingOfMany.all(ids) as { recordId: number; n: number }[]).map((w) => [w.recordId, w.n]) : []);
  return new Map(recordIds.map((id) => [id, availabilityOf(rowsOf.get(id)!, waiting.get(id) ?? 0, today)]));
}

function queriesFor(db: Db) {
  let query = itemQueries.get(db);
  if (!query) itemQueries.set(db, (query = prepareItems(db)));
  return query;
}

function availabilityOf(rows: ItemRow[], waiting: number, today: string): Availability {
  const items: SearchItem[] = rows.map((r) => ({
    barcode: r.barcode,
    location: r.location,
    status: r.status,
    collection: { code: r.code, kind: r.kind },
    dueDate: r.status === 'on_loan' ? r.due : null,
    setAside: r.setAside === 1,
  }));
  const available = items.filter((i) => i.status === 'available' && !i.setAside).length;
  const dues = items
    .map((i) => i.dueDate)
    .filter((d): d is string => d !== null)
    .sort();
  const nextDueDate = available === 0 ? (dues[0] ?? null) : null;
  return {
    available,
    waiting,
    reference: items.filter((i) => i.status === 'reference').length,
    nextDueDate,
    nextDueOverdue: nextDueDate !== null && nextDueDate < today,
    items,
  };
}
