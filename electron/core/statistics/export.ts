// Exports a period report as the officer attaches it to the official report: XLSX (write-excel-file),
// PDF (pdfkit with DejaVu Sans, which has every Vietnamese glyph) and CSV (UTF-8 with BOM so
// Excel opens the diacritics). Same table in all three: header, indicators, breakdowns, signature.
import { existsSync } from 'node:fs';
import type { SheetData } from 'write-excel-file/node';
import type { Dimension, ExportFormat, StatisticsReport } from '#contract/statistics';
import { KioskError } from '../errors';
import { formatDateTime, localDay } from '../../../common/calendar';
import { xlsxRows } from '../../../common/xlsx-text';
import { definitionOf } from './indicators';
import { dateVi, DIMENSION_VI, dimensionValueVi, pctVi, periodVi } from './labels';

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

export const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const HEADERS = ['STT', 'Chỉ tiêu', 'Đơn vị', 'Kỳ này', 'Cùng kỳ năm trước', 'Tăng/giảm', 'Mục tiêu (năm)', 'Đánh giá'];

export interface ExportOptions {
  categoryNames?: Record<string, string>;
  fontDir?: string;
}

export function exportFilename(report: StatisticsReport, format: ExportFormat): string {
  return `bao-cao-thong-ke-${report.library.communeCode ?? 'xa'}-${report.period.label.replace('..', '_')}.${format}`;
}

/** The report as rows of text cells: the single layout every format draws. */
export function reportTable(report: StatisticsReport) {
  const main = report.rows.map((row, i) => {
    const def = definitionOf(row.indicator);
    const target = row.target ? (row.target.minPct === row.target.maxPct ? `+${row.target.minPct} %` : `+${row.target.minPct}–${row.target.maxPct} %`) : '';
    const verdict = row.targetMet === null ? '' : row.targetMet ? 'Đạt' : 'Chưa đạt';
    return [String(i + 1), def.nameVi, def.unit, row.current, row.previous, pctVi(row.growthPct), target, verdict] as const;
  });
  return main;
}

function headerLines(report: StatisticsReport): string[] {
  return [
    report.library.name,
    `Mã xã: ${report.library.communeCode ?? '—'}`,
    'BÁO CÁO THỐNG KÊ HOẠT ĐỘNG THƯ VIỆN, PHÒNG ĐỌC CƠ SỞ',
    `Kỳ báo cáo: ${periodVi(report.period)}${report.partial ? ' — số liệu đến hết hôm nay, kỳ chưa kết thúc' : ''}`,
    `So sánh với cùng kỳ năm trước: ${periodVi(report.previousPeriod)}`,
  ];
}

/** The share of residents served, as the official report words it (year to date until 31/12). */
export function residentsLine(report: StatisticsReport): string {
  const r = report.residents;
  const window = `${dateVi(r.servedFrom)} – ${dateVi(r.servedTo)}`;
  const served = `${r.served.toLocaleString('vi-VN')} người dân được phục vụ (${window})`;
  const target = `mục tiêu cả năm ${r.targetMinPct}–${r.targetMaxPct} %`;
  if (r.count === null)
    return `Tỷ lệ người dân sử dụng thư viện: ${served}; chưa khai báo số dân của xã (statistics.residents) nên chưa tính được tỷ lệ (${target}).`;
  const verdict = r.targetMet === null ? 'chưa đánh giá, năm chưa kết thúc' : r.targetMet ? 'đạt' : 'chưa đạt';
  return `Tỷ lệ người dân sử dụng thư viện: ${pctVi(r.usersPct, 2).replace('+', '')} — ${served} trên ${r.count.toLocaleString('vi-VN')} người dân (${target}: ${verdict}).`;
}

function footerLines(report: StatisticsReport): string[] {
  const local = formatDateTime(report.generatedAt);
  return [
    `Người lập báo cáo: ${report.generatedBy ?? '(lập bằng dòng lệnh kiosk)'}`,
    `Lập lúc: ${local}`,
    'Số liệu do kiosk tự tính từ nhật ký hoạt động; định nghĩa chỉ tiêu theo TCVN 12843:2019 (ISO 2789:2013), chi tiết trong docs/indicators.md. Tài liệu bổ sung chỉ tính vốn sách của xã, không tính sách luân chuyển.',
  ];
}

const VALUE_ORDER = [
  'child',
  'student',
  'adult',
  'senior',
  'guest',
  'female',
  'male',
  'other',
  '0-5',
  '6-14',
  '15-17',
  '18-35',
  '36-59',
  '60+',
  'own',
  'rotation',
  'unknown',
];
const rank = (v: string) => {
  const i = VALUE_ORDER.indexOf(v);
  return i === -1 ? VALUE_ORDER.length - 1.5 : i;
};

export interface Breakdown {
  title: string;
  /** Column headings: the dimension's values in Vietnamese. */
  columns: string[];
  /** One row per indicator that has this dimension: name, then one count per column. */
  rows: [string, ...number[]][];
}

/** Cross tables for the official report: indicators down, the dimension's groups across. */
export function breakdowns(report: StatisticsReport, options: ExportOptions = {}): Breakdown[] {
  const out: Breakdown[] = [];
  for (const dim of Object.keys(DIMENSION_VI) as Dimension[]) {
    const withDim = report.rows.filter((row) => row.byDimension[dim] && Object.keys(row.byDimension[dim]!).length > 0);
    if (withDim.length === 0) continue;
    const values = [...new Set(withDim.flatMap((row) => Object.keys(row.byDimension[dim]!)))].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
    out.push({
      title: DIMENSION_VI[dim],
      columns: values.map((v) => dimensionValueVi(v, options.categoryNames)),
      rows: withDim.map((row) => [definitionOf(row.indicator).nameVi, ...values.map((v) => row.byDimension[dim]![v] ?? 0)] as [string, ...number[]]),
    });
  }
  return out;
}

export function toCsv(report: StatisticsReport, options: ExportOptions = {}): Buffer {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines: string[] = headerLines(report).map((l) => cell(l));
  lines.push('', HEADERS.map(cell).join(','));
  for (const row of reportTable(report)) lines.push(row.map(cell).join(','));
  lines.push('', cell(residentsLine(report)));
  for (const part of breakdowns(report, options)) {
    lines.push('', cell(part.title), ['Chỉ tiêu', ...part.columns].map(cell).join(','));
    for (const r of part.rows) lines.push(r.map(cell).join(','));
  }
  lines.push('', ...footerLines(report).map(cell));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(report: StatisticsReport, options: ExportOptions = {}): Promise<Buffer> {
  // Loaded on first export only: the workbook and PDF libraries are most of the kiosk's code size,
  // and a resident-facing start should not pay for them.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const WIDTH = 8;
  const border = { borderStyle: 'thin', borderColor: '#000000' } as const;
  const line = (value: string, extra: Record<string, unknown> = {}) => [{ value, columnSpan: WIDTH, ...extra }, ...Array<null>(WIDTH - 1).fill(null)];
  const rows: SheetData = headerLines(report).map((text, i) => line(text, i === 2 ? { fontWeight: 'bold', fontSize: 14, align: 'center' } : {}));
  rows.push(
    [],
    HEADERS.map((value) => ({ value, fontWeight: 'bold', backgroundColor: '#E8EEF7', wrap: true, alignVertical: 'center', ...border })),
  );
  for (const row of reportTable(report)) {
    rows.push(
      row.map((value, i) =>
        value === '' || value === null ? { value: '', ...border } : { value, ...(i === 3 || i === 4 ? { format: '#,##0' } : {}), ...border },
      ),
    );
  }
  rows.push([], line(residentsLine(report)));
  for (const part of breakdowns(report, options)) {
    rows.push([], [null, { value: part.title, fontWeight: 'bold' }]);
    rows.push(['', 'Chỉ tiêu', ...part.columns].map((value) => (value === '' ? null : { value, fontStyle: 'italic' })));
    for (const row of part.rows) rows.push([null, ...row.map((value) => ({ value }))]);
  }
  rows.push([], ...footerLines(report).map((text) => line(text)));
  return writeXlsxFile(xlsxRows(rows), {
    sheet: 'Báo cáo',
    columns: [6, 46, 9, 12, 18, 12, 15, 12].map((width) => ({ width })),
    orientation: 'landscape',
  }).toBuffer();
}

export async function toPdf(report: StatisticsReport, options: ExportOptions = {}): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const fontDir = options.fontDir ?? FONT_DIR;
  const regular = `${fontDir}/DejaVuSans.ttf`;
  const bold = `${fontDir}/DejaVuSans-Bold.ttf`;
  if (!existsSync(regular) || !existsSync(bold)) {
    throw new KioskError(
      'unavailable',
      `Không tìm thấy phông chữ tiếng Việt (${regular}). Hãy cài gói fonts-dejavu-core rồi xuất lại, hoặc xuất bằng XLSX/CSV.`,
      {
        reason: 'font_missing',
      },
    );
  }
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: `Báo cáo thống kê ${report.period.label}`, Author: report.generatedBy ?? 'kiosk', CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const head = headerLines(report);
  doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'right' });
  doc.font('body').fontSize(10).text('Độc lập – Tự do – Hạnh phúc', { align: 'right' });
  doc.font('bold').fontSize(11).text(head[0]!, 36, 36);
  doc.font('body').fontSize(10).text(head[1]!);
  doc.moveDown(1.2);
  doc.font('bold').fontSize(14).text(head[2]!, { align: 'center' });
  doc.font('body').fontSize(10).text(head[3]!, { align: 'center' }).text(head[4]!, { align: 'center' });
  doc.moveDown(0.8);

  const widths = [30, 260, 45, 75, 110, 75, 90, 80];
  const x0 = 36;
  const drawRow = (cells: readonly (string | number)[], font: 'body' | 'bold') => {
    const h = 18;
    if (doc.y + h > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.font(font).fontSize(9);
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i]!, h).stroke('#888888');
      const text = typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell;
      doc.fillColor('#000000').text(text, x + 3, y + 5, {
        width: widths[i]! - 6,
        height: h - 4,
        lineBreak: false,
        ellipsis: true,
        align: typeof cell === 'number' ? 'right' : 'left',
      });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  const drawTable = (head: readonly string[], rows: readonly (readonly (string | number)[])[], w: number[]) => {
    const saved = widths.splice(0, widths.length, ...w);
    drawRow(head, 'bold');
    for (const row of rows) drawRow(row, 'body');
    widths.splice(0, widths.length, ...saved);
  };
  drawRow(HEADERS, 'bold');
  for (const row of reportTable(report)) drawRow(row, 'body');
  doc.moveDown(0.6);
  doc.font('body').fontSize(10).text(residentsLine(report), x0);

  for (const part of breakdowns(report, options)) {
    if (doc.y + 40 + 18 * (part.rows.length + 1) > doc.page.height - 60) doc.addPage();
    doc.moveDown(0.8);
    doc.font('bold').fontSize(10).text(part.title, x0);
    doc.moveDown(0.3);
    // Indicator names keep 260 pt; the groups share the rest of the landscape page.
    const rest = Math.floor((770 - 260) / Math.max(1, part.columns.length));
    drawTable(['Chỉ tiêu', ...part.columns], part.rows, [260, ...part.columns.map(() => rest)]);
  }
  doc.moveDown(1);
  const foot = footerLines(report);
  doc
    .font('body')
    .fontSize(10)
    .text(`${report.library.name}, ngày ${dateVi(localDay(Date.parse(report.generatedAt)))}`, { align: 'right' });
  doc.font('bold').text(foot[0]!, { align: 'right' });
  doc.font('body').fontSize(8).text(foot[1]!, x0).text(foot[2]!, x0);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export async function renderExport(report: StatisticsReport, format: ExportFormat, options: ExportOptions = {}): Promise<Buffer> {
  if (format === 'csv') return toCsv(report, options);
  if (format === 'xlsx') return toXlsx(report, options);
  return toPdf(report, options);
}
