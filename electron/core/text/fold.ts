// Vietnamese text folding for matching: case, tone marks and vowel marks removed, and đ/Đ → d
// (Unicode does not decompose đ, and SQLite's remove_diacritics leaves it alone).
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  // Lower-case first: some capitals (İ) lower-case into a letter plus a combining mark.
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').normalize('NFC');
}

/** Splits folded text into search words (letters and digits). */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
