// UNIMARC records from a copy-cataloguing server (issue #17): cross-walked to MARC 21, they map to the
// same book a MARC 21 record of it gives — title and responsibility, authors in direct and inverted
// order, publisher and year, ISBN, edition, extent, subjects, Dewey, language — and fields the kiosk
// does not keep are dropped rather than guessed at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../../electron/core/catalogue/copy/records';
import { OID } from '../../../electron/core/catalogue/copy/z3950-pdu';
import { writeIso2709 } from '../../../electron/core/catalogue/iso2709';
import type { MarcField, MarcRecord } from '../../../electron/core/catalogue/marc';
import { mapMarcRecord } from '../../../electron/core/catalogue/marc-map';
import { unimarcToMarc21 } from '../../../electron/core/catalogue/unimarc';

const field = (tag: string, subfields: [string, string][], ind1 = ' ', ind2 = ' '): MarcField => ({
  tag,
  ind1,
  ind2,
  subfields: subfields.map(([code, value]) => ({ code, value })),
});

/** Truyện Kiều as a UNIMARC union catalogue holds it. */
const KIEU: MarcRecord = {
  leader: '00000nam0 22000003i 450 ',
  fields: [
    { tag: '001', value: 'VN-TVT-000123' },
    field('010', [['a', '9786049990069']]),
    field('100', [['a', '20190304d2019    u||y0vieb0103    ba']]),
    field('101', [['a', 'vie']], '0'),
    field(
      '200',
      [
        ['a', 'Truyện Kiều'],
        ['e', 'Đoạn trường tân thanh'],
        ['f', 'Nguyễn Du'],
        ['g', 'Đào Duy Anh khảo đính'],
      ],
      '1',
    ),
    field('205', [['a', 'Tái bản lần thứ 3']]),
    field('210', [
      ['a', 'H.'],
      ['c', 'Văn học'],
      ['d', '2019'],
    ]),
    field('215', [
      ['a', '250 tr.'],
      ['d', '21 cm'],
    ]),
    field('330', [['a', 'Kiệt tác thơ lục bát.']]),
    field('606', [['a', 'Văn học Việt Nam']]),
    field('606', [['a', 'Thơ lục bát']]),
    field('676', [['a', '895.9221']]),
    field(
      '700',
      [
        ['a', 'Nguyễn'],
        ['b', 'Du'],
      ],
      ' ',
      '0',
    ),
    field(
      '702',
      [
        ['a', 'Đào'],
        ['b', 'Duy Anh'],
      ],
      ' ',
      '0',
    ),
    field(
      '701',
      [
        ['a', 'Hugo'],
        ['b', 'Victor'],
      ],
      ' ',
      '1',
    ),
    field(
      '801',
      [
        ['a', 'VN'],
        ['b', 'TVT'],
      ],
      ' ',
      '0',
    ),
    field('995', [
      ['b', 'TVT'],
      ['k', '895.9221 NG-D'],
    ]),
  ],
};

describe('UNIMARC', () => {
  it('maps to the same book a MARC 21 record of it gives', () => {
    const mapped = mapMarcRecord(unimarcToMarc21(KIEU), 1);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.record).toMatchObject({
      controlNumber: 'VN-TVT-000123',
      title: 'Truyện Kiều : Đoạn trường tân thanh',
      authors: ['Nguyễn Du', 'Đào Duy Anh', 'Hugo, Victor'],
      publisher: 'Văn học',
      year: 2019,
      isbn: '9786049990069',
      language: 'vie',
      edition: 'Tái bản lần thứ 3',
      physicalDescription: '250 tr',
      subjects: ['Văn học Việt Nam', 'Thơ lục bát'],
      callNumber: '895.9221',
      summary: 'Kiệt tác thơ lục bát.',
      materialType: 'book',
    });
  });

  it('arrives over Z39.50 as ISO 2709 under the UNIMARC syntax and is offered as MARC 21', () => {
    const [record] = recordsOf([{ ok: true, syntax: OID.unimarc, data: writeIso2709([KIEU]) }]);
    expect(record!.fields.find((f) => f.tag === '245')?.subfields?.[0]).toEqual({ code: 'a', value: 'Truyện Kiều' });
    // The same bytes under the USMARC syntax are not cross-walked (200 is not a title there).
    const [asMarc21] = recordsOf([{ ok: true, syntax: OID.usmarc, data: writeIso2709([KIEU]) }]);
    expect(asMarc21!.fields.some((f) => f.tag === '245')).toBe(false);
  });

  it('keeps only MARC 21 fields the kiosk reads, each with its data, for any UNIMARC record', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const anyField = fc.record({
      tag: fc.constantFrom('001', '010', '100', '101', '200', '205', '210', '214', '215', '330', '606', '610', '676', '700', '701', '702', '710', '801', '995'),
      ind2: fc.constantFrom(' ', '0', '1'),
      subfields: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'z'), text), { maxLength: 4 }),
    });
    const READ = new Set(['001', '008', '020', '041', '080', '082', '084', '100', '110', '245', '250', '260', '264', '300', '520', '650', '653', '700', '710']);
    fc.assert(
      fc.property(fc.array(anyField, { maxLength: 12 }), (fields) => {
        const record: MarcRecord = {
          leader: '00000nam0 22000003i 450 ',
          fields: fields.map((f) => (f.tag === '001' ? { tag: '001', value: 'x' } : field(f.tag, f.subfields, ' ', f.ind2))),
        };
        const walked = unimarcToMarc21(record);
        expect(walked.leader).toHaveLength(24);
        for (const f of walked.fields) {
          expect(READ.has(f.tag), f.tag).toBe(true);
          if (f.subfields) expect(f.subfields.length).toBeGreaterThan(0);
        }
        expect(mapMarcRecord(walked, 1)).toBeDefined();
      }),
    );
  });
});
