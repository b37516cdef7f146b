import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIso2709, writeIso2709 } from '../../../electron/core/catalogue/iso2709';
import { mapMarcRecord } from '../../../electron/core/catalogue/marc-map';
import { readMarcXml } from '../../../electron/core/catalogue/marcxml';
import type { MarcRecord } from '../../../electron/core/catalogue/marc';
import { marcXmlOf, mrcOf, sampleRecords } from './fixtures';

const text = fc
  .string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệỳýỷỹỵ0123456789 .,:/-'.split('')), minLength: 1, maxLength: 40 })
  .filter((s) => s.trim() !== '');
const subfield = fc.record({ code: fc.constantFrom('a', 'b', 'c', 'p'), value: text });
const dataField = fc.record({
  tag: fc.constantFrom('020', '100', '245', '260', '650', '700', '852'),
  ind1: fc.constantFrom(' ', '0', '1'),
  ind2: fc.constantFrom(' ', '0', '4'),
  subfields: fc.array(subfield, { minLength: 1, maxLength: 4 }),
});
const controlField = fc.record({ tag: fc.constantFrom('001', '005', '008'), value: text });
const marcRecord: fc.Arbitrary<MarcRecord> = fc.record({
  leader: fc.constant('00000nam a2200000 a 4500'),
  fields: fc.tuple(fc.array(controlField, { maxLength: 2 }), fc.array(dataField, { maxLength: 8 })).map(([c, d]) => [...c, ...d]),
});

describe('MARC21 ISO 2709', () => {
  it('reads back exactly what it writes, for any records', () => {
    fc.assert(
      fc.property(fc.array(marcRecord, { minLength: 1, maxLength: 5 }), (records) => {
        const result = readIso2709(writeIso2709(records));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.errors).toEqual([]);
        expect(result.records.map((r) => r.record.fields)).toEqual(records.map((r) => r.fields));
      }),
    );
  });

  it('never throws on arbitrary bytes, nor on a valid file with bytes flipped', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => void readIso2709(bytes)),
      { numRuns: 300 },
    );
    const file = mrcOf(sampleRecords(3));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(file.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (flips) => {
        const copy = Buffer.from(file);
        for (const [at, value] of flips) copy[at] = value;
        const result = readIso2709(copy);
        if (!result.ok) expect(result.fatal.message).toMatch(/Bản ghi số \d+/);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a truncated file, naming the record', () => {
    const file = mrcOf(sampleRecords(3));
    const result = readIso2709(file.subarray(0, file.length - 40));
    expect(result).toMatchObject({ ok: false, fatal: { reason: 'truncated' } });
    expect(!result.ok && result.fatal.message).toMatch(/Bản ghi số 3 .*bị cắt cụt/);
  });

  it('refuses a leader whose record length is wrong', () => {
    const file = Buffer.from(mrcOf(sampleRecords(2)));
    const length = Number(file.subarray(0, 5).toString());
    file.write(String(length - 3).padStart(5, '0'), 0, 'latin1');
    expect(readIso2709(file)).toMatchObject({ ok: false, fatal: { reason: 'bad_leader' } });
  });

  it('maps the usual fields: 001, 020, 082, 100/700, 245, 260, 520, 650, 852', () => {
    const [sample] = sampleRecords(1);
    const read = readIso2709(mrcOf([sample!]));
    expect(read.ok).toBe(true);
    const mapped = read.ok ? mapMarcRecord(read.records[0]!.record, 1) : undefined;
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        controlNumber: sample!.controlNumber,
        title: sample!.title,
        authors: sample!.authors,
        subjects: sample!.subjects,
        publisher: sample!.publisher,
        year: sample!.year,
        isbn: sample!.isbn,
        callNumber: sample!.callNumber,
        items: sample!.items,
      },
    });
  });
});

describe('MARCXML', () => {
  it('reads the same records as ISO 2709', () => {
    const records = sampleRecords(4);
    const xml = readMarcXml(marcXmlOf(records));
    const iso = readIso2709(mrcOf(records));
    expect(xml.ok && iso.ok).toBe(true);
    if (xml.ok && iso.ok) expect(xml.records.map((r) => r.record.fields)).toEqual(iso.records.map((r) => r.record.fields));
  });

  it('refuses malformed XML with its line number, and never throws', () => {
    const xml = marcXmlOf(sampleRecords(2));
    const broken = readMarcXml(xml.slice(0, xml.length - 60));
    expect(broken).toMatchObject({ ok: false, fatal: { reason: 'bad_xml' } });
    expect(!broken.ok && broken.fatal.message).toMatch(/dòng \d+/);
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => void readMarcXml(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(xml.length), (cut) => void readMarcXml(xml.slice(0, cut))),
      { numRuns: 200 },
    );
  });
});
