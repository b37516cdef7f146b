// Records a server sent, read with the import's own readers: USMARC (ISO 2709) octets, or MARCXML.
// A record that cannot be read is left out (the others are still candidates).
import { readIso2709 } from '../iso2709';
import type { MarcRecord } from '../marc';
import { readMarcXml } from '../marcxml';
import { OID, type Retrieved } from './z3950-pdu';

export function marcXmlRecords(xml: string): MarcRecord[] {
  const read = readMarcXml(xml);
  return read.ok ? read.records.map((r) => r.record) : [];
}

export function recordsOf(retrieved: Retrieved[]): MarcRecord[] {
  const records: MarcRecord[] = [];
  for (const item of retrieved) {
    if (!item.ok) continue;
    if (item.syntax === OID.xml) records.push(...marcXmlRecords(new TextDecoder().decode(item.data)));
    else {
      const read = readIso2709(item.data);
      if (read.ok) records.push(...read.records.map((r) => r.record));
    }
  }
  return records;
}
