// Parser of the QR code printed on the chip citizen ID card (CCCD): `|`-separated fields
// ID(12)|old CMND(9, may be empty)|full name|birth ddmmyyyy|gender|address|issue ddmmyyyy[|extra…].
// Validates the ID's structure (province code, century/gender digit, birth year). Never throws.
import type { CccdError, CccdFields, CccdResult } from '#contract/devices';
import { PROVINCE_CODES } from './provinces';

export type { CccdError, CccdFields, CccdResult } from '#contract/devices';
export type Gender = CccdFields['gender'];
type CccdErrorCode = CccdError['code'];

const MAX_QR_LENGTH = 1024;

/** Cheap shape test used by classification: 12 digits, a `|`, and enough fields. */
export function looksLikeCccdQr(text: string): boolean {
  if (text.length > MAX_QR_LENGTH) return false;
  const fields = text.split('|');
  return fields.length >= 6 && /^\d{12}$/.test(fields[0]!.trim());
}

/** Century and gender from the 4th digit (Thông tư 07/2016 Điều 7): 0/1 → 1900s, 2/3 → 2000s, … 8/9 → 1800s. */
export function centuryAndGender(digit: number): { century: number; gender: Gender } {
  const centuries = [1900, 2000, 2100, 2200, 1800];
  return { century: centuries[Math.floor(digit / 2)]!, gender: digit % 2 === 0 ? 'male' : 'female' };
}

/** ddmmyyyy → YYYY-MM-DD when it names a real calendar day, else null. */
export function parseDdMmYyyy(text: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!match) return null;
  const [, dd, mm, yyyy] = match as unknown as [string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (year < 1800 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${yyyy}-${mm}-${dd}`;
}

function parseGender(text: string): Gender | null {
  const folded = text.normalize('NFC').trim().toLowerCase();
  if (folded === 'nam' || folded === 'male') return 'male';
  if (folded === 'nữ' || folded === 'nu' || folded === 'female') return 'female';
  return null;
}

const err = (code: CccdErrorCode, field: keyof CccdFields | 'text', message: string): CccdError => ({ code, field, message });

export function parseCccdQr(input: string): CccdResult {
  if (typeof input !== 'string' || input.length > MAX_QR_LENGTH) {
    return { ok: false, errors: [err('not_cccd', 'text', 'Mã quét được không phải mã QR trên CCCD. Hãy quét mã QR ở mặt trước thẻ căn cước.')] };
  }
  // eslint-disable-next-line no-control-regex
  const text = input.normalize('NFC').replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
  if (!looksLikeCccdQr(text)) {
    return { ok: false, errors: [err('not_cccd', 'text', 'Mã quét được không phải mã QR trên CCCD. Hãy quét mã QR ở mặt trước thẻ căn cước.')] };
  }
  let fields = text.split('|').map((f) => f.trim());
  // Known variant: the old-ID field left out entirely (6 fields, the second one is the name).
  if (fields.length === 6 && !/^\d*$/.test(fields[1]!) && /^\d{8}$/.test(fields[2]!)) fields = [fields[0]!, '', ...fields.slice(1)];
  const [idNumber, oldIdText, fullName, birthText, genderText, address, issueText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  const errors: CccdError[] = [];

  if (!PROVINCE_CODES.has(idNumber.slice(0, 3))) {
    errors.push(err('province_code', 'idNumber', `Số CCCD có mã tỉnh ${idNumber.slice(0, 3)} không tồn tại. Hãy kiểm tra lại thẻ hoặc nhập tay.`));
  }
  const { century, gender: idGender } = centuryAndGender(Number(idNumber[3]));
  const idYear = century + Number(idNumber.slice(4, 6));

  const oldId = oldIdText === '' ? null : oldIdText;
  if (oldId !== null && !/^\d{9}$/.test(oldId)) {
    errors.push(err('old_id_format', 'oldId', 'Số CMND cũ trong mã QR phải có 9 chữ số. Hãy quét lại mã QR.'));
  }
  if (fullName.length === 0) errors.push(err('name_missing', 'fullName', 'Mã QR không có họ tên. Hãy quét lại mã QR trên CCCD.'));

  const birthDate = parseDdMmYyyy(birthText);
  if (birthDate === null) {
    errors.push(err('birth_date', 'birthDate', 'Ngày sinh trong mã QR không hợp lệ (cần dạng ngàythángnăm, ví dụ 01021990). Hãy quét lại mã QR.'));
  } else if (Number(birthDate.slice(0, 4)) !== idYear) {
    errors.push(err('birth_year_mismatch', 'idNumber', 'Năm sinh không khớp với số CCCD. Hãy quét lại mã QR hoặc kiểm tra thẻ.'));
  }

  const gender = parseGender(genderText);
  if (gender === null) errors.push(err('gender', 'gender', 'Giới tính trong mã QR phải là "Nam" hoặc "Nữ". Hãy quét lại mã QR.'));
  else if (gender !== idGender) errors.push(err('century_gender', 'idNumber', 'Giới tính không khớp với số CCCD. Hãy quét lại mã QR hoặc kiểm tra thẻ.'));

  let issueDate: string | null = null;
  if (issueText !== undefined && issueText !== '') {
    issueDate = parseDdMmYyyy(issueText);
    if (issueDate === null) errors.push(err('issue_date', 'issueDate', 'Ngày cấp trong mã QR không hợp lệ. Hãy quét lại mã QR.'));
    else if (birthDate !== null && issueDate < birthDate)
      errors.push(err('issue_date', 'issueDate', 'Ngày cấp sớm hơn ngày sinh. Hãy quét lại mã QR hoặc kiểm tra thẻ.'));
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { idNumber, oldId, fullName, birthDate: birthDate!, gender: gender!, address, issueDate } };
}
