// MARC records out: a kiosk record with its copies as MARC21 (the province merges them into its
// union catalogue, copies in Koha's 952), written as ISO 2709 or MARCXML. The inverse of
// marc-map.ts for every field the kiosk keeps, so import → export → import changes nothing.
import type { MarcField, MarcRecord } from './marc';
import type { ExistingRecord } from './store-records';

/** Leader/06 for each material type (marc-map.ts reads it back). */
const TYPE_OF_MATERIAL: Record<string, string> = {
  book: 'a',
  music: 'c',
  map: 'e',
  video: 'g',
  audio: 'i',
  image: 'k',
  electronic: 'm',
  kit: 'o',
  object: 'r',
};

export type ExportedRow = ExistingRecord & { created_at: string };

export interface ExportItem {
  barcode: string;
  location: string | null;
  status: string;
}

const data = (tag: string, ind1: string, ind2: string, subfields: [string, string | null | undefined][]): MarcField | undefined => {
  const present = subfields.filter((s): s is [string, string] => typeof s[1] === 'string' && s[1] !== '').map(([code, value]) => ({ code, value }));
  return present.length ? { tag, ind1, ind2, subfields: present } : undefined;
};

/**
 * 008 of 40 positions: date entered (from the record's creation), single date and year, place
 * 'vm' (Vietnam), language at 35–37, cataloguing source 'd' (other).
 */
function field008(row: ExportedRow): string {
  const entered = row.created_at.slice(2, 10).replace(/-/g, '');
  const year = row.year !== null ? String(row.year).padStart(4, '0') : '    ';
  return `${entered}${row.year !== null ? 's' : 'n'}${year}    vm ${' '.repeat(17)}${row.language.padEnd(3, ' ').slice(0, 3)} d`;
}

/**
 * The MARC record of one kiosk record: 001, 008, 020 ($a valid, $z invalid ISBN), 082, 100/700,
 * 245, 250, 260, 300, 520, 650, and one 952 per copy (Koha: $p barcode, $c shelving location,
 * $o call number, $y item type, $7 not for loan = 1 for reading-room copies, $1 lost = 1).
 * `library` is the commune library's code, in 952 $a/$b (home and holding branch).
 */
export function exportRecord(row: ExportedRow, items: ExportItem[], library: string): MarcRecord {
  const authors = JSON.parse(row.authors) as string[];
  const subjects = JSON.parse(row.subjects) as string[];
  const [first, ...others] = authors;
  const fields: (MarcField | undefined)[] = [
    row.control_number ? { tag: '001', value: row.control_number } : undefined,
    { tag: '008', value: field008(row) },
    data('020', ' ', ' ', [
      ['a', row.isbn],
      ['z', row.invalid_isbn],
    ]),
    data('082', '0', '4', [['a', row.call_number]]),
    data('100', '1', ' ', [['a', first]]),
    data('245', first ? '1' : '0', '0', [['a', row.title]]),
    data('250', ' ', ' ', [['a', row.edition]]),
    data('260', ' ', ' ', [
      ['b', row.publisher],
      ['c', row.year !== null ? String(row.year) : null],
    ]),
    data('300', ' ', ' ', [['a', row.physical_description]]),
    data('520', ' ', ' ', [['a', row.summary]]),
    ...subjects.map((subject) => data('650', ' ', '4', [['a', subject]])),
    ...others.map((author) => data('700', '1', ' ', [['a', author]])),
    ...items.map((item) =>
      data('952', ' ', ' ', [
        ['a', library],
        ['b', library],
        ['c', item.location],
        ['o', row.call_number],
        ['p', item.barcode],
        ['y', 'BK'],
        ['7', item.status === 'reference' ? '1' : null],
        ['1', item.status === 'lost' ? '1' : null],
      ]),
    ),
  ];
  // Leader/09 'a': UTF-8 (the reader trusts it); lengths and base address are set by the writer.
  return { leader: `00000n${TYPE_OF_MATERIAL[row.material_type] ?? 'p'}m a2200000 a 4500`, fields: fields.filter((f): f is MarcField => f !== undefined) };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const MARCXML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n';
export const MARCXML_TAIL = '</collection>\n';

/** One <record> of a MARCXML collection. */
export function marcXmlRecord(record: MarcRecord): string {
  const lines = [`  <record>`, `    <leader>${xml(record.leader.padEnd(24, ' ').slice(0, 24))}</leader>`];
  for (const f of record.fields) {
    if (f.value !== undefined) lines.push(`    <controlfield tag="${f.tag}">${xml(f.value)}</controlfield>`);
    else {
      const subs = (f.subfields ?? []).map((s) => `<subfield code="${xml(s.code)}">${xml(s.value)}</subfield>`).join('');
      lines.push(`    <datafield tag="${f.tag}" ind1="${f.ind1 ?? ' '}" ind2="${f.ind2 ?? ' '}">${subs}</datafield>`);
    }
  }
  lines.push('  </record>\n');
  return lines.join('\n');
}
