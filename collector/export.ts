// Dashboard exports: every commune's totals for a period, as CSV (UTF-8 with BOM) and XLSX.
import ExcelJS from 'exceljs';
import { DAY_INDICATORS, type Period } from '../electron/contract/statistics';
import type { CommuneTotals } from './store/types';
import { INDICATOR_NAMES } from './texts';

const HEAD = ['Mã tỉnh', 'Mã xã', 'Tên xã', 'Số máy trạm', 'Số ngày có số liệu', ...DAY_INDICATORS.map((k) => INDICATOR_NAMES[k])];
const rowOf = (c: CommuneTotals) => [c.provinceCode, c.communeCode, c.communeName, c.terminals, c.days, ...DAY_INDICATORS.map((k) => c.totals[k])];

export function communesCsv(period: Period, communes: CommuneTotals[]): Buffer {
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [`Kỳ: ${period.label} (${period.from} – ${period.to})`, HEAD.map(cell).join(','), ...communes.map((c) => rowOf(c).map(cell).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function communesXlsx(period: Period, communes: CommuneTotals[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Kỳ ${period.label.replace('..', '_')}`.slice(0, 31));
  ws.addRow([`Thống kê thư viện cơ sở — kỳ ${period.label} (${period.from} – ${period.to})`]).font = { bold: true, size: 13 };
  ws.addRow(HEAD).font = { bold: true };
  for (const c of communes) ws.addRow(rowOf(c));
  ws.columns.forEach((col, i) => (col.width = i === 2 ? 28 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
