// MARCXML reading with saxes (a streaming, well-formedness-checking XML parser): records are
// built from element events so an export never becomes one big object tree. Text in hand is read
// here; a UTF-8 file of any size is read in chunks by marcxml-file.ts with the same parser.
import { SaxesParser } from 'saxes';
import type { MarcFatal, MarcField, MarcReadResult, MarcRecord, MarcRecordError } from './marc';

export function looksLikeMarcXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*</.test(head) && /<(\w+:)?(record|collection)[\s>]/.test(head);
}

/** One record as its </record> closes: read, or refused with its reason. */
export type MarcXmlUnit = { recordNumber: number; record: MarcRecord } | MarcRecordError;

/** What the parser has seen so far, for the refusal of a broken file. */
export interface MarcXmlProgress {
  parser: SaxesParser;
  recordNumber: number;
  sawRoot: boolean;
  /** The first fault, where the parser was when it met it. */
  failure: { message: string; line: number; column: number; recordNumber: number } | undefined;
}

/**
 * A saxes parser that builds each record from element events and hands it to `emit` when its
 * </record> closes, so a caller may keep the records (a small file) or pass them on (a file of any
 * size, read in chunks: marcxml-file.ts).
 */
export function marcXmlParser(emit: (unit: MarcXmlUnit) => void): MarcXmlProgress {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const progress: MarcXmlProgress = { parser, recordNumber: 0, sawRoot: false, failure: undefined };
  let current: MarcRecord | undefined;
  let field: MarcField | undefined;
  let subCode: string | undefined;
  let textBuffer = '';

  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('error', (error) => fail(progress, error.message));
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attr = (key: string) => String(tag.attributes[key] ?? '');
    if (name === 'collection' || name === 'record') progress.sawRoot = true;
    if (name === 'record') {
      progress.recordNumber++;
      current = { leader: '', fields: [] };
    } else if (!current) return;
    else if (name === 'leader') {
      textBuffer = '';
    } else if (name === 'controlfield') {
      field = { tag: attr('tag'), value: '' };
      textBuffer = '';
    } else if (name === 'datafield') {
      field = { tag: attr('tag'), ind1: attr('ind1') || ' ', ind2: attr('ind2') || ' ', subfields: [] };
    } else if (name === 'subfield') {
      subCode = attr('code');
      textBuffer = '';
    }
  });
  parser.on('text', (value) => {
    textBuffer += value;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (!current) return;
    if (name === 'leader') {
      current.leader = textBuffer;
    } else if (name === 'controlfield' && field) {
      field.value = textBuffer.normalize('NFC');
      current.fields.push(field);
      field = undefined;
    } else if (name === 'subfield' && field?.subfields && subCode !== undefined) {
      field.subfields.push({ code: subCode, value: textBuffer.normalize('NFC') });
      subCode = undefined;
    } else if (name === 'datafield' && field) {
      current.fields.push(field);
      field = undefined;
    } else if (name === 'record') {
      emit(checkedRecord(current, progress.recordNumber));
      current = undefined;
    }
  });
  return progress;
}

function checkedRecord(record: MarcRecord, recordNumber: number): MarcXmlUnit {
  const tagProblem = record.fields.find((f) => !/^[0-9A-Za-z]{3}$/.test(f.tag));
  if (tagProblem) {
    return {
      recordNumber,
      reason: 'bad_tag',
      message: `Bản ghi số ${recordNumber}: có trường với nhãn "${tagProblem.tag.slice(0, 10)}" không hợp lệ (cần 3 ký tự). Hãy xuất lại bản ghi này.`,
    };
  }
  if (record.leader.length !== 24) {
    return {
      recordNumber,
      reason: 'bad_leader',
      message: `Bản ghi số ${recordNumber}: đầu biểu dài ${record.leader.length} ký tự thay vì 24. Hãy xuất lại bản ghi này.`,
    };
  }
  return { recordNumber, record };
}

function fail(progress: MarcXmlProgress, message: string): void {
  const { parser, recordNumber } = progress;
  progress.failure ??= { message, line: parser.line, column: parser.column, recordNumber };
}

/** Once the whole text is parsed: why the file is refused, if it is. */
export function marcXmlFatal(progress: MarcXmlProgress): MarcFatal | undefined {
  const { recordNumber, sawRoot, failure } = progress;
  if (failure !== undefined) {
    return {
      reason: 'bad_xml',
      message: `Tệp MARCXML bị lỗi ở dòng ${failure.line}, cột ${failure.column} (sau bản ghi số ${Math.max(0, failure.recordNumber - 1)}): XML không đúng cú pháp. Tệp có thể chép chưa xong; hãy xuất lại. Chưa có gì được nhập.`,
    };
  }
  if (!sawRoot || recordNumber === 0) {
    return {
      reason: recordNumber === 0 && sawRoot ? 'empty' : 'not_marc',
      message: 'Tệp XML không chứa bản ghi MARCXML nào (<record>). Hãy xuất lại theo chuẩn MARCXML. Chưa có gì được nhập.',
    };
  }
  return undefined;
}

/** Feeds text to the parser; a fault saxes throws on is kept as the file's failure. */
export function feedMarcXml(progress: MarcXmlProgress, text: string | null): void {
  try {
    if (text === null) progress.parser.close();
    else progress.parser.write(text);
  } catch (error) {
    fail(progress, (error as Error).message);
  }
}

/** Reads a MARCXML collection (or a single record). Malformed XML refuses the whole file. Never throws. */
export function readMarcXml(text: string): MarcReadResult {
  if (text.trim() === '')
    return { ok: false, fatal: { reason: 'empty', message: 'Tệp MARCXML rỗng, không có bản ghi nào. Hãy xuất lại tệp từ phần mềm thư viện.' } };
  const records: { recordNumber: number; record: MarcRecord }[] = [];
  const errors: MarcRecordError[] = [];
  const progress = marcXmlParser((unit) => ('record' in unit ? records.push(unit) : errors.push(unit)));
  feedMarcXml(progress, text);
  feedMarcXml(progress, null);
  const fatal = marcXmlFatal(progress);
  return fatal ? { ok: false, fatal } : { ok: true, records, errors };
}
