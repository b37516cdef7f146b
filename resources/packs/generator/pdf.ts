// Generated PDF documents for the demo pack, tests and benchmarks (pdf-lib). With a TrueType font
// file the text keeps its Vietnamese marks; without one, plain Helvetica is used for ASCII text.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';

export interface PdfPage {
  heading: string;
  paragraphs: string[];
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function makePdf(options: { title: string; pages: PdfPage[]; fontFile?: string; boldFontFile?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title);
  doc.setProducer('commune-kiosk demo content generator');
  let font: PDFFont;
  let bold: PDFFont;
  if (options.fontFile) {
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(readFileSync(options.fontFile), { subset: true });
    bold = options.boldFontFile ? await doc.embedFont(readFileSync(options.boldFontFile), { subset: true }) : font;
  } else {
    font = await doc.embedFont(StandardFonts.Helvetica);
    bold = await doc.embedFont(StandardFonts.HelveticaBold);
  }
  const [width, height] = [595, 842];
  const margin = 56;
  options.pages.forEach((p, index) => {
    const page = doc.addPage([width, height]);
    page.drawRectangle({ x: 0, y: height - 80, width, height: 80, color: rgb(0.09, 0.34, 0.37) });
    page.drawText(options.title, { x: margin, y: height - 50, size: 16, font: bold, color: rgb(1, 1, 1) });
    let y = height - 130;
    for (const line of wrap(p.heading, bold, 22, width - 2 * margin)) {
      page.drawText(line, { x: margin, y, size: 22, font: bold, color: rgb(0.1, 0.15, 0.17) });
      y -= 30;
    }
    y -= 10;
    for (const paragraph of p.paragraphs) {
      for (const line of wrap(paragraph, font, 13, width - 2 * margin)) {
        if (y < margin + 30) break;
        page.drawText(line, { x: margin, y, size: 13, font, color: rgb(0.1, 0.15, 0.17) });
        y -= 19;
      }
      y -= 10;
    }
    page.drawText(`${index + 1} / ${options.pages.length}`, { x: width / 2 - 14, y: 30, size: 11, font, color: rgb(0.3, 0.33, 0.37) });
  });
  return doc.save();
}
