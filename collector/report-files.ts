// The official report as files: XLSX (write-excel-file, one sheet with the summary then the
// tables) and PDF (pdfkit, A4 landscape, DejaVu Sans embedded for full Vietnamese coverage).
// Every text cell goes through safeCell (no formula injection).
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { safeCell, type CellValue } from './cells';
import { xlsxRows } from '../common/xlsx-text';
import type { OfficialReport } from './report';
import { viNumber } from './report';

export const FONT_DIR = process.env.PORTAL_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu';

const heading = (r: OfficialReport) => [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập – Tự do – Hạnh phúc',
  r.title.toUpperCase(),
  `Về hoạt động thư viện cơ sở và kiosk phòng đọc xã. Kỳ báo cáo: ${r.period.from} đến ${r.period.to}; so sánh với cùng kỳ ${r.previousPeriod.from} đến ${r.previousPeriod.to}.`,
];

export async function reportXlsx(r: OfficialReport): Promise<Buffer> {
  const bold = (value: string) => ({ value: safeCell(value) as string, fontWeight: 'bold' as const });
  const data: SheetData = [...heading(r).map((line) => [bold(line)]), [], [bold('Tóm tắt')], ...r.summary.map((line) => [{ value: safeCell(line) as string }])];
  for (const table of r.tables) {
    data.push([], [bold(table.title)], table.head.map(bold));
    for (const row of table.rows) data.push(row.map((v: CellValue) => ({ value: safeCell(v) ?? '' })));
  }
  const widest = Math.max(...r.tables.map((t) => t.widths.length));
  const widths = Array.from({ length: widest }, (_, i) => ({ width: Math.max(...r.tables.map((t) => t.widths[i] ?? 8)) }));
  return writeXlsxFile(xlsxRows(data), { sheet: 'Báo cáo', columns: widths, orientation: 'landscape' }).toBuffer();
}

const show = (v: CellValue) => (v === null ? '' : typeof v === 'number' ? viNumber(v) : v);

export async function reportPdf(r: OfficialReport): Promise<Buffer> {
  const regular = `${FONT_DIR}/DejaVuSans.ttf`;
  const boldFont = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
  if (!existsSync(regular) || !existsSync(boldFont))
    throw new Error(`Không tìm thấy phông chữ tiếng Việt (${regular}). Hãy cài gói fonts-dejavu-core, hoặc tải báo cáo XLSX.`);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: r.title } });
  doc.registerFont('body', regular);
  doc.registerFont('bold', boldFont);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const left = 36;
  const usable = doc.page.width - 72;
  const [nation, title, scope] = heading(r);
  doc.font('bold').fontSize(10).text(nation!, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(14).text(title!, { align: 'center' });
  doc.font('body').fontSize(10).text(scope!, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11).text('Tóm tắt', left);
  doc.font('body').fontSize(10);
  for (const line of r.summary) doc.text(`– ${line}`, left, undefined, { width: usable });

  for (const table of r.tables) {
    const total = table.widths.reduce((n, w) => n + w, 0);
    const widths = table.widths.map((w) => (w / total) * usable);
    const drawRow = (cells: CellValue[], font: 'body' | 'bold'): void => {
      doc.font(font).fontSize(8);
      const heights = cells.map((c, i) => doc.heightOfString(show(c), { width: widths[i]! - 6 }));
      const h = Math.max(16, ...heights.map((x) => x + 8));
      if (doc.y + h > doc.page.height - 40) {
        doc.addPage();
        // A table that runs onto a new page repeats its header row.
        if (font === 'body') drawRow(table.head, 'bold');
        doc.font(font).fontSize(8);
      }
      const y = doc.y;
      let x = left;
      cells.forEach((cell, i) => {
        doc.rect(x, y, widths[i]!, h).stroke('#777777');
        doc.fillColor('#000000').text(show(cell), x + 3, y + 4, { width: widths[i]! - 6, align: typeof cell === 'number' ? 'right' : 'left' });
        x += widths[i]!;
      });
      doc.x = left;
      doc.y = y + h;
    };
    doc.moveDown(1);
    if (doc.y + 60 > doc.page.height - 40) doc.addPage();
    doc.font('bold').fontSize(11).text(table.title, left);
    doc.moveDown(0.3);
    drawRow(table.head, 'bold');
    for (const row of table.rows) drawRow(row, 'body');
  }
  doc.moveDown(1);
  doc
    .font('body')
    .fontSize(8)
    .text(`Lập ngày ${r.generatedAt.slice(0, 10)} từ số liệu các kiosk gửi về cổng thống kê. Số liệu tổng hợp, không chứa thông tin cá nhân.`, left);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
