// The in-memory MARC record every MARC reader produces (ISO 2709 and MARCXML alike).
export interface MarcSubfield {
  code: string;
  value: string;
}

export interface MarcField {
  tag: string;
  /** Control fields (001-009) carry `value`; data fields carry indicators and subfields. */
  value?: string;
  ind1?: string;
  ind2?: string;
  subfields?: MarcSubfield[];
}

export interface MarcRecord {
  leader: string;
  fields: MarcField[];
}

/** A MARC file that cannot be read at all: nothing from it is imported. */
export interface MarcFatal {
  reason: 'empty' | 'truncated' | 'bad_leader' | 'not_marc' | 'bad_xml';
  message: string;
}

/** One record of a readable file that is itself broken; the others are still imported. */
export interface MarcRecordError {
  recordNumber: number;
  reason: string;
  message: string;
}

export type MarcReadResult = { ok: true; records: { recordNumber: number; record: MarcRecord }[]; errors: MarcRecordError[] } | { ok: false; fatal: MarcFatal };

export function subfieldValues(record: MarcRecord, tag: string, code: string): string[] {
  const values: string[] = [];
  for (const field of record.fields) {
    if (field.tag !== tag || !field.subfields) continue;
    for (const sub of field.subfields) if (sub.code === code) values.push(sub.value);
  }
  return values;
}

export function firstSubfield(record: MarcRecord, tag: string, code: string): string | null {
  // Same answer as subfieldValues(...)[0] without building the list: mapping calls this a dozen
  // times per record, hundreds of thousands of records per import.
  for (const field of record.fields) {
    if (field.tag !== tag || !field.subfields) continue;
    for (const sub of field.subfields) if (sub.code === code) return sub.value;
  }
  return null;
}

export function controlField(record: MarcRecord, tag: string): string | null {
  return record.fields.find((f) => f.tag === tag && f.value !== undefined)?.value ?? null;
}
