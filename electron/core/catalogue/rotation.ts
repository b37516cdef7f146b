// Rotation batches (luân chuyển sách): a manifest from the provincial library announces a batch
// (code, source library, due-back date, items); staff mark it received when the box arrives, and
// sent back when it leaves. Items wait 'in_transit' before arrival and after departure.
import type { ItemStatus, RotationBatch } from '#contract/catalogue';
import type { Clock } from '../clock';
import { notFound, refused } from '../errors';
import { recordEvent } from '../store/event-types';
import type { Db } from '../store/open';
import { text, type TableRow } from './tabular';

export const OWN_COLLECTION_CODE = 'OWN';

/** The commune's own collection, created on first import into an empty kiosk. */
export function ownCollection(db: Db, clock: Pick<Clock, 'now'>): number {
  const row = db.prepare(`SELECT id FROM collections WHERE kind = 'own' ORDER BY id LIMIT 1`).get() as { id: number } | undefined;
  if (row) return row.id;
  return Number(
    db
      .prepare(`INSERT INTO collections (code, name, kind, created_at) VALUES (?, 'Vốn sách của xã', 'own', ?)`)
      .run(OWN_COLLECTION_CODE, new Date(clock.now()).toISOString()).lastInsertRowid,
  );
}

/** "2026-03-31", "31/03/2026" or "31-3-2026" → "2026-03-31"; undefined when not a real date. */
export function parseDueBack(value: string | null): string | undefined {
  if (!value) return undefined;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export interface BatchPlan {
  code: string;
  apply(clock: Pick<Clock, 'now'>): { id: number; code: string; created: boolean; received: boolean };
}

interface CollectionRow {
  id: number;
  code: string;
  name: string;
  kind: 'own' | 'rotation';
  source_library: string | null;
  due_back: string | null;
  received_at: string | null;
  returned_at: string | null;
}

const manifestHelp = 'Xem mẫu resources/catalogue/mau-dot-luan-chuyen.csv.';

/**
 * Checks the manifest's batch columns before anything is written. Throws a refusal. `rows`
 * undefined: a CSV too large to hold whole (csv-file.ts), which no manifest is.
 */
export function prepareRotationBatch(db: Db, rows: TableRow[] | undefined, format: string): BatchPlan {
  if (format !== 'csv' && format !== 'xlsx') {
    throw refused(
      'manifest_format',
      `Danh sách đợt luân chuyển phải là tệp CSV hoặc .xlsx có cột "Mã đợt luân chuyển", "Thư viện gửi" và "Hạn trả đợt". ${manifestHelp}`,
    );
  }
  if (rows === undefined) {
    throw refused(
      'manifest_format',
      `Tệp này quá lớn để là danh sách một đợt luân chuyển (một đợt có vài trăm cuốn). Hãy kiểm tra đã chọn đúng tệp chưa. ${manifestHelp}`,
    );
  }
  const values = (column: 'batchCode' | 'sourceLibrary' | 'dueBack') => [
    ...new Set(rows.map((row) => text(row, column)).filter((v): v is string => v !== null)),
  ];
  const codes = values('batchCode');
  const sources = values('sourceLibrary');
  const dues = values('dueBack');
  if (codes.length !== 1) {
    throw refused(
      'manifest_batch_code',
      codes.length === 0
        ? `Danh sách đợt luân chuyển thiếu cột "Mã đợt luân chuyển" hoặc cột này để trống. ${manifestHelp}`
        : `Một tệp chỉ được chứa một đợt luân chuyển, nhưng tệp này có ${codes.length} mã đợt (${codes.slice(0, 3).join(', ')}). Hãy tách thành từng tệp.`,
    );
  }
  if (sources.length !== 1) throw refused('manifest_source', `Cột "Thư viện gửi" phải ghi đúng một tên thư viện cho cả đợt. ${manifestHelp}`);
  const dueBack = dues.length === 1 ? parseDueBack(dues[0]!) : undefined;
  if (!dueBack) throw refused('manifest_due_back', `Cột "Hạn trả đợt" phải ghi một ngày hợp lệ cho cả đợt, ví dụ 31/03/2026. ${manifestHelp}`);
  const code = codes[0]!.toUpperCase();
  if (!/^[A-Z0-9._/-]{1,64}$/.test(code)) throw refused('manifest_batch_code', `Mã đợt "${code.slice(0, 40)}" chỉ được gồm chữ không dấu, số và - . _ /.`);
  const existing = db.prepare('SELECT * FROM collections WHERE code = ?').get(code) as CollectionRow | undefined;
  if (existing && existing.kind !== 'rotation')
    throw refused('manifest_code_taken', `Mã ${code} đang là mã của vốn sách riêng của xã, không dùng được cho đợt luân chuyển.`);
  if (existing?.returned_at)
    throw refused(
      'batch_returned',
      `Đợt luân chuyển ${code} đã được gửi trả ngày ${existing.returned_at.slice(0, 10)}; không nhập thêm sách vào đợt này được.`,
    );
  const source = sources[0]!;
  return {
    code,
    apply(clock) {
      if (existing) {
        db.prepare('UPDATE collections SET source_library = ?, due_back = ? WHERE id = ?').run(source, dueBack, existing.id);
        return { id: existing.id, code, created: false, received: existing.received_at !== null };
      }
      const id = Number(
        db
          .prepare(`INSERT INTO collections (code, name, kind, source_library, due_back, created_at) VALUES (?, ?, 'rotation', ?, ?, ?)`)
          .run(code, `Đợt luân chuyển ${code}`, source, dueBack, new Date(clock.now()).toISOString()).lastInsertRowid,
      );
      return { id, code, created: true, received: false };
    },
  };
}

function findBatch(db: Db, code: string): CollectionRow {
  const row = db.prepare(`SELECT * FROM collections WHERE code = ? AND kind = 'rotation'`).get(code.trim().toUpperCase()) as CollectionRow | undefined;
  if (!row)
    throw notFound('batch_not_found', `Không có đợt luân chuyển mã ${code.slice(0, 64)}. Hãy kiểm tra lại mã đợt trong danh sách đợt luân chuyển.`, {
      code: code.slice(0, 64),
    });
  return row;
}

function summarise(db: Db, row: CollectionRow): RotationBatch {
  const counts = db.prepare(`SELECT count(*) AS items, coalesce(sum(status = 'on_loan'), 0) AS onLoan FROM items WHERE collection_id = ?`).get(row.id) as {
    items: number;
    onLoan: number;
  };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    sourceLibrary: row.source_library,
    dueBack: row.due_back,
    receivedAt: row.received_at,
    returnedAt: row.returned_at,
    state: row.returned_at ? 'returned' : row.received_at ? 'received' : 'announced',
    items: counts.items,
    onLoan: counts.onLoan,
  };
}

export function listBatches(db: Db): RotationBatch[] {
  const rows = db.prepare(`SELECT * FROM collections WHERE kind = 'rotation' ORDER BY (returned_at IS NOT NULL), due_back, code`).all() as CollectionRow[];
  return rows.map((row) => summarise(db, row));
}

export function batchItems(db: Db, code: string) {
  const batch = findBatch(db, code);
  const rows = db
    .prepare(
      `SELECT i.barcode, i.record_id AS recordId, r.title, r.authors, i.status, i.location FROM items i JOIN records r ON r.id = i.record_id WHERE i.collection_id = ? ORDER BY r.title, i.barcode`,
    )
    .all(batch.id) as { barcode: string; recordId: number; title: string; authors: string; status: ItemStatus; location: string | null }[];
  return rows.map((row) => ({ ...row, authors: JSON.parse(row.authors) as string[] }));
}

export function receiveBatch(db: Db, clock: Pick<Clock, 'now'>, code: string): RotationBatch {
  return db.transaction(() => {
    const batch = findBatch(db, code);
    if (batch.returned_at)
      throw refused('batch_returned', `Đợt ${batch.code} đã được gửi trả, không nhận lại được. Nếu thư viện tỉnh gửi lại, hãy nhập danh sách với mã đợt mới.`);
    if (batch.received_at) throw refused('batch_already_received', `Đợt ${batch.code} đã được nhận ngày ${batch.received_at.slice(0, 10)}.`);
    const at = new Date(clock.now()).toISOString();
    const moved = db.prepare(`UPDATE items SET status = 'available' WHERE collection_id = ? AND status = 'in_transit'`).run(batch.id).changes;
    db.prepare('UPDATE collections SET received_at = ? WHERE id = ?').run(at, batch.id);
    recordEvent(db, clock, 'rotation.batch_received', { collectionId: batch.id, items: moved });
    return summarise(db, { ...batch, received_at: at });
  })();
}

export function sendBackBatch(db: Db, clock: Pick<Clock, 'now'>, code: string): RotationBatch {
  return db.transaction(() => {
    const batch = findBatch(db, code);
    if (batch.returned_at) throw refused('batch_returned', `Đợt ${batch.code} đã được gửi trả ngày ${batch.returned_at.slice(0, 10)}.`);
    if (!batch.received_at) throw refused('batch_not_received', `Đợt ${batch.code} chưa được đánh dấu đã nhận nên chưa gửi trả được. Hãy bấm "Đã nhận" trước.`);
    const onLoan = db.prepare(`SELECT barcode FROM items WHERE collection_id = ? AND status = 'on_loan' ORDER BY barcode`).all(batch.id) as {
      barcode: string;
    }[];
    if (onLoan.length) {
      const list = onLoan
        .slice(0, 10)
        .map((r) => r.barcode)
        .join(', ');
      throw refused(
        'batch_items_on_loan',
        `Còn ${onLoan.length} cuốn của đợt ${batch.code} đang được mượn (${list}${onLoan.length > 10 ? ', …' : ''}). Hãy thu hồi các cuốn này trước khi gửi trả đợt.`,
        { count: onLoan.length },
      );
    }
    const at = new Date(clock.now()).toISOString();
    const moved = db.prepare(`UPDATE items SET status = 'in_transit' WHERE collection_id = ? AND status IN ('available', 'reference')`).run(batch.id).changes;
    db.prepare('UPDATE collections SET returned_at = ? WHERE id = ?').run(at, batch.id);
    recordEvent(db, clock, 'rotation.batch_returned', { collectionId: batch.id, items: moved });
    return summarise(db, { ...batch, returned_at: at });
  })();
}
