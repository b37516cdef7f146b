// Reads the commune register from the official administrative list (CSV or XLSX as the statistics
// office publishes it, codes after the 2025 reorganisation): header names matched without accents
// or case; every row checked; all or nothing, with the line and what to fix.
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import type { CommuneRecord } from './store/portal-types';

type Column = 'provinceCode' | 'code' | 'name' | 'district' | 'population' | 'rural' | 'disadvantaged' | 'minorityPct';

const COLUMN_NAMES: Record<Column, string[]> = {
  provinceCode: ['Mã tỉnh', 'Mã TP', 'Mã tỉnh/thành phố', 'Province code'],
  code: ['Mã xã', 'Mã phường/xã', 'Mã xã/phường', 'Mã đơn vị hành chính', 'Commune code', 'Code'],
  name: ['Tên xã', 'Tên xã/phường', 'Tên phường/xã', 'Tên đơn vị hành chính', 'Commune', 'Name'],
  district: ['Huyện', 'Tên huyện', 'Quận/huyện', 'Huyện cũ', 'District'],
  population: ['Dân số', 'Số dân', 'Population'],
  rural: ['Nông thôn', 'Xã nông thôn', 'Rural'],
  disadvantaged: ['Vùng khó khăn', 'Đặc biệt khó khăn', 'Xã đặc biệt khó khăn', 'Disadvantaged'],
  minorityPct: ['Tỷ lệ dân tộc thiểu số (%)', 'Tỷ lệ dân tộc thiểu số', 'Dân tộc thiểu số (%)', 'Ethnic minority share (%)', 'Ethnic minority %'],
};
const REQUIRED: Column[] = ['provinceCode', 'code', 'name'];

/** Lower case without Vietnamese accents (đ → d), so "MÃ XÃ", "Ma xa" and "Mã xã" match. */
export const foldHeader = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
const LOOKUP = new Map<string, Column>(
  (Object.entries(COLUMN_NAMES) as [Column, string[]][]).flatMap(([c, names]) => names.map((n) => [foldHeader(n), c] as const)),
);

export type ImportResult = { ok: true; communes: CommuneRecord[] } | { ok: false; message: string };
type Cell = string | number | boolean | Date | null | undefined;

const text = (cell: Cell) => (cell === null || cell === undefined ? '' : String(cell).trim());
const YES = new Set(['1', 'x', 'co', 'yes', 'true', 'c']);
const NO = new Set(['', '0', 'khong', 'no', 'false', 'k']);

function flag(cell: Cell, line: number, what: string): boolean | string {
  const v = foldHeader(text(cell));
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return `Dòng ${line}: cột "${what}" ghi "${text(cell)}"; hãy ghi Có hoặc Không (1 hoặc 0).`;
}

/** Rows (header first) → commune records, or the first problem as a sentence. */
export function communesFromRows(rows: Cell[][], provinceFilter?: string): ImportResult {
  const headerIndex = rows.findIndex((r) => r.some((c) => text(c) !== ''));
  if (headerIndex < 0) return { ok: false, message: 'Tệp danh mục không có dòng nào. Hãy chọn đúng tệp danh mục hành chính.' };
  const columns = new Map<Column, number>();
  rows[headerIndex]!.forEach((cell, i) => {
    const c = LOOKUP.get(foldHeader(text(cell)));
    if (c && !columns.has(c)) columns.set(c, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length)
    return { ok: false, message: `Tệp danh mục thiếu cột ${missing.map((c) => `"${COLUMN_NAMES[c][0]}"`).join(', ')}. Dòng đầu tiên phải là tên các cột.` };
  const communes: CommuneRecord[] = [];
  const seen = new Set<string>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = i + 1;
    const get = (c: Column) => (columns.has(c) ? row[columns.get(c)!] : undefined);
    if (row.every((c) => text(c) === '')) continue;
    const code = text(get('code')).padStart(5, '0');
    const provinceCode = text(get('provinceCode')).padStart(2, '0');
    const name = text(get('name'));
    if (!/^\d{5}$/.test(code)) return { ok: false, message: `Dòng ${line}: mã xã "${text(get('code'))}" phải gồm 5 chữ số.` };
    if (!/^\d{2}$/.test(provinceCode)) return { ok: false, message: `Dòng ${line}: mã tỉnh "${text(get('provinceCode'))}" phải gồm 2 chữ số.` };
    if (name.length < 2 || name.length > 120) return { ok: false, message: `Dòng ${line}: tên xã phải có từ 2 đến 120 ký tự.` };
    if (seen.has(code)) return { ok: false, message: `Dòng ${line}: mã xã ${code} xuất hiện hai lần trong tệp.` };
    seen.add(code);
    if (provinceFilter && provinceCode !== provinceFilter) continue;
    const popText = text(get('population')).replace(/[.,\s]/g, '');
    if (popText && !/^\d{1,8}$/.test(popText)) return { ok: false, message: `Dòng ${line}: dân số "${text(get('population'))}" phải là số nguyên.` };
    const minorityText = text(get('minorityPct')).replace(',', '.').replace('%', '').trim();
    const minority = minorityText ? Number(minorityText) : null;
    if (minority !== null && !(minority >= 0 && minority <= 100)) return { ok: false, message: `Dòng ${line}: tỷ lệ dân tộc thiểu số phải từ 0 đến 100.` };
    const rural = flag(get('rural'), line, 'Nông thôn');
    if (typeof rural === 'string') return { ok: false, message: rural };
    const disadvantaged = flag(get('disadvantaged'), line, 'Vùng khó khăn');
    if (typeof disadvantaged === 'string') return { ok: false, message: disadvantaged };
    const district = text(get('district'));
    communes.push({
      code,
      name,
      provinceCode,
      district: district || null,
      population: popText ? Number(popText) : null,
      rural,
      disadvantaged,
      minorityPct: minority,
    });
  }
  if (!communes.length) return { ok: false, message: 'Tệp danh mục không có xã nào (của tỉnh này). Hãy kiểm tra mã tỉnh.' };
  return { ok: true, communes };
}

/** A CSV (UTF-8, comma or semicolon) or XLSX file → commune records. */
export async function readCommuneRegister(file: Buffer, provinceFilter?: string): Promise<ImportResult> {
  if (file.subarray(0, 4).toString('binary') === 'PK\u0003\u0004') {
    try {
      return communesFromRows((await readSheet(file)) as Cell[][], provinceFilter);
    } catch {
      return { ok: false, message: 'Không đọc được tệp XLSX. Hãy lưu lại bằng Excel hoặc LibreOffice rồi nhập lại.' };
    }
  }
  const content = file.toString('utf8').replace(/^\uFEFF/, '');
  if (content.includes('\uFFFD')) return { ok: false, message: 'Tệp CSV không phải UTF-8. Hãy lưu lại với bảng mã UTF-8 rồi nhập lại.' };
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return communesFromRows(parse(content, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][], provinceFilter);
  } catch (error) {
    return { ok: false, message: `Tệp CSV bị lỗi định dạng (${String((error as Error).message).slice(0, 120)}). Hãy kiểm tra dấu ngoặc kép và dấu phân cách.` };
  }
}
