// Property tests for what reads a catalogue server's bytes (a stranger's bytes on the LAN): the
// BER framing and decoding of Z39.50 PDUs and the SRU envelope reader never throw, whatever
// arrives; a PDU split anywhere into TCP chunks frames to exactly itself; responses built by asn1js
// read back the values they carry.
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bool, constructed, decode, encode, explicit, int, pduLength, readInt, readOid, sequence, text } from '../../../electron/core/catalogue/copy/ber';
import { initRequest, OID, presentRequest, readPdu, searchRequest } from '../../../electron/core/catalogue/copy/z3950-pdu';
import { readSruResponse } from '../../../electron/core/catalogue/copy/sru-client';
import { writeIso2709 } from '../../../electron/core/catalogue/iso2709';
import { recordsOf } from '../../../electron/core/catalogue/copy/records';
import { recordToMarc } from '../../../electron/core/catalogue/marc-map';
import { isbnForms } from '../../../electron/core/catalogue/copy/isbn-forms';
import { normaliseIsbn } from '../../../electron/core/catalogue/record-input';

function octetAligned(data: Uint8Array) {
  const octets = new asn1js.OctetString({ valueHex: data });
  octets.idBlock.tagClass = 3;
  octets.idBlock.tagNumber = 1;
  return new asn1js.Constructed({ idBlock: { tagClass: 1, tagNumber: 8 }, value: [new asn1js.ObjectIdentifier({ value: OID.usmarc }), octets] });
}

/** A PresentResponse as a server would send it, with these records (ISO 2709 octets). */
function presentResponse(records: Uint8Array[]) {
  const list = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 28 },
    value: records.map((r) => sequence(explicit(1, explicit(1, octetAligned(r))))),
  });
  return encode(constructed(25, [int(24, records.length), int(25, records.length + 1), int(27, 0), list]));
}

describe('BER framing and decoding', () => {
  it('never throws on arbitrary bytes, and says "more", "bad" or a length within the buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const length = pduLength(bytes);
        if (typeof length === 'number') expect(length).toBeLessThanOrEqual(bytes.length);
        const read = readPdu(bytes);
        expect(typeof read.ok).toBe('boolean');
        decode(bytes);
      }),
      // [60, 128, 0]: an indefinite-length UniversalString, on which asn1js 3.1 throws a RangeError.
      { numRuns: 3000, examples: [[Uint8Array.from([60, 128, 0])]] },
    );
  });

  it('frames a PDU split anywhere into chunks to exactly its length, with following bytes left alone', () => {
    const pdus = [
      initRequest('1.0'),
      searchRequest('Default', 7, ['9786041234567', '6041234563'], OID.usmarc),
      presentRequest(20, 'F', OID.xml),
      presentResponse([
        writeIso2709([
          recordToMarc({
            controlNumber: 'A1',
            title: 'Truyện Kiều',
            authors: ['Nguyễn Du'],
            subjects: [],
            publisher: null,
            year: 2020,
            isbn: null,
            callNumber: null,
            summary: null,
            items: [],
          }),
        ]),
      ]),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pdus), fc.integer({ min: 0, max: 400 }), fc.uint8Array({ maxLength: 20 }), (pdu, cut, after) => {
        const at = Math.min(cut, pdu.length);
        const partial = pdu.subarray(0, at);
        if (at < pdu.length) expect(pduLength(partial)).toBe('more');
        const joined = new Uint8Array(pdu.length + after.length);
        joined.set(pdu);
        joined.set(after, pdu.length);
        expect(pduLength(joined)).toBe(pdu.length);
      }),
    );
  });

  it('encodes the RPN query as yaz-client does (find @or @attr 1=7 1111 @attr 1=7 2222, captured from yaz-client 5.34)', () => {
    const yaz = 'b544a14206072a8648ce130301a137a017bf6614bf2c0a30089f7801019f7901079f2d0431313131a017bf6614bf2c0a30089f7801019f7901079f2d0432323232bf2e028100';
    expect(
      Buffer.from(searchRequest('Default', 7, ['1111', '2222'], OID.usmarc))
        .toString('hex')
        .endsWith(yaz),
    ).toBe(true);
  });

  it('reads back the integers, texts and OIDs a response carries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), fc.string({ maxLength: 60 }), (count, success, addinfo) => {
        const diag = new asn1js.Constructed({
          idBlock: { tagClass: 3, tagNumber: 130 },
          value: [
            new asn1js.ObjectIdentifier({ value: OID.diag1 }),
            new asn1js.Integer({ value: 114 }),
            new asn1js.VisibleString({ value: addinfo.replace(/[^\x20-\x7e]/g, '') }),
          ],
        });
        const bytes = encode(constructed(23, [int(23, count), int(24, 0), int(25, 1), bool(22, success), ...(success ? [] : [diag])]));
        const read = readPdu(bytes);
        expect(read.ok && read.pdu).toMatchObject({ kind: 'searchResponse', count, success });
        if (!success && read.ok && read.pdu.kind === 'searchResponse') expect(read.pdu.diagnostic).toContain('condition 114');
      }),
    );
    const decoded = decode(encode(sequence(new asn1js.ObjectIdentifier({ value: OID.bib1 }), int(5, -3), text(110, 'Kiosk phòng đọc'))));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(readOid(decoded.node.children[0]!)).toBe(OID.bib1);
      expect(readInt(decoded.node.children[1]!)).toBe(-3);
    }
  });

  it('a present response with records yields them, and a record that is not MARC is left out', () => {
    const good = writeIso2709([
      recordToMarc({
        controlNumber: 'B2',
        title: 'Số đỏ',
        authors: ['Vũ Trọng Phụng'],
        subjects: [],
        publisher: 'Văn học',
        year: 2016,
        isbn: null,
        callNumber: null,
        summary: null,
        items: [],
      }),
    ]);
    const read = readPdu(presentResponse([good, new TextEncoder().encode('not marc at all')]));
    expect(read.ok).toBe(true);
    if (read.ok && read.pdu.kind === 'presentResponse') {
      expect(read.pdu.records).toHaveLength(2);
      const records = recordsOf(read.pdu.records);
      expect(records).toHaveLength(1);
      expect(records[0]!.fields.find((f) => f.tag === '001')?.value).toBe('B2');
    }
  });
});

describe('SRU envelope reader', () => {
  it('never throws on arbitrary text or broken XML', () => {
    const sample =
      '<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:numberOfRecords>1</zs:numberOfRecords><zs:records><zs:record><zs:recordData><record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader></record></zs:recordData></zs:record></zs:records></zs:searchRetrieveResponse>';
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: sample.length }), (noise, cut) => {
        expect(typeof readSruResponse(noise).ok).toBe('boolean');
        expect(typeof readSruResponse(sample.slice(0, cut) + noise).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    const whole = readSruResponse(sample);
    expect(whole).toMatchObject({ ok: true, total: 1 });
    expect(whole.ok && whole.recordXml[0]).toContain('<leader>00000nam a2200000 a 4500</leader>');
  });

  it('reads records packed as escaped strings, and diagnostics', () => {
    const packed =
      '<searchRetrieveResponse><numberOfRecords>1</numberOfRecords><records><record><recordPacking>string</recordPacking><recordData>&lt;record&gt;&lt;leader&gt;x&amp;amp;y&lt;/leader&gt;&lt;/record&gt;</recordData></record></records></searchRetrieveResponse>';
    const read = readSruResponse(packed);
    expect(read.ok && read.recordXml[0]).toBe('<record><leader>x&amp;y</leader></record>');
    const diag = readSruResponse(
      '<searchRetrieveResponse><diagnostics><diagnostic><uri>info:srw/diagnostic/1/16</uri><message>Unsupported index</message><details>no.such</details></diagnostic></diagnostics></searchRetrieveResponse>',
    );
    expect(diag).toMatchObject({ ok: true, total: 0, diagnostic: 'Unsupported index: no.such' });
  });
});

describe('ISBN forms asked for one book', () => {
  it('an ISBN-13 of 978 and its ISBN-10 are each a valid ISBN and give each other back', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (body) => {
        const thirteenBody = `978${body}`;
        let sum = 0;
        for (let i = 0; i < 12; i++) sum += Number(thirteenBody[i]) * (i % 2 === 0 ? 1 : 3);
        const thirteen = thirteenBody + String((10 - (sum % 10)) % 10);
        const forms = isbnForms(thirteen);
        expect(forms).toHaveLength(2);
        for (const form of forms) expect(normaliseIsbn(form)).toBe(form);
        expect(isbnForms(forms[1]!)).toEqual([forms[1], thirteen]);
      }),
    );
    expect(isbnForms('9791234567896')).toEqual(['9791234567896']);
  });
});
