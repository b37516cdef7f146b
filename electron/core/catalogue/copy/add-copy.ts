// Cataloguing the picked record with one new copy, through the import's own writer
// (store-records.ts), so the record is matched, indexed and found by search exactly as an imported
// one. A copy of a book the commune already has joins that record; its record is not rewritten.
import type { KioskContext } from '../../context';
import { notFound, refused } from '../../errors';
import { ownCollection } from '../rotation';
import { flushWriters, importWriters, upsertRecord } from '../store-records';
import { existingRecordId, finishLookup, storedCandidates } from './lookups';

export function addCopy(ctx: KioskContext, request: { lookupId: number; candidate: number; barcode: string; location?: string | undefined }) {
  const { db, clock } = ctx;
  const stored = storedCandidates(db, request.lookupId);
  if (!stored) throw notFound('lookup_not_found', 'Không tìm thấy lượt tra cứu này (có thể đã bị xóa khỏi danh sách). Hãy quét lại ISBN.');
  if (stored.state === 'added' || stored.state === 'discarded')
    throw refused('lookup_closed', 'Lượt tra cứu này đã xong (sách đã được biên mục hoặc đã bị bỏ). Hãy quét lại ISBN nếu cần thêm một cuốn nữa.');
  const picked = stored.candidates[request.candidate];
  if (!picked) throw refused('candidate_not_found', 'Bản ghi đã chọn không còn trong danh sách. Hãy tra cứu lại ISBN rồi chọn lại.');
  const owner = db.prepare('SELECT r.title FROM items i JOIN records r ON r.id = i.record_id WHERE i.barcode = ?').get(request.barcode) as
    { title: string } | undefined;
  if (owner) {
    throw refused(
      'barcode_taken',
      `Mã vạch ${request.barcode} đã được gắn cho cuốn "${owner.title.slice(0, 80)}". Hãy dán một mã vạch mới lên sách rồi quét lại.`,
      { barcode: request.barcode },
    );
  }
  const location = request.location?.trim() || null;
  const at = new Date(clock.now()).toISOString();
  return db
    .transaction(() => {
      const writers = importWriters(db, clock);
      const collection = ownCollection(db, clock);
      const joined = existingRecordId(db, picked.record.isbn ?? stored.isbn);
      let recordId: number;
      if (joined !== undefined) {
        const itemId = writers.items.add(request.barcode, joined, collection, location, 'available', at);
        writers.events.record('item.added', { itemId, recordId: joined, collectionKind: 'own', source: 'manual' });
        recordId = joined;
      } else {
        const outcome = upsertRecord(
          db,
          clock,
          { ...picked.record, items: [{ barcode: request.barcode, location }] },
          { id: collection, kind: 'own', newItemStatus: 'available', source: 'manual' },
          `ISBN ${stored.isbn}`,
          writers,
        );
        if (outcome.kind === 'rejected') throw refused(outcome.problem.reason, outcome.problem.message);
        recordId = outcome.recordId;
      }
      flushWriters(writers);
      finishLookup(db, request.lookupId, 'added', at, recordId);
      const title = (db.prepare('SELECT title FROM records WHERE id = ?').get(recordId) as { title: string }).title;
      ctx.log.log('info', 'catalogue.copy_added', { lookupId: request.lookupId, recordId, source: picked.source, joined: joined !== undefined });
      return { recordId, title, barcode: request.barcode, joinedExisting: joined !== undefined };
    })
    .immediate();
}
