// Writing imported records and items: match an existing record by control number, then ISBN
// (valid, else the invalid ISBN kept from 020 $z), then item barcode; insert, update or leave it; add new items with their `item.added` event.
// Callers run this inside one transaction per import, or per batch of a journalled import
// (import-journal.ts): then what each write changed is noted in `writers.journal` instead of events.
import type { Clock } from '../clock';
import { EventBatch } from '../store/event-types';
import type { BatchOp } from './import-journal';
import type { Db } from '../store/open';
import type { RecordInput, RecordProblem } from './record-input';
import { IndexBatch, type IndexColumns } from './search-index';

export type UpsertOutcome = { kind: 'imported' | 'updated' | 'unchanged'; recordId: number; itemsAdded: number } | { kind: 'rejected'; problem: RecordProblem };

export interface TargetCollection {
  id: number;
  kind: 'own' | 'rotation';
  /** Status of items this import adds: rotation items wait 'in_transit' until the batch is received. */
  newItemStatus: 'available' | 'in_transit';
  /** `manual`: a copy staff catalogued one by one (copy cataloguing). */
  source: 'import' | 'rotation' | 'manual';
}

/** A `records` row as SQLite returns it (snake_case columns). */
export interface ExistingRecord {
  id: number;
  control_number: string | null;
  title: string;
  authors: string;
  subjects: string;
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  invalid_isbn: string | null;
  call_number: string | null;
  language: string;
  summary: string | null;
  material_type: string;
  edition: string | null;
  physical_description: string | null;
}

const INSERT_ITEMS = 'INSERT INTO items (id, barcode, record_id, collection_id, location, status, added_at) VALUES';
const ITEM_VALUES = '(?, ?, ?, ?, ?, ?, ?)';
/** Items per INSERT in a bulk import: one statement per copy cost a third more (measured, 400,000 copies). */
const ITEMS_PER_INSERT = 32;

function prepare(db: Db) {
  return {
    byControl: db.prepare('SELECT * FROM records WHERE control_number = ?'),
    // Only the id and control number: an ISBN match under another control number is dropped, and
    // in a large import most are (many editions share an ISBN), so the full row is read by id after.
    byIsbn: db.prepare('SELECT id, control_number FROM records WHERE isbn = ? ORDER BY id LIMIT 1'),
    byInvalidIsbn: db.prepare('SELECT id, control_number FROM records WHERE invalid_isbn = ? AND isbn IS NULL ORDER BY id LIMIT 1'),
    byId: db.prepare('SELECT * FROM records WHERE id = ?'),
    item: db.prepare('SELECT id, record_id, collection_id, location FROM items WHERE barcode = ?'),
    insertRecord:
      db.prepare(`INSERT INTO records (control_number, title, authors, subjects, publisher, year, isbn, invalid_isbn, call_number, language, summary, material_type, edition, physical_description, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateRecord:
      db.prepare(`UPDATE records SET control_number = @controlNumber, title = @title, authors = @authors, subjects = @subjects, publisher = @publisher, year = @year,
      isbn = @isbn, invalid_isbn = @invalidIsbn, call_number = @callNumber, language = @language, summary = @summary, material_type = @materialType, edition = @edition,
      physical_description = @physicalDescription, updated_at = @at WHERE id = @id`),
    insertItem: db.prepare(`${INSERT_ITEMS} ${ITEM_VALUES}`),
    insertItems: db.prepare(`${INSERT_ITEMS} ${Array.from({ length: ITEMS_PER_INSERT }, () => ITEM_VALUES).join(', ')}`),
    lastItemId: db.prepare('SELECT coalesce(max(id), 0) AS id FROM items'),
    updateItemLocation: db.prepare('UPDATE items SET location = ? WHERE id = ?'),
    anyItem: db.prepare('SELECT 1 FROM items LIMIT 1'),
    anyRecord: db.prepare('SELECT 1 FROM records LIMIT 1'),
  };
}
type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Db, Statements>();
const statements = (db: Db) => cache.get(db) ?? (cache.set(db, prepare(db)), cache.get(db)!);

function sameRecord(row: ExistingRecord, input: RecordInput): boolean {
  return (
    (input.controlNumber === null || row.control_number === input.controlNumber) &&
    row.title === input.title &&
    row.authors === JSON.stringify(input.authors) &&
    row.subjects === JSON.stringify(input.subjects) &&
    row.publisher === input.publisher &&
    row.year === input.year &&
    row.isbn === input.isbn &&
    row.invalid_isbn === input.invalidIsbn &&
    row.call_number === input.callNumber &&
    row.language === input.language &&
    row.summary === input.summary &&
    row.material_type === input.materialType &&
    row.edition === input.edition &&
    row.physical_description === input.physicalDescription
  );
}

/**
 * Items of new copies, written ITEMS_PER_INSERT rows per statement. Their ids are given here
 * (after the largest id at the start, as SQLite would give them) so each copy's `item.added`
 * event can name it before the row is written. No unit of an import looks up a copy added by
 * another unit (the import rejects a barcode repeated in the file), so rows can wait.
 */
class ItemBatch {
  private readonly values: unknown[] = [];
  private lastId: number;

  constructor(private readonly db: Db) {
    this.lastId = (statements(db).lastItemId.get() as { id: number }).id;
  }

  add(barcode: string, recordId: number, collectionId: number, location: string | null, status: string, at: string): number {
    const id = ++this.lastId;
    this.values.push(id, barcode, recordId, collectionId, location, status, at);
    if (this.values.length === 7 * ITEMS_PER_INSERT) this.flush();
    return id;
  }

  flush(): void {
    const s = statements(this.db);
    if (this.values.length === 7 * ITEMS_PER_INSERT) s.insertItems.run(this.values);
    else for (let i = 0; i < this.values.length; i += 7) s.insertItem.run(this.values.slice(i, i + 7));
    this.values.length = 0;
  }
}

/**
 * Writers shared by the records of one import: new items, their `item.added` events and the index
 * rows of new records are collected and written together (see ItemBatch, EventBatch, IndexBatch).
 * Create them inside the import's transaction, before writing (`importWriters`), and flush them
 * before it ends (`flushWriters`).
 */
export interface ImportWriters {
  items: ItemBatch;
  index: IndexBatch;
  /** The copies' `item.added` events, written with the rows (a one-transaction import). */
  events?: EventBatch;
  /** What this batch changed, for undo and for its events later (a journalled import, see import-journal.ts). */
  journal?: BatchOp[];
  /**
   * The catalogue had no items / no records when the import began. Then an item barcode or a
   * control number can only be found among rows this import wrote, and the import already
   * rejects a unit repeating an earlier unit's barcode or control number (rejectDuplicatesInFile),
   * so those lookups cannot find anything and are skipped.
   */
  noItemsBefore: boolean;
  noRecordsBefore: boolean;
  /** ISBNs (valid or invalid) of the records this import wrote: with noRecordsBefore, only these can be found by ISBN. */
  isbnsWritten: WrittenIsbns;
}

/**
 * The ISBNs an import into an empty catalogue has written, so a record whose ISBN is not among them
 * skips the lookup. Kept while there are few: past ISBNS_KEPT every ISBN is looked up (one indexed
 * query, a few microseconds), so a province's 1 GB export does not grow the writer's memory.
 */
export class WrittenIsbns {
  static readonly ISBNS_KEPT = 100_000;
  private readonly isbns = new Set<string>();
  private tooMany = false;

  /** False only when this ISBN was certainly not written by this import. */
  mayHave(isbn: string): boolean {
    return this.tooMany || this.isbns.has(isbn);
  }

  add(isbn: string): void {
    if (this.tooMany) return;
    if (this.isbns.size < WrittenIsbns.ISBNS_KEPT) this.isbns.add(isbn);
    else {
      this.tooMany = true;
      this.isbns.clear();
    }
  }
}

export function importWriters(db: Db, clock: Pick<Clock, 'now'>): ImportWriters & { events: EventBatch } {
  const s = statements(db);
  return {
    items: new ItemBatch(db),
    index: new IndexBatch(db),
    events: new EventBatch(db, clock),
    noItemsBefore: s.anyItem.get() === undefined,
    noRecordsBefore: s.anyRecord.get() === undefined,
    isbnsWritten: new WrittenIsbns(),
  };
}

/**
 * Writers for the next batch of a journalled import, inside its transaction: new copies are
 * numbered after the largest id now (another writer may have added one between batches); what
 * the import knows about the catalogue before it (noItemsBefore, isbnsWritten…) carries over.
 */
export function batchWriters(db: Db, first: ImportWriters, journal: BatchOp[]): ImportWriters {
  return { ...first, items: new ItemBatch(db), index: new IndexBatch(db), events: undefined, journal };
}

export function flushWriters(writers: ImportWriters): void {
  writers.items.flush();
  writers.index.flush();
  writers.events?.flush();
}

/** `indexed`: the record's index columns when the reader thread computed them. */
export function upsertRecord(
  db: Db,
  clock: Pick<Clock, 'now'>,
  input: RecordInput,
  target: TargetCollection,
  what: string,
  writers: ImportWriters,
  indexed?: IndexColumns,
): UpsertOutcome {
  const s = statements(db);
  const itemRows = input.items.map((item) =>
    writers.noItemsBefore
      ? undefined
      : (s.item.get(item.barcode) as { id: number; record_id: number; collection_id: number; location: string | null } | undefined),
  );
  let existing = input.controlNumber && !writers.noRecordsBefore ? (s.byControl.get(input.controlNumber) as ExistingRecord | undefined) : undefined;
  let isbnOfAnother = false;
  // A record without a valid ISBN is matched by the invalid one it carries (kept from 020 $z), so
  // re-importing a file of mistyped ISBNs finds the same records again.
  const isbnKey = input.isbn ?? input.invalidIsbn;
  if (!existing && isbnKey && (!writers.noRecordsBefore || writers.isbnsWritten.mayHave(isbnKey))) {
    const hit = (input.isbn ? s.byIsbn.get(isbnKey) : s.byInvalidIsbn.get(isbnKey)) as { id: number; control_number: string | null } | undefined;
    // Catalogued under another control number: a different record, and (as always) no barcode match is tried.
    if (hit && input.controlNumber && hit.control_number && hit.control_number !== input.controlNumber) isbnOfAnother = true;
    else if (hit) existing = s.byId.get(hit.id) as ExistingRecord;
  }
  if (!existing && !isbnOfAnother) {
    const owner = itemRows.find((row) => row !== undefined);
    if (owner) existing = s.byId.get(owner.record_id) as ExistingRecord;
  }
  if (existing && input.controlNumber && existing.control_number && existing.control_number !== input.controlNumber) {
    // Matched by ISBN or barcode but catalogued under another control number: two different records.
    existing = undefined;
  }
  const clash = input.items.find((item, i) => itemRows[i] && itemRows[i]!.record_id !== existing?.id);
  if (clash) {
    return {
      kind: 'rejected',
      problem: {
        reason: 'barcode_taken',
        message: `${what}: mã vạch ${clash.barcode} đã được gắn cho một đầu sách khác trong kho. Hãy kiểm tra lại mã vạch rồi nhập lại.`,
      },
    };
  }
  const at = new Date(clock.now()).toISOString();
  const authors = JSON.stringify(input.authors);
  const subjects = JSON.stringify(input.subjects);
  let kind: 'imported' | 'updated' | 'unchanged';
  let recordId: number;
  if (!existing) {
    // Positional values: binding named parameters from a spread object cost more than the insert.
    const { controlNumber, title, publisher, year, isbn, invalidIsbn, callNumber, language, summary, materialType, edition, physicalDescription } = input;
    recordId = Number(
      s.insertRecord.run(
        controlNumber,
        title,
        authors,
        subjects,
        publisher,
        year,
        isbn,
        invalidIsbn,
        callNumber,
        language,
        summary,
        materialType,
        edition,
        physicalDescription,
        at,
        at,
      ).lastInsertRowid,
    );
    writers.index.add(recordId, input, indexed);
    writers.journal?.push(['r', recordId]);
    kind = 'imported';
  } else {
    recordId = existing.id;
    if (sameRecord(existing, input)) kind = 'unchanged';
    else {
      writers.journal?.push(['u', existing]);
      s.updateRecord.run({ ...input, authors, subjects, at, controlNumber: input.controlNumber ?? existing.control_number, id: recordId });
      writers.index.reindex(recordId, input);
      kind = 'updated';
    }
  }
  if (kind !== 'unchanged' && isbnKey) writers.isbnsWritten.add(isbnKey);
  let itemsAdded = 0;
  input.items.forEach((item, i) => {
    const row = itemRows[i];
    if (!row) {
      const itemId = writers.items.add(item.barcode, recordId, target.id, item.location, target.newItemStatus, at);
      writers.events?.record('item.added', { itemId, recordId, collectionKind: target.kind, source: target.source });
      writers.journal?.push(['i', itemId, recordId]);
      itemsAdded++;
    } else if (item.location !== null && row.location !== item.location) {
      writers.journal?.push(['l', row.id, row.location]);
      s.updateItemLocation.run(item.location, row.id);
      if (kind === 'unchanged') kind = 'updated';
    }
  });
  if (itemsAdded > 0 && kind === 'unchanged') kind = 'updated';
  return { kind, recordId, itemsAdded };
}
