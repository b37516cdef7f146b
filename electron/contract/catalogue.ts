// Catalogue contract: search for residents, file import and rotation batches for staff.
// Import files travel as base64 chunks because browser mode has no path on the kiosk machine
// and one WebSocket message is limited to MAX_MESSAGE_BYTES.
import { z } from 'zod';
import { anyone, method, staff } from './define';
import { staffToken } from './staff';

export const itemStatus = z.enum(['available', 'on_loan', 'reference', 'lost', 'in_transit']);
export type ItemStatus = z.infer<typeof itemStatus>;

export const searchItem = z.object({
  barcode: z.string(),
  location: z.string().nullable(),
  status: itemStatus,
  collection: z.object({ code: z.string(), kind: z.enum(['own', 'rotation']) }),
  /** Set for items on loan, when the loans table knows the due date. */
  dueDate: z.string().nullable(),
  /** Back in the library but kept on the staff shelf for a resident who placed a hold. */
  setAside: z.boolean(),
});
export type SearchItem = z.infer<typeof searchItem>;

export const matchField = z.enum(['identifier', 'title', 'author', 'subject', 'any']);

export const searchHit = z.object({
  id: z.number().int(),
  title: z.string(),
  authors: z.array(z.string()),
  subjects: z.array(z.string()),
  publisher: z.string().nullable(),
  year: z.number().int().nullable(),
  isbn: z.string().nullable(),
  /** An ISBN printed or catalogued that fails its check (MARC 020 $z): shown, and found by search. */
  invalidIsbn: z.string().nullable(),
  callNumber: z.string().nullable(),
  /** Items on the shelf now (not counting copies set aside for holds). */
  available: z.number().int(),
  /** Residents waiting for a copy (đặt trước) that none has come back for yet. */
  waiting: z.number().int(),
  /** Items only to read in the room. */
  reference: z.number().int(),
  /** Earliest due date of an item on loan, when none is on the shelf. */
  nextDueDate: z.string().nullable(),
  /** That date has passed (the copy is late): screens say "overdue", never a date in the past. */
  nextDueOverdue: z.boolean(),
  items: z.array(searchItem),
  matchedIn: matchField,
  exact: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchRequest = z
  .object({
    query: z.string().max(200),
    availableOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(1000).default(0),
  })
  .strict();

export const searchResponse = z.object({
  query: z.string(),
  /** Matches found, counted up to the search's candidate cap. */
  total: z.number().int(),
  /** True when there are more matches than `total` says. */
  more: z.boolean(),
  results: z.array(searchHit),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const rejection = z.object({
  /** 1-based record number (MARC) or spreadsheet line number (CSV/XLSX, header = line 1). */
  at: z.number().int(),
  unit: z.enum(['record', 'line']),
  reason: z.string(),
  message: z.string(),
});
export type Rejection = z.infer<typeof rejection>;

/** A record imported as it could be, with what staff should look at (a bad ISBN kept as invalid, an odd year…). */
export const importWarning = rejection;
export type ImportWarning = Rejection;

export const importFormat = z.enum(['marc21', 'marcxml', 'csv', 'xlsx']);

export const importReport = z.object({
  ok: z.literal(true),
  format: importFormat,
  encoding: z.string(),
  /** How sure detection was of a legacy encoding (0–1); absent for Unicode and for an encoding staff named. */
  encodingConfidence: z.number().min(0).max(1).optional(),
  records: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  itemsAdded: z.number().int(),
  /** Records imported with something to look at (a unit may carry several). */
  warned: z.number().int(),
  warnings: z.array(importWarning),
  /** Units not imported: only what cannot be a record (no title, a broken structure, a barcode of another book). */
  rejections: z.array(rejection),
  /** Past the first IMPORT_REPORT_LISTED of each, warnings and rejections are counted here, not listed: a 1 GB file's report stays small. */
  unlisted: z.object({ warnings: z.number().int().nonnegative(), rejections: z.number().int().nonnegative() }),
  dryRun: z.boolean(),
  /** Set when the file was a rotation manifest. */
  batch: z.object({ id: z.number().int(), code: z.string(), created: z.boolean() }).optional(),
});
export type ImportReport = z.infer<typeof importReport>;
export const IMPORT_REPORT_LISTED = 1000;

/**
 * Largest import file the staff screen may announce. Uploads are written to disk and imports
 * streamed, so this is only a sanity bound (far above any provincial export); the kiosk refuses
 * a file its disk has no room for with its own sentence (reason upload_no_space).
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024 * 1024;
/** One upload chunk (raw bytes); its base64 stays well under one WebSocket message. */
export const IMPORT_CHUNK_BYTES = 512 * 1024;

export const importTarget = z.enum(['catalogue', 'rotation']);
/** Encodings staff may name for a file whose encoding detection found ambiguous. */
export const importEncoding = z.enum(['utf-8', 'windows-1258', 'tcvn3', 'vni', 'viscii']);
export type ImportEncoding = z.infer<typeof importEncoding>;

export const importProgress = z.object({
  uploadId: z.string(),
  phase: z.enum(['reading', 'checking', 'saving', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});

export const rotationBatch = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  sourceLibrary: z.string().nullable(),
  dueBack: z.string().nullable(),
  receivedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  state: z.enum(['announced', 'received', 'returned']),
  items: z.number().int(),
  onLoan: z.number().int(),
});
export type RotationBatch = z.infer<typeof rotationBatch>;

export const rotationItem = z.object({
  barcode: z.string(),
  recordId: z.number().int(),
  title: z.string(),
  authors: z.array(z.string()),
  status: itemStatus,
  location: z.string().nullable(),
});

const batchRef = z.object({ staffToken, code: z.string().trim().min(1).max(64) }).strict();

export const exportPlace = z.object({ path: z.string(), label: z.string(), kind: z.enum(['usb', 'kiosk']) });
export type ExportPlace = z.infer<typeof exportPlace>;
export const marcExportFormat = z.enum(['marc21', 'marcxml']);

export const catalogueMethods = {
  /** Where the staff button may write a MARC export: USB sticks, and the kiosk's exports folder. */
  'catalogue.exportPlaces': method(z.object({ staffToken }).strict(), z.object({ places: z.array(exportPlace) }), staff),
  /** The commune's holdings with copies in 952, written into `place` (one of exportPlaces). */
  'catalogue.export': method(
    z.object({ staffToken, place: z.string().min(1).max(1000), format: marcExportFormat }).strict(),
    z.object({ file: z.string(), format: marcExportFormat, records: z.number().int(), items: z.number().int(), bytes: z.number().int() }),
    staff,
  ),
  'catalogue.search': method(searchRequest, searchResponse, anyone),
  'catalogue.importBegin': method(
    z
      .object({
        staffToken,
        fileName: z.string().trim().min(1).max(255),
        size: z.number().int().min(0).max(MAX_IMPORT_BYTES, 'tệp lớn hơn 16 GB'),
        target: importTarget.default('catalogue'),
      })
      .strict(),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
    staff,
  ),
  'catalogue.importChunk': method(
    z
      .object({
        staffToken,
        uploadId: z.string().min(1).max(64),
        index: z.number().int().min(0),
        data: z
          .string()
          .max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'dữ liệu base64 không hợp lệ'),
      })
      .strict(),
    z.object({ received: z.number().int() }),
    staff,
  ),
  'catalogue.importFinish': method(
    z.object({ staffToken, uploadId: z.string().min(1).max(64), dryRun: z.boolean().default(false), encoding: importEncoding.optional() }).strict(),
    importReport,
    staff,
  ),
  'rotation.list': method(z.object({ staffToken }).strict(), z.array(rotationBatch), staff),
  'rotation.items': method(batchRef, z.array(rotationItem), staff),
  'rotation.receive': method(batchRef, rotationBatch, staff),
  'rotation.sendBack': method(batchRef, rotationBatch, staff),
};

export const catalogueEvents = {
  'catalogue.importProgress': importProgress,
};
