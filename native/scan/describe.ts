// What a technician sees when checking a scanner's output (`kiosk scan classify`): the kind and the
// parsed fields, with a CCCD number masked and nothing of the QR text echoed back.
import type { CccdError, ScanKind } from '#contract/devices';
import { maskCccdText, maskIdentityNumbers, maskIdNumber } from '../cccd/mask';
import { looksLikeCccdQr, parseCccdQr } from '../cccd/parse';
import { classifyScan, cleanScanText, type ScanPatterns } from './classify';
import { isIsbn10, isIsbn13, normaliseIsbn } from './isbn';

export interface ScanDescription {
  kind: ScanKind;
  /** The scanned text as it may be shown: a CCCD QR reduced to its masked number, any identity number masked. */
  text: string;
  length: number;
  isbn?: { normalised: string; format: 'isbn-13' | 'isbn-10' };
  cccd?: {
    valid: boolean;
    idNumber: string | null;
    hasOldId: boolean;
    /** Shown so the technician can see whether Vietnamese letters survived the scanner (keyboard mode garbles them). */
    fullName: string | null;
    birthDate: string | null;
    gender: 'male' | 'female' | null;
    issueDate: string | null;
    errors: CccdError[];
  };
  /** Characters a keyboard-emulating scanner cannot have typed correctly (replacement characters, controls). */
  suspiciousCharacters: boolean;
}

export function describeScan(text: string, patterns?: ScanPatterns): ScanDescription {
  const clean = cleanScanText(text);
  const kind = classifyScan(text, patterns);
  // eslint-disable-next-line no-control-regex
  const suspiciousCharacters = /[\uFFFD\u0000-\u001f\u007f]/.test(clean);
  const base = { kind, text: looksLikeCccdQr(clean) ? maskCccdText(clean) : maskIdentityNumbers(clean), length: clean.length, suspiciousCharacters };
  if (kind === 'isbn') {
    const normalised = normaliseIsbn(clean);
    return { ...base, isbn: { normalised, format: isIsbn13(normalised) ? 'isbn-13' : isIsbn10(normalised) ? 'isbn-10' : 'isbn-13' } };
  }
  if (kind === 'cccd') {
    const parsed = parseCccdQr(clean);
    if (parsed.ok) {
      const v = parsed.value;
      return {
        ...base,
        cccd: {
          valid: true,
          idNumber: maskIdNumber(v.idNumber),
          hasOldId: v.oldId !== null,
          fullName: v.fullName,
          birthDate: v.birthDate,
          gender: v.gender,
          issueDate: v.issueDate,
          errors: [],
        },
      };
    }
    const id = /^(\d{12})\|/.exec(clean)?.[1];
    return {
      ...base,
      cccd: {
        valid: false,
        idNumber: id ? maskIdNumber(id) : null,
        hasOldId: false,
        fullName: null,
        birthDate: null,
        gender: null,
        issueDate: null,
        errors: parsed.errors,
      },
    };
  }
  return base;
}
