// Records a server sent, read with the import's own readers: USMARC (ISO 2709) octets, in UTF-8 or
// MARC-8, UNIMARC (cross-walked to MARC 21), or MARCXML.
// A record that cannot be read is left out (the others are still candidates).
import { isUtf8 } from 'node:buffer';
import { readIso2709 } from '../iso2709';
import { leaderSaysMarc8, Marc8Unsupported } from '../marc8';
import type { MarcRecord } from '../marc';
import { readMarcXml } from '../marcxml';
import { unimarcToMarc21 } from '../unimarc';
import { OID, type Retrieved } from './z3950-pdu';

export function marcXmlRecords(xml: string): MarcRecord[] {
  const read = readMarcXml(xml);
  return read.ok ? read.records.map((r) => r.record) : [];
}

/**
 * UTF-8 unless the record says MARC-8 (leader/09 blank) and its bytes are not UTF-8: exporters often
 * leave leader/09 blank on Unicode records, and ANSEL bytes (a mark before an ASCII letter, a lone đ) are
 * not valid UTF-8; an escape byte (a MARC-8 set change) is never text in a Unicode record.
 */
export function serverRecordEncoding(record: Uint8Array): 'utf-8' | 'marc-8' {
  return leaderSaysMarc8(record) && (!isUtf8(record) || record.includes(0x1b)) ? 'marc-8' : 'utf-8';
}

export function recordsOf(retrieved: Retrieved[]): MarcRecord[] {
  const records: MarcRecord[] = [];
  for (const item of retrieved) {
    if (!item.ok) continue;
    if (item.syntax === OID.xml) records.push(...marcXmlRecords(new TextDecoder().decode(item.data)));
    else {
      try {
        // UNIMARC records are cross-walked to the MARC 21 fields the kiosk reads (unimarc.ts); they are
        // read as UTF-8 (their leader/09 says nothing about MARC-8, and ISO 5426 is not read here).
        const unimarc = item.syntax === OID.unimarc;
        const read = readIso2709(item.data, unimarc ? 'utf-8' : serverRecordEncoding(item.data));
        const walk = unimarc ? unimarcToMarc21 : (record: MarcRecord) => record;
        if (read.ok) records.push(...read.records.map((r) => walk(r.record)));
      } catch (error) {
        if (!(error instanceof Marc8Unsupported)) throw error; // a set this kiosk cannot read: left out like any unreadable record
      }
    }
  }
  return records;
}
