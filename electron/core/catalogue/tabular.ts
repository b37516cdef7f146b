// CSV and XLSX imports with the Vietnamese column template (resources/catalogue/): header names
// are matched accent- and case-insensitively, so "Nhan de", "NHAN ĐỀ" and "Nhan đề" all work.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { foldVietnamese } from '../text/fold';
import { legacyCellConverter } from './encoding';
import {
  clean,
  invalidIsbnKey,
  languageCode,
  splitList,
  uniqueSubjects,
  validateRecord,
  yearOf,
  type Mapped,
  type RecordInput,
  type RecordWarning,
} from './record-input';

export type Column =
  | 'controlNumber'
  | 'title'
  | 'authors'
  | 'subjects'
  | 'publisher'
  | 'year'
  | 'isbn'
  | 'invalidIsbn'
  | 'callNumber'
  | 'language'
  | 'summary'
  | 'materialType'
  | 'edition'
  | 'physicalDescription'
  | 'barcodes'
  | 'location'
  | 'batchCode'
  | 'sourceLibrary'
  | 'dueBack';

/** The template's column names first (what the documentation shows), then accepted variants. */
export const COLUMN_NAMES: Record<Column, string[]> = {
  controlNumber: ['Số kiểm soát', 'Mã biểu ghi', 'Control number', '001'],
  title: ['Nhan đề', 'Tên sách', 'Nhan đề chính', 'Title'],
  authors: ['Tác giả', 'Author', 'Authors'],
  subjects: ['Chủ đề', 'Từ khóa', 'Subject', 'Subjects'],
  publisher: ['Nhà xuất bản', 'NXB', 'Publisher'],
  year: ['Năm xuất bản', 'Năm XB', 'Năm', 'Year'],
  isbn: ['ISBN'],
  invalidIsbn: ['ISBN không hợp lệ', 'ISBN sai', 'Invalid ISBN', '020z'],
  callNumber: ['Ký hiệu phân loại', 'Ký hiệu xếp giá', 'Phân loại', 'Call number', 'DDC'],
  language: ['Ngôn ngữ', 'Language'],
  summary: ['Tóm tắt', 'Summary'],
  materialType: ['Loại tài liệu', 'Material type'],
  edition: ['Lần xuất bản', 'Tái bản', 'Edition'],
  physicalDescription: ['Số trang', 'Mô tả vật lý', 'Pages'],
  barcodes: ['Số đăng ký cá biệt/mã vạch', 'Số đăng ký cá biệt', 'Mã vạch', 'Số ĐKCB', 'ĐKCB', 'Barcode'],
  location: ['Vị trí', 'Kho', 'Kệ', 'Location'],
  batchCode: ['Mã đợt luân chuyển', 'Mã đợt', 'Batch code'],
  sourceLibrary: ['Thư viện gửi', 'Thư viện nguồn', 'Source library'],
  dueBack: ['Hạn trả đợt', 'Hạn trả', 'Due back'],
};

export const REQUIRED_COLUMNS: Column[] = ['title', 'barcodes'];

const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const LOOKUP = new Map<string, Column>(
  (Object.entries(COLUMN_NAMES) as [Column, string[]][]).flatMap(([column, aliases]) => aliases.map((alias) => [headerKey(alias), column] as const)),
);

export type Cell = string | number | boolean | Date | null | undefined;

export interface TableRow {
  line: number;
  values: Partial<Record<Column, Cell>>;
}

export type TableResult = { ok: true; rows: TableRow[]; columns: Column[] } | { ok: false; reason: 'empty' | 'missing_columns' | 'bad_csv'; message: string };

function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return clean(String(cell));
}

export const isEmptyRow = (row: Cell[]) => !row.some((cell) => cellText(cell) !== null);

/** Where each known column is in the header (its first occurrence): a row reads only those cells. */
export type TableColumns = readonly { index: number; column: Column }[];

/** A header row's columns, or the refusal of a header without the required columns. */
export type TableHeader = { ok: true; columns: TableColumns } | { ok: false; reason: 'missing_columns'; message: string };

export function tableHeader(row: Cell[]): TableHeader {
  const columns: { index: number; column: Column }[] = [];
  row.forEach((cell, index) => {
    const column = LOOKUP.get(headerKey(cellText(cell) ?? ''));
    if (column && !columns.some((c) => c.column === column)) columns.push({ index, column });
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.some((c) => c.column === column));
  if (missing.length) {
    const names = missing.map((column) => `"${COLUMN_NAMES[column][0]}"`).join(' và ');
    return {
      ok: false,
      reason: 'missing_columns',
      message: `Bảng tính thiếu cột bắt buộc ${names} ở dòng tiêu đề. Hãy dùng tệp mẫu resources/catalogue/mau-nhap-sach.csv (hoặc .xlsx), đặt đúng tên cột rồi nhập lại. Chưa có gì được nhập.`,
    };
  }
  return { ok: true, columns };
}

/** One data row by column, or undefined for an empty row. */
export function tableRow(columns: TableColumns, row: Cell[], line: number): TableRow | undefined {
  if (isEmptyRow(row)) return undefined;
  const values: Partial<Record<Column, Cell>> = {};
  for (const { index, column } of columns) values[column] = row[index];
  return { line, values };
}

/** Finds the header row (the first non-empty one) and maps each later row by column. */
export function readTable(rows: Cell[][], lineOf: (index: number) => number): TableResult {
  const headerIndex = rows.findIndex((row) => !isEmptyRow(row));
  if (headerIndex < 0) return { ok: false, reason: 'empty', message: 'Bảng tính rỗng, không có dòng nào. Hãy kiểm tra lại đã chọn đúng tệp chưa.' };
  const header = tableHeader(rows[headerIndex]!);
  if (!header.ok) return header;
  const out: TableRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = tableRow(header.columns, rows[i]!, lineOf(i));
    if (row) out.push(row);
  }
  return { ok: true, rows: out, columns: header.columns.map((c) => c.column) };
}

export function text(row: TableRow, column: Column): string | null {
  return cellText(row.values[column]);
}

/** One spreadsheet row → RecordInput, with the row's line number in every message. */
export function mapTableRow(row: TableRow): Mapped {
  const what = `Dòng ${row.line}`;
  const warnings: RecordWarning[] = [];
  const yearCell = row.values.year;
  const year = yearCell instanceof Date ? yearCell.getFullYear() : yearOf(text(row, 'year'), what, warnings);
  const location = text(row, 'location');
  const barcodes = (text(row, 'barcodes') ?? '').split(/[;,\s]+/).filter(Boolean);
  const record: RecordInput = {
    controlNumber: text(row, 'controlNumber'),
    title: text(row, 'title') ?? '',
    authors: splitList(text(row, 'authors')),
    subjects: uniqueSubjects(splitList(text(row, 'subjects'), false), what, warnings),
    publisher: text(row, 'publisher'),
    year,
    isbn: null,
    invalidIsbn: invalidIsbnKey(text(row, 'invalidIsbn')),
    callNumber: text(row, 'callNumber'),
    language: languageCode(text(row, 'language'), what, warnings),
    summary: text(row, 'summary'),
    materialType: text(row, 'materialType') ?? 'book',
    edition: text(row, 'edition'),
    physicalDescription: text(row, 'physicalDescription'),
    items: barcodes.map((barcode) => ({ barcode, location })),
  };
  return validateRecord(record, text(row, 'isbn'), what, warnings);
}

/** Parses CSV text (comma, semicolon or tab separated, as Excel saves it). Never throws. */
export function readCsv(csvText: string): TableResult {
  const records = parseCsv(csvText, csvDelimiter(csvText));
  if (!records.ok) return records;
  return readTable(
    records.records.map((r) => r.record),
    (i) => records.records[i]!.info.lines,
  );
}

/** The separator Excel used (comma, semicolon or tab): the one the first line has most of. */
export function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
}

export type CsvRecords = { ok: true; records: { record: string[]; info: { lines: number } }[] } | { ok: false; reason: 'bad_csv'; message: string };

/** Parses CSV text into records with the line each ends on (`lineOffset` lines before this text). Never throws. */
export function parseCsv(csvText: string, delimiter: string, lineOffset = 0): CsvRecords {
  try {
    const records = parse(csvText, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    if (lineOffset) for (const r of records) r.info.lines += lineOffset;
    return { ok: true, records };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      reason: 'bad_csv',
      message: `Tệp CSV sai cú pháp${line ? ` ở dòng ${line + lineOffset}` : ''} (thường do dấu ngoặc kép không đóng). Hãy mở bằng Excel, lưu lại dạng "CSV UTF-8" rồi nhập lại. Chưa có gì được nhập.`,
    };
  }
}

/** Reads the first sheet of an .xlsx workbook; TCVN3- and VNI-font cells are converted. Never throws. */
export async function readXlsx(bytes: Uint8Array): Promise<TableResult & { encoding?: 'tcvn3' | 'vni' }> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch {
    return {
      ok: false,
      reason: 'bad_csv',
      message:
        'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải dạng .xlsx. Hãy mở bằng Excel và lưu lại dạng "Sổ làm việc Excel (.xlsx)" rồi nhập lại. Chưa có gì được nhập.',
    };
  }
  const legacy = legacyCellConverter(rows.flat().filter((c): c is string => typeof c === 'string'));
  if (!legacy) return readTable(rows, (i) => i + 1);
  rows = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? legacy.convert(cell) : cell)));
  return { ...readTable(rows, (i) => i + 1), encoding: legacy.encoding };
}
