// The forms one book's ISBN is catalogued under: an ISBN-13 starting 978 and the ISBN-10 it was
// made from (older Vietnamese books print ISBN-10; union catalogues hold either), so a lookup
// asks for both. A 979 ISBN has no ISBN-10.
function check13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

function check10(body9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body9[i]) * (10 - i);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? 'X' : String(digit);
}

/** `isbn` is a valid normalised ISBN (record-input.ts normaliseIsbn): itself first, then its other form. */
export function isbnForms(isbn: string): string[] {
  if (isbn.length === 13 && isbn.startsWith('978')) return [isbn, isbn.slice(3, 12) + check10(isbn.slice(3, 12))];
  if (isbn.length === 10) return [isbn, `978${isbn.slice(0, 9)}` + check13(`978${isbn.slice(0, 9)}`)];
  return [isbn];
}
