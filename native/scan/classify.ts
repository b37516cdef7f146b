// Scan classification in one place: what a scanned text is (library card, item barcode, ISBN, CCCD QR,
// guest pass, or unknown). Pure functions; the card and item patterns come from the configuration.
import type { ScanKind } from '#contract/devices';
import { looksLikeCccdQr } from '../cccd/parse';
import { isIsbn10, isIsbn13, normaliseIsbn } from './isbn';

export interface ScanPatterns {
  /** Library cards, staff cards included (BD123456, NV0001, KT0001 in the demo); screens decide who may use which. */
  card: RegExp;
  /** The library's own item barcodes (TV123456 in the demo). */
  item: RegExp;
}

/** BD + six digits, with the check character of cards issued since issue #16 (ABCDEFGHJKLMNPRSTUVWXYZ). */
export const DEFAULT_CARD_PATTERN = '^(?:BD\\d{6}[A-HJ-NPR-Z]?|NV\\d{4}|KT\\d{4})$';
export const DEFAULT_ITEM_PATTERN = '^TV\\d{6}$';

export const defaultPatterns: ScanPatterns = {
  card: new RegExp(DEFAULT_CARD_PATTERN),
  item: new RegExp(DEFAULT_ITEM_PATTERN),
};

/** Guest pass printed by the internet-session desk: KHACH- and 8 characters without the look-alikes I, O, 0, 1. */
export const GUEST_PASS = /^KHACH-[A-HJ-NP-Z2-9]{8}$/;

/** Scanners add stray whitespace and control characters (CR, LF, GS in GS1 codes) around the data. */
export function cleanScanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/^[\s\u0000-\u001f]+|[\s\u0000-\u001f]+$/g, '');
}

export function classifyScan(text: string, patterns: ScanPatterns = defaultPatterns): ScanKind {
  const clean = cleanScanText(text);
  if (clean.length === 0) return 'unknown';
  // CCCD first: its QR is long and `|`-separated, so no card pattern should ever swallow it.
  if (looksLikeCccdQr(clean)) return 'cccd';
  if (GUEST_PASS.test(clean)) return 'guest';
  if (safeTest(patterns.card, clean)) return 'card';
  if (safeTest(patterns.item, clean)) return 'item';
  const isbn = normaliseIsbn(clean);
  if (isIsbn13(isbn) || isIsbn10(isbn)) return 'isbn';
  return 'unknown';
}

function safeTest(pattern: RegExp, text: string): boolean {
  // A global/sticky pattern keeps lastIndex between calls; reset it so classification stays pure.
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Compiles a configured pattern, or says why it cannot be used. */
export function compilePattern(source: string): { ok: true; pattern: RegExp } | { ok: false; message: string } {
  try {
    return { ok: true, pattern: new RegExp(source) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
