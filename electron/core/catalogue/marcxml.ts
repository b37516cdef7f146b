// MARCXML reading with saxes (a streaming, well-formedness-checking XML parser): records are
// built from element events so a 100 MB export never becomes one big object tree.
import { SaxesParser } from 'saxes';
import type { MarcField, MarcReadResult, MarcRecord, MarcRecordError } from './marc';

export function looksLikeMarcXml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\s*</.test(head) && /<(\w+:)?(record|collection)[\s>]/.test(head);
}

/** Reads a MARCXML collection (or a single record). Malformed XML refuses the whole file. Never throws. */
export function readMarcXml(text: string): MarcReadResult {
  if (text.trim() === '')
    return { ok: false, fatal: { reason: 'empty', message: 'Tệp MARCXML rỗng, không có bản ghi nào. Hãy xuất lại tệp từ phần mềm thư viện.' } };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const records: { recordNumber: number; record: MarcRecord }[] = [];
  const errors: MarcRecordError[] = [];
  let recordNumber = 0;
  let current: MarcRecord | undefined;
  let field: MarcField | undefined;
  let subCode: string | undefined;
  let textBuffer = '';
  let failure: string | undefined;
  let sawRoot = false;

  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('error', (error) => {
    failure ??= error.message;
  });
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    const attr = (key: string) => String(tag.attributes[key] ?? '');
    if (name === 'collection' || name === 'record') sawRoot = true;
    if (name === 'record') {
      recordNumber++;
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
      const tagProblem = current.fields.find((f) => !/^[0-9A-Za-z]{3}$/.test(f.tag));
      if (tagProblem) {
        errors.push({
          recordNumber,
          reason: 'bad_tag',
          message: `Bản ghi số ${recordNumber}: có trường với nhãn "${tagProblem.tag.slice(0, 10)}" không hợp lệ (cần 3 ký tự). Hãy xuất lại bản ghi này.`,
        });
      } else if (current.leader.length !== 24) {
        errors.push({
          recordNumber,
          reason: 'bad_leader',
          message: `Bản ghi số ${recordNumber}: đầu biểu dài ${current.leader.length} ký tự thay vì 24. Hãy xuất lại bản ghi này.`,
        });
      } else {
        records.push({ recordNumber, record: current });
      }
      current = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure !== undefined) {
    return {
      ok: false,
      fatal: {
        reason: 'bad_xml',
        message: `Tệp MARCXML bị lỗi ở dòng ${parser.line}, cột ${parser.column} (sau bản ghi số ${Math.max(0, recordNumber - 1)}): XML không đúng cú pháp. Tệp có thể chép chưa xong; hãy xuất lại. Chưa có gì được nhập.`,
      },
    };
  }
  if (!sawRoot || recordNumber === 0) {
    return {
      ok: false,
      fatal: {
        reason: recordNumber === 0 && sawRoot ? 'empty' : 'not_marc',
        message: 'Tệp XML không chứa bản ghi MARCXML nào (<record>). Hãy xuất lại theo chuẩn MARCXML. Chưa có gì được nhập.',
      },
    };
  }
  return { ok: true, records, errors };
}
