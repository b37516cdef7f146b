// Vietnamese syllable anatomy for the typing engine: letters with their vowel mark and tone
// split apart, the initial/vowel/final parse, and where the tone mark sits.
// Pure TypeScript with no imports, so both the core and the renderer can use it (layer `common`).

export type Tone = 'none' | 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';
export type VowelMark = 'none' | 'circumflex' | 'breve' | 'horn';

export interface Letter {
  /** Lower-case base letter without any mark: a, e, o, u, d, n … */
  base: string;
  mark: VowelMark;
  /** Only for d: the stroke of đ. */
  stroke: boolean;
  tone: Tone;
  upper: boolean;
}

const TONE_MARKS: Record<string, Tone> = { '\u0301': 'acute', '\u0300': 'grave', '\u0309': 'hook', '\u0303': 'tilde', '\u0323': 'dot' };
const TONE_CHARS: Record<Tone, string> = { none: '', acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323' };
const VOWEL_MARKS: Record<string, VowelMark> = { '\u0302': 'circumflex', '\u0306': 'breve', '\u031b': 'horn' };
const VOWEL_MARK_CHARS: Record<VowelMark, string> = { none: '', circumflex: '\u0302', breve: '\u0306', horn: '\u031b' };

export const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Splits one character into a Letter; undefined for anything that is not a plain or Vietnamese letter. */
export function decodeLetter(char: string): Letter | undefined {
  const lower = char.toLowerCase();
  const upper = lower !== char;
  if (lower === 'đ') return { base: 'd', mark: 'none', stroke: true, tone: 'none', upper };
  const [base, ...marks] = [...lower.normalize('NFD')];
  if (!base || !/^[a-z]$/.test(base)) return undefined;
  let tone: Tone = 'none';
  let mark: VowelMark = 'none';
  for (const m of marks) {
    if (TONE_MARKS[m]) tone = TONE_MARKS[m];
    else if (VOWEL_MARKS[m]) mark = VOWEL_MARKS[m];
    else return undefined;
  }
  return { base, mark, stroke: false, tone, upper };
}

export function encodeLetter(letter: Letter): string {
  const lower = letter.stroke ? 'đ' : (letter.base + VOWEL_MARK_CHARS[letter.mark] + TONE_CHARS[letter.tone]).normalize('NFC');
  return letter.upper ? lower.toUpperCase() : lower;
}

/** The letters of a word, or undefined when it holds anything else (digits, punctuation). */
export function decodeWord(word: string): Letter[] | undefined {
  const letters: Letter[] = [];
  for (const char of word.normalize('NFC')) {
    const letter = decodeLetter(char);
    if (!letter) return undefined;
    letters.push(letter);
  }
  return letters;
}

export const isVowel = (letter: Letter) => VOWELS.has(letter.base);

// Spelling of Vietnamese syllables (with vowel marks ignored): what may start, carry and end one.
const INITIALS = new Set([
  '',
  'b',
  'c',
  'ch',
  'd',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);
const NUCLEI = new Set([
  'a',
  'e',
  'i',
  'o',
  'u',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'eo',
  'eu',
  'ia',
  'ie',
  'iu',
  'oa',
  'oe',
  'oi',
  'oo',
  'ua',
  'ue',
  'ui',
  'uo',
  'uu',
  'uy',
  'ye',
  'ieu',
  'oai',
  'oay',
  'oeo',
  'uay',
  'uoi',
  'uou',
  'uya',
  'uye',
  'uyu',
  'yeu',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

export interface Syllable {
  /** Index of the first vowel of the nucleus and one past its last. */
  start: number;
  end: number;
  hasFinal: boolean;
}

/** Parses letters as initial + nucleus + final; undefined when they cannot be one Vietnamese syllable. */
export function parseSyllable(letters: readonly Letter[]): Syllable | undefined {
  let start = 0;
  while (start < letters.length && !isVowel(letters[start]!)) start++;
  // "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
  const b = letters.map((l) => l.base);
  if (start === 1 && b[0] === 'q' && b[1] === 'u' && letters[1]!.mark === 'none' && letters.length > 2 && VOWELS.has(b[2]!)) start = 2;
  else if (start === 1 && b[0] === 'g' && b[1] === 'i' && letters.length > 2 && VOWELS.has(b[2]!)) start = 2;
  if (start >= letters.length) return undefined;
  const initial = b.slice(0, start).join('');
  let end = start;
  while (end < letters.length && isVowel(letters[end]!)) end++;
  const nucleus = b.slice(start, end).join('');
  const final = b.slice(end).join('');
  if (!INITIALS.has(initial) || !NUCLEI.has(nucleus) || !FINALS.has(final)) return undefined;
  if (letters.slice(0, start).some((l, i) => l.stroke && i > 0)) return undefined;
  return { start, end, hasFinal: final !== '' };
}

const prefixesOf = (words: Set<string>) => new Set([...words].flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)).concat('')));
const INITIAL_PREFIXES = prefixesOf(INITIALS);
const NUCLEUS_PREFIXES = prefixesOf(NUCLEI);
const FINAL_PREFIXES = prefixesOf(FINALS);

/**
 * True when more letters typed after these could still make a Vietnamese syllable ("ngu", "thuo",
 * "tiên"); false once no ending can ("ửod", "ễcl", "hary"). Live typing gives the keys back then.
 */
export function couldBeSyllable(letters: readonly Letter[]): boolean {
  const b = letters.map((l) => l.base);
  if (letters.slice(1).some((l) => l.stroke)) return false;
  let start = 0;
  while (start < b.length && !VOWELS.has(b[start]!)) start++;
  if (start === b.length) return INITIAL_PREFIXES.has(b.join(''));
  // "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
  if (start === 1 && b[0] === 'q') {
    if (b[1] !== 'u' || letters[1]!.mark !== 'none') return false;
    start = 2;
  } else if (start === 1 && b[0] === 'g' && b[1] === 'i' && VOWELS.has(b[2] ?? '')) start = 2;
  if (!INITIALS.has(b.slice(0, start).join(''))) return false;
  let end = start;
  while (end < b.length && VOWELS.has(b[end]!)) end++;
  const nucleus = b.slice(start, end).join('');
  if (end === b.length) return NUCLEUS_PREFIXES.has(nucleus);
  return NUCLEI.has(nucleus) && FINAL_PREFIXES.has(b.slice(end).join(''));
}

/** True when the letters so far are only a valid initial consonant (or nothing): "ngh", "tr", "". */
export function isInitialOnly(letters: readonly Letter[]): boolean {
  return !letters.some(isVowel) && INITIALS.has(letters.map((l) => l.base).join(''));
}

/**
 * Where the tone mark goes, in the traditional placement most printed Vietnamese uses ("hòa",
 * "thủy"): on the marked vowel (ơ of ươ), else the middle of three vowels, else the second of
 * two before a final consonant, else the first of two.
 */
export function tonePosition(letters: readonly Letter[], syllable: Syllable): number {
  const { start, end, hasFinal } = syllable;
  for (let i = end - 1; i >= start; i--) if (letters[i]!.mark !== 'none') return i;
  const length = end - start;
  if (length === 3) return start + 1;
  if (length === 2) return hasFinal ? start + 1 : start;
  return start;
}

/** Writes the word with its one tone mark on the right vowel. */
export function render(letters: readonly Letter[], tone: Tone): string {
  const plain = letters.map((l) => ({ ...l, tone: 'none' as Tone }));
  if (tone !== 'none') {
    const syllable = parseSyllable(plain);
    const at = syllable ? tonePosition(plain, syllable) : plain.findLastIndex(isVowel);
    if (at >= 0) plain[at]!.tone = tone;
  }
  return plain.map(encodeLetter).join('');
}

export function toneOf(letters: readonly Letter[]): Tone {
  return letters.find((l) => l.tone !== 'none')?.tone ?? 'none';
}
