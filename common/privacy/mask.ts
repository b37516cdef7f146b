// The one masking rule for identity numbers, used wherever text may leave the kiosk's memory: CLI
// output, logs, the diagnostics page and bundle, error messages. It does not trust a scan's kind:
// a truncated or garbled CCCD QR is classified `unknown` but still carries the number and name.
// Lives in common/ because core, native (scan descriptions) and the renderer all need it.
//  - a CCCD-shaped text (`<9 or 12 digits>|…`, the QR's id|old id|name|birth date|…) keeps only its
//    masked number: `001*******45|…`; the name, dates and address that follow are dropped;
//  - any other run of exactly 9 (CMND) or 12 (CCCD) digits is masked in place.
// Runs of other lengths (ISBN-13, phone numbers, barcodes) and all other text are left unchanged.

/** 001099012345 → 001*******45: the province code and the last two digits tell cards apart on site. */
export function maskIdNumber(id: string): string {
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

// The tail stops at a quote, a backslash or a line end, so masking text inside JSON keeps it valid.
const CCCD_SHAPED = /(?<!\d)(\d{12}|\d{9})\|[^\n\r"\\]*/g;
const ID_RUN = /(?<!\d)(\d{12}|\d{9})(?!\d)/g;

export function maskIdentityNumbers(text: string): string {
  return text.replace(CCCD_SHAPED, (_whole, id: string) => `${maskIdNumber(id)}|…`).replace(ID_RUN, (id: string) => maskIdNumber(id));
}

/** A whole CCCD QR text reduced to its masked ID number; nothing else of it (name, address) survives. */
export function maskCccdText(text: string): string {
  const id = /^\s*(\d{12})\|/.exec(text)?.[1];
  return id ? `${maskIdNumber(id)}|…` : '***';
}

/**
 * The same rule over a JSON value: every string in it is masked, numbers are left alone (a byte
 * count of nine digits is not an identity number, and masking it would break the document).
 */
export function maskIdentityNumbersIn<T>(value: T): T {
  if (typeof value === 'string') return maskIdentityNumbers(value) as T;
  if (Array.isArray(value)) return value.map((item) => maskIdentityNumbersIn(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [maskIdentityNumbers(key), maskIdentityNumbersIn(item)])) as T;
  }
  return value;
}
