// Generated PDF documents for the demo pack, tests and benchmarks (pdfkit, the library the kiosk's
// own reports use). With a TrueType font file the text keeps its Vietnamese marks; without one,
// plain Helvetica is used for ASCII text.
import PDFDocument from 'pdfkit';

export interface PdfPage {
  heading: string;
  paragraphs: string[];
}

type Doc = InstanceType<typeof PDFDocument>;

/** Lines of `text` no wider than `width` in the document's current font and size. */
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (doc.widthOfString(next) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function makePdf(options: { title: string; pages: PdfPage[]; fontFile?: string; boldFontFile?: string }): Promise<Uint8Array> {
  const [width, height] = [595, 842];
  const margin = 56;
  const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { Title: options.title, Producer: 'commune-kiosk demo content generator' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  if (options.fontFile) {
    doc.registerFont('body', options.fontFile);
    doc.registerFont('heading', options.boldFontFile ?? options.fontFile);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('heading', 'Helvetica-Bold');
  }
  const ink = '#1a262b';
  options.pages.forEach((p, index) => {
    doc.addPage({ size: [width, height], margin: 0 });
    doc.rect(0, 0, width, 80).fill('#17575e');
    doc.font('heading').fontSize(16).fillColor('#ffffff').text(options.title, margin, 34, { lineBreak: false });
    let y = 112;
    doc.font('heading').fontSize(22).fillColor(ink);
    for (const line of wrap(doc, p.heading, width - 2 * margin)) {
      doc.text(line, margin, y, { lineBreak: false });
      y += 30;
    }
    y += 10;
    doc.font('body').fontSize(13);
    for (const paragraph of p.paragraphs) {
      for (const line of wrap(doc, paragraph, width - 2 * margin)) {
        if (y > height - margin - 30) break;
        doc.text(line, margin, y, { lineBreak: false });
        y += 19;
      }
      y += 10;
    }
    doc.font('body').fontSize(11).fillColor('#4d545e').text(`${index + 1} / ${options.pages.length}`, width / 2 - 14, height - 42, { lineBreak: false });
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
