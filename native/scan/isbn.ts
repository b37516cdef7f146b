// ISBN check digits: EAN-13 with a 978/979 prefix (Bookland) and the older 10-character ISBN.
// Pure functions; the rules are those of ISO 2108.

/** EAN-13 check digit for the first 12 digits: weights 1,3,1,3… (mod 10). */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isIsbn13(text: string): boolean {
  if (!/^97[89]\d{10}$/.test(text)) return false;
  return ean13CheckDigit(text.slice(0, 12)) === Number(text[12]);
}

/** ISBN-10 check character for the first 9 digits: weights 10..2, mod 11, 10 written as X. */
export function isbn10CheckChar(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function isIsbn10(text: string): boolean {
  if (!/^\d{9}[\dX]$/.test(text)) return false;
  return isbn10CheckChar(text.slice(0, 9)) === text[9];
}

/** Scanners and people write ISBNs with hyphens or spaces; the check works on the bare characters. */
export function normaliseIsbn(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}
