// Writing imported records and items: match an existing record by control number, then ISBN,
// then item barcode; insert, update or leave it; add new items with their `item.added` event.
// Callers run this inside one transaction per import.
import type { Clock } from '../clock';
import { recordEvent, type EventBatch } from '../store/event-types';
import type { Db } from '../store/open';
import type { RecordInput, RecordProblem } from './record-input';
import { indexRecord, type IndexBatch } from './search-index';

export type UpsertOutcome = { kind: 'imported' | 'updated' | 'unchanged'; recordId: number; itemsAdded: number } | { kind: 'rejected'; problem: RecordProblem };

export interface TargetCollection {
  id: number;
  kind: 'own' | 'rotation';
  /** Status of items this import adds: rotation items wait 'in_transit' until the batch is received. */
  newItemStatus: 'available' | 'in_transit';
  source: 'import' | 'rotation';
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
  call_number: string | null;
  language: string;
  summary: string | null;
  material_type: string;
  edition: string | null;
  physical_description: string | null;
}

function prepare(db: Db) {
  return {
    byControl: db.prepare('SELECT * FROM records WHERE control_number = ?'),
    // Only the id and control number: an ISBN match under another control number is dropped, and
    // in a large import most are (many editions share an ISBN), so the full row is read by id after.
    byIsbn: db.prepare('SELECT id, control_number FROM records WHERE isbn = ? ORDER BY id LIMIT 1'),
    byId: db.prepare('SELECT * FROM records WHERE id = ?'),
    item: db.prepare('SELECT id, record_id, collection_id, location FROM items WHERE barcode = ?'),
    insertRecord: db.prepare(`INSERT INTO records (control_number, title, authors, subjects, publisher, year, isbn, call_number, language, summary, material_type, edition, physical_description, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateRecord: db.prepare(`UPDATE records SET control_number = @controlNumber, title = @title, authors = @authors, subjects = @subjects, publisher = @publisher, year = @year,
      isbn = @isbn, call_number = @callNumber, language = @language, summary = @summary, material_type = @materialType, edition = @edition,
      physical_description = @physicalDescription, updated_at = @at WHERE id = @id`),
    insertItem: db.prepare('INSERT INTO items (barcode, record_id, collection_id, location, status, added_at) VALUES (?, ?, ?, ?, ?, ?)'),
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
    row.call_number === input.callNumber &&
    row.language === input.language &&
    row.summary === input.summary &&
    row.material_type === input.materialType &&
    row.edition === input.edition &&
    row.physical_description === input.physicalDescription
  );
}

/**
 * Writers shared by the records of one import: the `item.added` events of new items and the index
 * rows of new records are collected and written together (see EventBatch, IndexBatch). Without
 * them each row is written at once. Flush both before the transaction ends (`flushWriters`).
 * Items themselves are inserted one row per statement: a multi-row INSERT into items measured no
 * faster (it needs a statement journal for its foreign key, which a single row does not).
 */
export interface ImportWriters {
  index: IndexBatch;
  events: EventBatch;
  /**
   * The catalogue had no items / no records when the import began (see `emptyAtStart`). Then an
   * item barcode or a control number can only be found among rows this import wrote, and the
   * import already rejects a unit repeating an earlier unit's barcode or control number
   * (rejectDuplicatesInFile), so those lookups cannot find anything and are skipped.
   */
  noItemsBefore: boolean;
  noRecordsBefore: boolean;
}

/** Whether items and records were empty: call inside the import's transaction, before writing. */
export function emptyAtStart(db: Db): { noItemsBefore: boolean; noRecordsBefore: boolean } {
  const s = statements(db);
  return { noItemsBefore: s.anyItem.get() === undefined, noRecordsBefore: s.anyRecord.get() === undefined };
}

export function flushWriters(writers: ImportWriters): void {
  writers.index.flush();
  writers.events.flush();
}

export function upsertRecord(db: Db, clock: Pick<Clock, 'now'>, input: RecordInput, target: TargetCollection, what: string, writers?: ImportWriters): UpsertOutcome {
  const s = statements(db);
  const itemRows = input.items.map((item) =>
    writers?.noItemsBefore ? undefined : (s.item.get(item.barcode) as { id: number; record_id: number; collection_id: number; location: string | null } | undefined),
  );
  let existing = input.controlNumber && !writers?.noRecordsBefore ? (s.byControl.get(input.controlNumber) as ExistingRecord | undefined) : undefined;
  let isbnOfAnother = false;
  if (!existing && input.isbn) {
    const hit = s.byIsbn.get(input.isbn) as { id: number; control_number: string | null } | undefined;
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
      problem: { reason: 'barcode_taken', message: `${what}: mã vạch ${clash.barcode} đã được gắn cho một đầu sách khác trong kho. Hãy kiểm tra lại mã vạch rồi nhập lại.` },
    };
  }
  const at = new Date(clock.now()).toISOString();
  const authors = JSON.stringify(input.authors);
  const subjects = JSON.stringify(input.subjects);
  let kind: 'imported' | 'updated' | 'unchanged';
  let recordId: number;
  if (!existing) {
    // Positional values: binding named parameters from a spread object cost more than the insert.
    const { controlNumber, title, publisher, year, isbn, callNumber, language, summary, materialType, edition, physicalDescription } = input;
    recordId = Number(
      s.insertRecord.run(controlNumber, title, authors, subjects, publisher, year, isbn, callNumber, language, summary, materialType, edition, physicalDescription, at, at).lastInsertRowid,
    );
    if (writers) writers.index.add(recordId, input);
    else indexRecord(db, recordId, input, false);
    kind = 'imported';
  } else {
    recordId = existing.id;
    if (sameRecord(existing, input)) kind = 'unchanged';
    else {
      s.updateRecord.run({ ...input, authors, subjects, at, controlNumber: input.controlNumber ?? existing.control_number, id: recordId });
      // The record may have been added earlier in this import: its row must be written before it is replaced.
      writers?.index.flush();
      indexRecord(db, recordId, input);
      kind = 'updated';
    }
  }
  let itemsAdded = 0;
  input.items.forEach((item, i) => {
    const row = itemRows[i];
    if (!row) {
      const itemId = Number(s.insertItem.run(item.barcode, recordId, target.id, item.location, target.newItemStatus, at).lastInsertRowid);
      const event = { itemId, recordId, collectionKind: target.kind, source: target.source } as const;
      if (writers) writers.events.record('item.added', event);
      else recordEvent(db, clock, 'item.added', event);
      itemsAdded++;
    } else if (item.location !== null && row.location !== item.location) {
      s.updateItemLocation.run(item.location, row.id);
      if (kind === 'unchanged') kind = 'updated';
    }
  });
  if (itemsAdded > 0 && kind === 'unchanged') kind = 'updated';
  return { kind, recordId, itemsAdded };
}
