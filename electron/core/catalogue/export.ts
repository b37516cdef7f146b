// `kiosk catalogue export` and the staff button: the commune's holdings as MARC21 (ISO 2709) or
// MARCXML for the province's union catalogue. Records are read one at a time and written as they
// come (a 200,000-record catalogue never sits in memory), into FILE.partial renamed at the end, so
// an interrupted export never leaves a half file under the real name.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { refused } from '../errors';
import type { Db } from '../store/open';
import { writeIso2709 } from './iso2709';
import { exportRecord, MARCXML_HEAD, MARCXML_TAIL, marcXmlRecord, type ExportedRow, type ExportItem } from './marc-write';

export type ExportFormat = 'marc21' | 'marcxml';

export interface ExportResult {
  file: string;
  format: ExportFormat;
  records: number;
  items: number;
  bytes: number;
}

/**
 * Writes the records that belong to the commune (a copy in its own collection, or no copy at all:
 * a title catalogued before its copies came) with their own copies. Rotation batches belong to
 * the province and are left out.
 */
export function exportCatalogue(db: Db, file: string, format: ExportFormat, library: string, onProgress?: (done: number, total: number) => void): ExportResult {
  const owned = `EXISTS (SELECT 1 FROM items i JOIN collections c ON c.id = i.collection_id WHERE i.record_id = r.id AND c.kind = 'own')
    OR NOT EXISTS (SELECT 1 FROM items i WHERE i.record_id = r.id)`;
  const total = (db.prepare(`SELECT count(*) AS n FROM records r WHERE ${owned}`).get() as { n: number }).n;
  const itemsOf = db.prepare(
    `SELECT i.barcode, i.location, i.status FROM items i JOIN collections c ON c.id = i.collection_id WHERE i.record_id = ? AND c.kind = 'own' ORDER BY i.id`,
  );
  const partial = `${file}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (error) {
    throw refused(
      'export_failed',
      `Không ghi được tệp ${file}: ${(error as Error).message}. Hãy chọn thư mục hoặc USB còn chỗ trống, không khóa ghi, rồi thử lại.`,
    );
  }
  let records = 0;
  let items = 0;
  let bytes = 0;
  const write = (chunk: string | Buffer) => {
    bytes += typeof chunk === 'string' ? writeSync(fd, chunk, null, 'utf8') : writeSync(fd, chunk);
  };
  try {
    if (format === 'marcxml') write(MARCXML_HEAD);
    // A second statement reads each record's copies while the first one is iterating.
    for (const row of db.prepare(`SELECT * FROM records r WHERE ${owned} ORDER BY r.id`).iterate() as IterableIterator<ExportedRow>) {
      const copies = itemsOf.all(row.id) as ExportItem[];
      const record = exportRecord(row, copies, library);
      write(format === 'marcxml' ? marcXmlRecord(record) : writeIso2709([record]));
      records++;
      items += copies.length;
      if (records % 5000 === 0) onProgress?.(records, total);
    }
    if (format === 'marcxml') write(MARCXML_TAIL);
    closeSync(fd);
    renameSync(partial, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(partial, { force: true });
    throw refused(
      'export_failed',
      `Không ghi được tệp ${file}: ${(error as Error).message}. Hãy chọn thư mục hoặc USB còn chỗ trống, không khóa ghi, rồi thử lại.`,
    );
  }
  onProgress?.(records, total);
  return { file, format, records, items, bytes };
}
