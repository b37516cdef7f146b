// Dashboard exports: every commune's totals for a period, as CSV (UTF-8 with BOM) and XLSX
// (write-excel-file). Text cells are neutralised against formula injection (cells.ts).
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { DAY_INDICATORS, type Period } from '#contract/statistics';
import { safeCell, type CellValue } from './cells';
import { xlsxRows } from '../common/xlsx-text';
import type { CommuneTotals } from './store/types';
import { INDICATOR_NAMES } from './texts';

const HEAD = ['Mã tỉnh', 'Mã xã', 'Tên xã', 'Số máy trạm', 'Số ngày có số liệu', ...DAY_INDICATORS.map((k) => INDICATOR_NAMES[k])];
const rowOf = (c: CommuneTotals): CellValue[] =>
  [c.provinceCode, c.communeCode, c.communeName, c.terminals, c.days, ...DAY_INDICATORS.map((k) => c.totals[k])].map(safeCell);

export function communesCsv(period: Period, communes: CommuneTotals[]): Buffer {
  const cell = (v: CellValue) => (/[",\n\r]/.test(String(v ?? '')) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ''));
  const lines = [`Kỳ: ${period.label} (${period.from} – ${period.to})`, HEAD.map(cell).join(','), ...communes.map((c) => rowOf(c).map(cell).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function communesXlsx(period: Period, communes: CommuneTotals[]): Promise<Buffer> {
  const data: SheetData = [
    [{ value: `Thống kê thư viện cơ sở — kỳ ${period.label} (${period.from} – ${period.to})`, fontWeight: 'bold' as const }],
    HEAD.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...communes.map((c) => rowOf(c).map((value) => ({ value: value ?? '' }))),
  ];
  return writeXlsxFile(xlsxRows(data), {
    sheet: `Kỳ ${period.label.replace('..', '_')}`.slice(0, 31),
    columns: HEAD.map((_, i) => ({ width: i === 2 ? 28 : 14 })),
  }).toBuffer();
}
