// Import files built in memory for catalogue tests: MARC21, MARCXML, CSV and XLSX holding the
// same generated Vietnamese records.
import writeExcelFile from 'write-excel-file/node';
import { writeIso2709 } from '../../../electron/core/catalogue/iso2709';
import { recordToMarc } from '../../../electron/core/catalogue/marc-map';
import type { MarcRecord } from '../../../electron/core/catalogue/marc';
import type { RecordInput } from '../../../electron/core/catalogue/record-input';
import { generateCatalogue, type GeneratedRecord } from '../../../electron/core/demo/catalogue-generator';

export const HEADER = [
  'Số kiểm soát',
  'Nhan đề',
  'Tác giả',
  'Chủ đề',
  'Nhà xuất bản',
  'Năm xuất bản',
  'ISBN',
  'Ký hiệu phân loại',
  'Số đăng ký cá biệt/mã vạch',
  'Vị trí',
];

/** Records unlike the demo seed's (own control numbers and barcodes) so imports add, not match. */
export function sampleRecords(count: number, seed = 99): GeneratedRecord[] {
  return generateCatalogue(count, seed).map((r, i) => ({
    ...r,
    controlNumber: `TVT${String(i + 1).padStart(6, '0')}`,
    items: r.items.map((item, j) => ({ ...item, barcode: `IMP${String(i + 1).padStart(5, '0')}${j}` })),
  }));
}

export function rowOf(r: GeneratedRecord): string[] {
  return [
    r.controlNumber,
    r.title,
    r.authors.join('; '),
    r.subjects.join('; '),
    r.publisher,
    String(r.year),
    r.isbn,
    r.callNumber,
    r.items.map((i) => i.barcode).join('; '),
    r.items[0]?.location ?? '',
  ];
}

const quote = (cell: string) => (/[",\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function csvOf(rows: string[][], header = HEADER): string {
  return [header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function marcOf(records: GeneratedRecord[]): MarcRecord[] {
  return records.map((r) => recordToMarc({ ...r, summary: r.summary }));
}

export function mrcOf(records: GeneratedRecord[]): Buffer {
  return writeIso2709(marcOf(records));
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function marcXmlOf(records: GeneratedRecord[]): string {
  const body = marcOf(records)
    .map((record) => {
      const fields = record.fields
        .map((f) =>
          f.value !== undefined
            ? `<marc:controlfield tag="${f.tag}">${xml(f.value)}</marc:controlfield>`
            : `<marc:datafield tag="${f.tag}" ind1="${f.ind1}" ind2="${f.ind2}">${(f.subfields ?? []).map((s) => `<marc:subfield code="${s.code}">${xml(s.value)}</marc:subfield>`).join('')}</marc:datafield>`,
        )
        .join('\n    ');
      return `  <marc:record>\n    <marc:leader>00000nam a2200000 a 4500</marc:leader>\n    ${fields}\n  </marc:record>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">\n${body}\n</marc:collection>\n`;
}

export async function xlsxOf(rows: string[][], header = HEADER): Promise<Buffer> {
  const data = [header, ...rows].map((row) => row.map((value) => ({ value })));
  return (await writeExcelFile(data).toBuffer()) as Buffer;
}

/** A mapped record as the import and copy cataloguing take it: a Vietnamese book, fields overridden by `over`. */
export const recordInput = (over: Partial<RecordInput> = {}): RecordInput => ({
  controlNumber: null,
  title: 'Kỹ thuật nuôi ong lấy mật',
  authors: ['Nguyễn Văn Hòa'],
  subjects: [],
  publisher: 'Nông nghiệp',
  year: 2019,
  isbn: '9786049990019',
  invalidIsbn: null,
  callNumber: null,
  language: 'vie',
  summary: null,
  materialType: 'book',
  edition: null,
  physicalDescription: null,
  items: [],
  ...over,
});
