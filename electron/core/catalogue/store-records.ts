// Writing imported records and items: match an existing record by control number, then ISBN,
// then item barcode; insert, update or leave it; add new items with their `item.added` event.
// Callers run this inside one transaction per import.
import type { Clock } from '../clock';
import { recordEvent } from '../store/event-types';
import type { Db } from '../store/open';
import type { RecordInput, RecordProblem } from './record-input';
import { indexRecord } from './search-index';

export type UpsertOutcome = { kind: 'imported' | 'updated' | 'unchanged'; recordId: number; itemsAdded: number } | { kind: 'rejected'; problem: RecordProblem };

export interface TargetCollection {
  id: number;
  kind: 'own' | 'rotation';
  /** Status of items this import adds: rotation items wait 'in_transit' until the batch is received. */
  newItemStatus: 'available' | 'in_transit';
  source: 'import' | 'rotation';
}

interface ExistingRecord {
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
    byIsbn: db.prepare('SELECT * FROM records WHERE isbn = ? ORDER BY id LIMIT 1'),
    byId: db.prepare('SELECT * FROM records WHERE id = ?'),
    item: db.prepare('SELECT id, record_id, collection_id, location FROM items WHERE barcode = ?'),
    insertRecord: db.prepare(`INSERT INTO records (control_number, title, authors, subjects, publisher, year, isbn, call_number, language, summary, material_type, edition, physical_description, created_at, updated_at)
      VALUES (@controlNumber, @title, @authors, @subjects, @publisher, @year, @isbn, @callNumber, @language, @summary, @materialType, @edition, @physicalDescription, @at, @at)`),
    updateRecord: db.prepare(`UPDATE records SET control_number = @controlNumber, title = @title, authors = @authors, subjects = @subjects, publisher = @publisher, year = @year,
      isbn = @isbn, call_number = @callNumber, language = @language, summary = @summary, material_type = @materialType, edition = @edition,
      physical_description = @physicalDescription, updated_at = @at WHERE id = @id`),
    insertItem: db.prepare('INSERT INTO items (barcode, record_id, collection_id, location, status, added_at) VALUES (?, ?, ?, ?, ?, ?)'),
    updateItemLocation: db.prepare('UPDATE items SET location = ? WHERE id = ?'),
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

export function upsertRecord(db: Db, clock: Pick<Clock, 'now'>, input: RecordInput, target: TargetCollection, what: string): UpsertOutcome {
  const s = statements(db);
  const itemRows = input.items.map((item) => s.item.get(item.barcode) as { id: number; record_id: number; collection_id: number; location: string | null } | undefined);
  let existing =
    (input.controlNumber ? (s.byControl.get(input.controlNumber) as ExistingRecord | undefined) : undefined) ??
    (input.isbn ? (s.byIsbn.get(input.isbn) as ExistingRecord | undefined) : undefined);
  if (!existing) {
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
  const params = { ...input, authors: JSON.stringify(input.authors), subjects: JSON.stringify(input.subjects), at };
  let kind: 'imported' | 'updated' | 'unchanged';
  let recordId: number;
  if (!existing) {
    recordId = Number(s.insertRecord.run(params).lastInsertRowid);
    indexRecord(db, recordId, input, false);
    kind = 'imported';
  } else {
    recordId = existing.id;
    if (sameRecord(existing, input)) kind = 'unchanged';
    else {
      s.updateRecord.run({ ...params, controlNumber: input.controlNumber ?? existing.control_number, id: recordId });
      indexRecord(db, recordId, input);
      kind = 'updated';
    }
  }
  let itemsAdded = 0;
  input.items.forEach((item, i) => {
    const row = itemRows[i];
    if (!row) {
      const itemId = Number(s.insertItem.run(item.barcode, recordId, target.id, item.location, target.newItemStatus, at).lastInsertRowid);
      recordEvent(db, clock, 'item.added', { itemId, recordId, collectionKind: target.kind, source: target.source });
      itemsAdded++;
    } else if (item.location !== null && row.location !== item.location) {
      s.updateItemLocation.run(item.location, row.id);
      if (kind === 'unchanged') kind = 'updated';
    }
  });
  if (itemsAdded > 0 && kind === 'unchanged') kind = 'updated';
  return { kind, recordId, itemsAdded };
}
