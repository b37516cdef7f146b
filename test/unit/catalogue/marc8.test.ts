// MARC-8 records from copy-cataloguing servers (issue #17): every ANSEL byte, and random strings of
// letters and marks, decode as YAZ's own converter (yaz-iconv, Debian's yaz) decodes them; Vietnamese
// written as marks-before-letters reads as ordinary NFC text; a record in another MARC-8 set is left
// out, the server's other records still offered; a Unicode record with a blank leader/09 stays UTF-8.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf, serverRecordEncoding } from '../../../electron/core/catalogue/copy/records';
import { OID } from '../../../electron/core/catalogue/copy/z3950-pdu';
import { subfieldValues } from '../../../electron/core/catalogue/marc';
import { decodeMarc8, Marc8Unsupported } from '../../../electron/core/catalogue/marc8';

/**
 * YAZ's reading of each sample. Samples with one mark each share a yaz-iconv run, parted by "|"
 * (samples end with a letter and have none), but a run stays under 240 bytes: yaz-iconv reads its
 * input in blocks (256 bytes, then 1 KB...) and leaves marks that straddle a block edge unmoved.
 */
function yazMany(samples: Uint8Array[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < samples.length;) {
    const first = i;
    let size = 0;
    while (i < samples.length && (i === first || size + samples[i]!.length + 1 <= 240)) size += samples[i++]!.length + 1;
    const group = samples.slice(first, i);
    const input = Buffer.concat(group.flatMap((sample) => [sample, Buffer.from('|')]));
    const run = spawnSync('yaz-iconv', ['-f', 'marc8', '-t', 'utf8'], { input });
    if (run.status !== 0) throw new Error(`yaz-iconv failed: ${run.stderr}`);
    out.push(
      ...run.stdout
        .toString('utf8')
        .split('|')
        .slice(0, group.length)
        .map((text) => text.normalize('NFC')),
    );
  }
  return out;
}
const yaz = (bytes: Uint8Array) => yazMany([bytes])[0]!;

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
/** "Nguyễn Văn Đức — Tiếng Việt, ơ ư Ơ Ư" as a MARC-8 cataloguer's system writes it. */
const VIETNAMESE = Uint8Array.from([
  ...ascii('Nguy'),
  0xe3, // circumflex
  0xe4, // tilde
  ...ascii('en V'),
  0xe6, // breve
  ...ascii('an '),
  0xa3, // Đ
  0xe2, // acute
  0xbd, // ư
  ...ascii('c - Ti'),
  0xe3,
  0xe2,
  ...ascii('eng Vi'),
  0xe3,
  0xf2, // dot below
  ...ascii('et, '),
  0xbc,
  0x20,
  0xbd,
  0x20,
  0xac,
  0x20,
  0xad,
]);

/** One MARC 21 record (ISO 2709) with the given leader/09 and raw field bytes. */
function iso2709(leader09: string, fields: [string, number[]][]): Uint8Array {
  const body = fields.map(([, bytes]) => [...bytes, 0x1e]);
  const directory = fields.map(([tag], i) => {
    const start = body.slice(0, i).reduce((n, b) => n + b.length, 0);
    return `${tag}${String(body[i]!.length).padStart(4, '0')}${String(start).padStart(5, '0')}`;
  });
  const base = 24 + directory.join('').length + 1;
  const total = base + body.reduce((n, b) => n + b.length, 0) + 1;
  const leader = `${String(total).padStart(5, '0')}nam ${leader09}22${String(base).padStart(5, '0')}   4500`;
  return Uint8Array.from([...ascii(leader + directory.join('')), 0x1e, ...body.flat(), 0x1d]);
}
const subfields = (parts: [string, number[]][]) => [0x20, 0x20, ...parts.flatMap(([code, bytes]) => [0x1f, code.charCodeAt(0), ...bytes])];

describe('MARC-8', () => {
  it('reads Vietnamese written with marks before letters', () => {
    expect(decodeMarc8(VIETNAMESE)).toBe('Nguyễn Văn Đức - Tiếng Việt, ơ ư Ơ Ư');
    expect(decodeMarc8(VIETNAMESE)).toBe(yaz(VIETNAMESE));
  });

  it('reads every ANSEL byte as YAZ does, before and after a letter', () => {
    // The halves closing a ligature or double tilde (0xEC, 0xFB) and unassigned bytes are left to the next tests.
    const bytes = Array.from({ length: 0xfe - 0xa1 + 1 }, (_, i) => 0xa1 + i).filter((b) => ![0xec, 0xfb].includes(b));
    const samples = bytes.map((b) => Uint8Array.from([0x61, b, 0x62]));
    const theirs = yazMany(samples);
    samples.forEach((sample, i) => {
      const ours = decodeMarc8(sample);
      const name = `0x${bytes[i]!.toString(16)}`;
      if (ours.includes('\ufffd')) expect(theirs[i], `${name} is unassigned in YAZ too`).toBe('ab');
      else expect(ours, name).toBe(theirs[i]);
    });
  });

  it('a ligature over two letters is one double-width mark, as YAZ writes it', () => {
    const ts = Uint8Array.from([0xeb, 0x74, 0xec, 0x73]); // t͡s
    expect(decodeMarc8(ts)).toBe('t\u0361s');
    expect(decodeMarc8(ts)).toBe(yaz(ts));
  });

  it('random strings of letters, ANSEL characters and marks decode as YAZ decodes them', () => {
    const spacing = [0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa8, 0xaa, 0xab, 0xac, 0xad, 0xb1, 0xb2, 0xb3, 0xb5, 0xb9, 0xbc, 0xbd, 0xc0, 0xc3, 0xc7];
    const marks = [0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf0, 0xf1, 0xf2, 0xf5, 0xf6];
    const letter = fc.oneof(fc.integer({ min: 0x41, max: 0x5a }), fc.integer({ min: 0x61, max: 0x7a }), fc.constantFrom(0x2c, 0x2e, ...spacing));
    // Each letter with up to two marks before it, as MARC-8 writes them; spaces between (a mark
    // written before a space is a spacing accent, which converters render differently).
    const unit = fc.oneof(
      fc.tuple(fc.array(fc.constantFrom(...marks), { maxLength: 2 }), letter).map(([m, l]) => [...m, l]),
      fc.constant([0x20]),
    );
    // One yaz-iconv run per sample: in a shared run it sometimes leaves a second letter's marks unmoved.
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 20 }).map((units) => Uint8Array.from(units.flat())),
        (bytes) => {
          expect(decodeMarc8(bytes)).toBe(yaz(bytes));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('accepts the escapes that select its own sets, and refuses another set', () => {
    expect(decodeMarc8(Uint8Array.from([0x1b, 0x28, 0x42, ...ascii('ab'), 0x1b, 0x73, ...ascii('c')]))).toBe('abc');
    expect(() => decodeMarc8(Uint8Array.from([...ascii('a'), 0x1b, 0x28, 0x4e, 0x41]))).toThrow(Marc8Unsupported); // Cyrillic
    expect(() => decodeMarc8(Uint8Array.from([0x1b, 0x24, 0x31, 0x21, 0x30, 0x21]))).toThrow(Marc8Unsupported); // CJK
  });

  it('never throws on junk other than a foreign set, and always returns NFC text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let text: string;
        try {
          text = decodeMarc8(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(Marc8Unsupported);
          return;
        }
        expect(text).toBe(text.normalize('NFC'));
      }),
    );
  });
});

describe('records from a server', () => {
  const title = subfields([
    ['a', [...ascii('Ti'), 0xe3, 0xe2, ...ascii('eng Vi'), 0xe3, 0xf2, ...ascii('et cho m'), 0xe3, 0xe4, ...ascii('au gi'), 0xe2, ...ascii('ao')]],
  ]);
  const author = subfields([['a', [...ascii('Nguy'), 0xe3, 0xe4, ...ascii('en V'), 0xe6, ...ascii('an '), 0xa3, 0xe2, 0xbd, ...ascii('c')]]]);

  it('a MARC-8 record (leader/09 blank) is read as MARC-8; a Unicode one with a blank leader/09 stays UTF-8', () => {
    const marc8 = iso2709(' ', [
      ['100', author],
      ['245', title],
    ]);
    expect(serverRecordEncoding(marc8)).toBe('marc-8');
    const [record] = recordsOf([{ ok: true, syntax: OID.usmarc, data: marc8 }]);
    expect(subfieldValues(record!, '245', 'a')).toEqual(['Tiếng Việt cho mẫu giáo']);
    expect(subfieldValues(record!, '100', 'a')).toEqual(['Nguyễn Văn Đức']);

    const unicode = iso2709(' ', [['245', subfields([['a', [...Buffer.from('Tiếng Việt', 'utf8')]]])]]);
    expect(serverRecordEncoding(unicode)).toBe('utf-8');
    expect(subfieldValues(recordsOf([{ ok: true, syntax: OID.usmarc, data: unicode }])[0]!, '245', 'a')).toEqual(['Tiếng Việt']);
  });

  it('a record in a set the kiosk cannot read is left out; the server’s other records are still offered', () => {
    const cyrillic = iso2709(' ', [['245', subfields([['a', [0x1b, 0x28, 0x4e, 0x41, 0x42]]])]]);
    const good = iso2709(' ', [['245', title]]);
    const records = recordsOf([
      { ok: true, syntax: OID.usmarc, data: cyrillic },
      { ok: true, syntax: OID.usmarc, data: good },
    ]);
    expect(records).toHaveLength(1);
  });
});
