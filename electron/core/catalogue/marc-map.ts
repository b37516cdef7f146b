// MARC21 bibliographic fields → RecordInput: 001, 008/041, 020, 082/084/090, 100/110/700/710,
// 245, 250, 260/264, 300, 520, 650/653, and items from 852 (holdings) or 952 (Koha).
import { controlField, firstSubfield, subfieldValues, type MarcRecord } from './marc';
import { clean, invalidIsbnKey, languageCode, stripIsbd, uniqueSubjects, validateRecord, yearOf, type Mapped, type RecordWarning } from './record-input';

const MATERIAL_BY_TYPE: Record<string, string> = {
  a: 'book',
  t: 'book',
  c: 'music',
  d: 'music',
  e: 'map',
  f: 'map',
  g: 'video',
  i: 'audio',
  j: 'audio',
  k: 'image',
  m: 'electronic',
  o: 'kit',
  r: 'object',
};

function names(record: MarcRecord): string[] {
  const list = [
    ...subfieldValues(record, '100', 'a'),
    ...subfieldValues(record, '110', 'a'),
    ...subfieldValues(record, '700', 'a'),
    ...subfieldValues(record, '710', 'a'),
  ];
  return [...new Set(list.map((n) => stripIsbd(clean(n))).filter((n): n is string => n !== null))];
}

function title(record: MarcRecord, what: string, warnings: RecordWarning[]): string {
  const a = stripIsbd(clean(firstSubfield(record, '245', 'a')));
  const bText = firstSubfield(record, '245', 'b');
  const b = stripIsbd(clean(bText));
  if (bText !== null && b === null) {
    warnings.push({ reason: 'empty_subtitle', message: `${what} có trường 245 $b (nhan đề phụ) để trống; bản ghi được nhập với nhan đề chính.` });
  }
  const n = stripIsbd(clean(firstSubfield(record, '245', 'n')));
  const p = stripIsbd(clean(firstSubfield(record, '245', 'p')));
  return [a, n, p].filter(Boolean).join('. ') + (b ? ` : ${b}` : '');
}

function callNumber(record: MarcRecord): string | null {
  for (const tag of ['090', '082', '084']) {
    const a = clean(firstSubfield(record, tag, 'a'));
    if (a) {
      const b = clean(firstSubfield(record, tag, 'b'));
      return b ? `${a} ${b}` : a;
    }
  }
  return clean(firstSubfield(record, '852', 'h'));
}

function items(record: MarcRecord) {
  const list: { barcode: string; location: string | null }[] = [];
  for (const field of record.fields) {
    if ((field.tag !== '852' && field.tag !== '952') || !field.subfields) continue;
    const get = (code: string) => clean(field.subfields!.find((s) => s.code === code)?.value);
    const barcode = get('p');
    if (!barcode) continue;
    // Koha's 952 $a/$b are branch codes, not places on a shelf: only $c (shelving location) is one.
    list.push({ barcode, location: field.tag === '952' ? get('c') : (get('c') ?? get('b') ?? get('a')) });
  }
  return list;
}

export function mapMarcRecord(record: MarcRecord, recordNumber: number): Mapped {
  const what = `Bản ghi số ${recordNumber}`;
  const warnings: RecordWarning[] = [];
  const f008 = controlField(record, '008');
  const languageText = clean(firstSubfield(record, '041', 'a')) ?? (f008 && f008.length >= 38 ? clean(f008.slice(35, 38)) : null);
  const publisherText = firstSubfield(record, '264', 'b') ?? firstSubfield(record, '260', 'b');
  const yearText = clean(firstSubfield(record, '264', 'c') ?? firstSubfield(record, '260', 'c') ?? (f008 ? f008.slice(7, 11) : null));
  const isbnText = clean(firstSubfield(record, '020', 'a'));
  const subjects = [...subfieldValues(record, '650', 'a'), ...subfieldValues(record, '653', 'a')]
    .map((s) => stripIsbd(clean(s)))
    .filter((s): s is string => s !== null);
  return validateRecord(
    {
      controlNumber: clean(controlField(record, '001')),
      title: title(record, what, warnings),
      authors: names(record),
      subjects: uniqueSubjects(subjects, what, warnings),
      publisher: stripIsbd(clean(publisherText)),
      year: yearOf(yearText, what, warnings),
      isbn: null,
      // Already marked invalid by the cataloguer (020 $z): kept without a warning.
      invalidIsbn: invalidIsbnKey(firstSubfield(record, '020', 'z')),
      callNumber: callNumber(record),
      language: languageCode(languageText, what, warnings),
      summary: clean(firstSubfield(record, '520', 'a')),
      materialType: MATERIAL_BY_TYPE[record.leader[6] ?? 'a'] ?? 'other',
      edition: stripIsbd(clean(firstSubfield(record, '250', 'a'))),
      physicalDescription: stripIsbd(clean(subfieldValues(record, '300', 'a').join(' '))),
      items: items(record),
    },
    isbnText,
    what,
    warnings,
  );
}

/** The MARC record for a RecordInput: the writer side of the mapping (fixtures, demo exports). */
export function recordToMarc(record: {
  controlNumber: string | null;
  title: string;
  authors: string[];
  subjects: string[];
  publisher: string | null;
  year: number | null;
  isbn: string | null;
  invalidIsbn?: string | null;
  callNumber: string | null;
  summary: string | null;
  items: { barcode: string; location: string | null }[];
}): MarcRecord {
  const fields: MarcRecord['fields'] = [];
  if (record.controlNumber) fields.push({ tag: '001', value: record.controlNumber });
  fields.push({ tag: '008', value: `260101s${record.year ?? '    '}    vm            000 0 vie d` });
  if (record.isbn || record.invalidIsbn) {
    const subfields = [...(record.isbn ? [{ code: 'a', value: record.isbn }] : []), ...(record.invalidIsbn ? [{ code: 'z', value: record.invalidIsbn }] : [])];
    fields.push({ tag: '020', ind1: ' ', ind2: ' ', subfields });
  }
  if (record.callNumber) fields.push({ tag: '082', ind1: '0', ind2: '4', subfields: [{ code: 'a', value: record.callNumber }] });
  const [first, ...others] = record.authors;
  if (first) fields.push({ tag: '100', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: first }] });
  fields.push({
    tag: '245',
    ind1: first ? '1' : '0',
    ind2: '0',
    subfields: [{ code: 'a', value: first ? `${record.title} /` : record.title }, ...(first ? [{ code: 'c', value: first }] : [])],
  });
  if (record.publisher || record.year) {
    fields.push({
      tag: '260',
      ind1: ' ',
      ind2: ' ',
      subfields: [
        ...(record.publisher ? [{ code: 'b', value: `${record.publisher},` }] : []),
        ...(record.year ? [{ code: 'c', value: `${record.year}.` }] : []),
      ],
    });
  }
  if (record.summary) fields.push({ tag: '520', ind1: ' ', ind2: ' ', subfields: [{ code: 'a', value: record.summary }] });
  for (const subject of record.subjects) fields.push({ tag: '650', ind1: ' ', ind2: '7', subfields: [{ code: 'a', value: subject }] });
  for (const author of others) fields.push({ tag: '700', ind1: '1', ind2: ' ', subfields: [{ code: 'a', value: author }] });
  for (const item of record.items) {
    fields.push({
      tag: '852',
      ind1: ' ',
      ind2: ' ',
      subfields: [...(item.location ? [{ code: 'c', value: item.location }] : []), { code: 'p', value: item.barcode }],
    });
  }
  return { leader: '00000nam a2200000 a 4500', fields };
}
