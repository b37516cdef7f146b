// UNIMARC records as MARC 21 (issue #17, copy cataloguing). Some union catalogues, and systems that
// began on CDS/ISIS, still answer in UNIMARC (Z39.50 record syntax 1.2.840.10003.5.1). The kiosk
// reads one MARC shape (marc-map.ts), so a UNIMARC record is cross-walked to the MARC 21 fields that
// mapping reads, following the IFLA UNIMARC-to-MARC 21 concordance for those fields only. Fields the
// kiosk does not keep are dropped rather than guessed at.
import type { MarcField, MarcRecord, MarcSubfield } from './marc';

type Walk = (field: MarcField) => MarcField | undefined;

const get = (field: MarcField, code: string) => field.subfields?.find((s) => s.code === code)?.value;
const all = (field: MarcField, code: string) => (field.subfields ?? []).filter((s) => s.code === code).map((s) => s.value);

function data(tag: string, subfields: (MarcSubfield | undefined | false)[], ind1 = ' ', ind2 = ' '): MarcField | undefined {
  const kept = subfields.filter((s): s is MarcSubfield => !!s && s.value.trim() !== '');
  return kept.length ? { tag, ind1, ind2, subfields: kept } : undefined;
}
const sub = (code: string, value: string | undefined) => value !== undefined && { code, value };

/**
 * A personal name: UNIMARC 700/701/702 keep the entry element in $a and the rest in $b. Indicator 2
 * says whether the name was inverted ("1": Hugo, Victor) or is in direct order ("0", as Vietnamese
 * names are written: $a Nguyễn $b Du is "Nguyễn Du"); most Vietnamese records put the whole name in $a.
 */
function personalName(field: MarcField): string | undefined {
  const entry = get(field, 'a');
  const rest = get(field, 'b');
  if (!entry) return rest;
  if (!rest) return entry;
  return field.ind2 === '1' ? `${entry}, ${rest}` : `${entry} ${rest}`;
}

const WALKS: Record<string, Walk> = {
  // ISBN; $z a wrong one.
  '010': (f) => data('020', [sub('a', get(f, 'a')), sub('z', get(f, 'z'))]),
  '101': (f) => data('041', [sub('a', get(f, 'a'))]),
  // Title and statement of responsibility.
  '200': (f) =>
    data(
      '245',
      [
        sub('a', get(f, 'a')),
        sub('b', all(f, 'e').join(' : ') || undefined),
        sub('c', all(f, 'f').join(' ; ') || undefined),
        sub('n', get(f, 'h')),
        sub('p', get(f, 'i')),
      ],
      '1',
      '0',
    ),
  '205': (f) => data('250', [sub('a', get(f, 'a'))]),
  // Publication (210; 214 in the 2012 update).
  '210': (f) => data('260', [sub('a', get(f, 'a')), sub('b', get(f, 'c')), sub('c', get(f, 'd'))]),
  '214': (f) => data('264', [sub('a', get(f, 'a')), sub('b', get(f, 'c')), sub('c', get(f, 'd'))], ' ', '1'),
  '215': (f) => data('300', [sub('a', get(f, 'a')), sub('b', get(f, 'c')), sub('c', get(f, 'd'))]),
  '330': (f) => data('520', [sub('a', get(f, 'a'))]),
  '606': (f) => data('650', [sub('a', get(f, 'a'))], ' ', '4'),
  '610': (f) => data('653', [sub('a', get(f, 'a'))]),
  '675': (f) => data('080', [sub('a', get(f, 'a'))]),
  '676': (f) => data('082', [sub('a', get(f, 'a'))], '0', '4'),
  '686': (f) => data('084', [sub('a', get(f, 'a'))]),
  '700': (f) => data('100', [sub('a', personalName(f))], '1'),
  '701': (f) => data('700', [sub('a', personalName(f))], '1'),
  '702': (f) => data('700', [sub('a', personalName(f))], '1'),
  '710': (f) => data('110', [sub('a', get(f, 'a'))], '2'),
  '711': (f) => data('710', [sub('a', get(f, 'a'))], '2'),
  '712': (f) => data('710', [sub('a', get(f, 'a'))], '2'),
};

/**
 * MARC 21 008 from UNIMARC 100 $a (general processing data: date 1 at positions 9–12) and 101 $a
 * (language), where the mapping falls back to them.
 */
function field008(record: MarcRecord): MarcField {
  const general = record.fields.find((f) => f.tag === '100');
  const languages = record.fields.find((f) => f.tag === '101');
  const year = (general && get(general, 'a')?.slice(9, 13)) ?? '';
  const date1 = /^\d{4}$/.test(year) ? year : '    ';
  const language = ((languages && get(languages, 'a')) ?? '').slice(0, 3).padEnd(3, ' ');
  // 0–5 entered, 6 type of date, 7–10 date 1, 11–14 date 2, 15–17 place, 18–34, 35–37 language, 38–39.
  return { tag: '008', value: `${' '.repeat(6)}s${date1}${' '.repeat(4)}xx ${' '.repeat(17)}${language} d` };
}

export function unimarcToMarc21(record: MarcRecord): MarcRecord {
  const fields: MarcField[] = [];
  const control = record.fields.find((f) => f.tag === '001');
  if (control?.value !== undefined) fields.push({ tag: '001', value: control.value });
  fields.push(field008(record));
  for (const field of record.fields) {
    const walked = WALKS[field.tag]?.(field);
    if (walked) fields.push(walked);
  }
  fields.sort((a, b) => a.tag.localeCompare(b.tag));
  // Leader positions 5–8 (status, type, level) mean the same in both; the rest is MARC 21's own.
  const leader = `${record.leader.slice(0, 5).padStart(5, '0')}${record.leader.slice(5, 8).padEnd(3, ' ')} a2200000 a 4500`;
  return { leader, fields };
}
