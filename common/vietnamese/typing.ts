// Telex and VNI typing without an input method: the key a resident presses, applied to the word
// before the caret. Stateless on purpose (the word itself is the state), so it survives caret
// moves, deletions and paste in any text field, and the same function decodes a whole query.
// Hand-written because the npm Vietnamese IMEs are browser-global scripts (avim) or unmaintained,
// and the core's search needs the same pure function without a DOM.
import { couldBeSyllable, decodeWord, isInitialOnly, isVowel, parseSyllable, render, toneOf, type Letter, type Tone, type VowelMark } from './syllable';

export type TypingMethod = 'telex' | 'vni' | 'both';

type Action =
  | { kind: 'tone'; tone: Tone }
  | { kind: 'clearTone' }
  | { kind: 'circumflex'; only?: string }
  | { kind: 'horn' }
  | { kind: 'breve' }
  | { kind: 'telexW' }
  | { kind: 'stroke'; immediate: boolean };

const TELEX: Record<string, Action> = {
  s: { kind: 'tone', tone: 'acute' },
  f: { kind: 'tone', tone: 'grave' },
  r: { kind: 'tone', tone: 'hook' },
  x: { kind: 'tone', tone: 'tilde' },
  j: { kind: 'tone', tone: 'dot' },
  z: { kind: 'clearTone' },
  a: { kind: 'circumflex', only: 'a' },
  e: { kind: 'circumflex', only: 'e' },
  o: { kind: 'circumflex', only: 'o' },
  w: { kind: 'telexW' },
  d: { kind: 'stroke', immediate: true },
};
const VNI: Record<string, Action> = {
  '1': { kind: 'tone', tone: 'acute' },
  '2': { kind: 'tone', tone: 'grave' },
  '3': { kind: 'tone', tone: 'hook' },
  '4': { kind: 'tone', tone: 'tilde' },
  '5': { kind: 'tone', tone: 'dot' },
  '0': { kind: 'clearTone' },
  '6': { kind: 'circumflex' },
  '7': { kind: 'horn' },
  '8': { kind: 'breve' },
  '9': { kind: 'stroke', immediate: false },
};

function actionFor(key: string, method: TypingMethod): Action | undefined {
  const lower = key.toLowerCase();
  if (method !== 'vni' && Object.hasOwn(TELEX, lower)) return TELEX[lower];
  if (method !== 'telex' && Object.hasOwn(VNI, lower)) return VNI[lower];
  return undefined;
}

/** A word character for the engine: a letter, or a VNI digit typed right after letters. */
export function isWordChar(char: string, method: TypingMethod, wordSoFar: string): boolean {
  if (/^\p{L}$/u.test(char)) return true;
  return method !== 'telex' && /^[0-9]$/.test(char) && /\p{L}/u.test(wordSoFar);
}

/**
 * The word after pressing `key` at its end. When the key means nothing Vietnamese here (no vowel
 * yet, not a possible syllable, an undo by pressing the same key twice), it is simply appended.
 */
export function applyKey(word: string, key: string, method: TypingMethod = 'both'): string {
  const result = transform(word, key, method);
  return result === word + key ? replaceTone(result) : result;
}

/** After a plain letter, the tone moves to where the longer syllable wants it ("hòa" + n → "hoàn"). */
function replaceTone(word: string): string {
  const letters = decodeWord(word);
  if (!letters) return word;
  const tone = toneOf(letters);
  if (tone === 'none') return word;
  const plain = letters.map((l) => ({ ...l, tone: 'none' as Tone }));
  return parseSyllable(plain) ? render(plain, tone) : word;
}

function transform(word: string, key: string, method: TypingMethod): string {
  const literal = word + key;
  const action = actionFor(key, method);
  if (!action) return literal;
  const letters = decodeWord(word);
  if (!letters) return literal;
  if (letters.length === 0) return action.kind === 'telexW' ? (key === 'w' ? 'ư' : 'Ư') : literal;
  const tone = toneOf(letters);
  const plain = letters.map((l) => ({ ...l, tone: 'none' as Tone }));
  const syllable = parseSyllable(plain);

  switch (action.kind) {
    case 'tone':
      if (!syllable) return literal;
      // Pressing the tone key again takes the tone off and types the key itself ("ass" → "as").
      return tone === action.tone ? render(plain, 'none') + key : render(plain, action.tone);
    case 'clearTone':
      return syllable && tone !== 'none' ? render(plain, 'none') : literal;
    case 'stroke': {
      const first = plain[0]!;
      if (first.base !== 'd') return literal;
      if (action.immediate && plain.length !== 1) return literal;
      if (!action.immediate && !syllable && !isInitialOnly(plain)) return literal;
      if (first.stroke) return action.immediate || plain.length === 1 ? render([{ ...first, stroke: false }, ...plain.slice(1)], tone) + key : literal;
      return render([{ ...first, stroke: true }, ...plain.slice(1)], tone);
    }
    case 'telexW':
      if (!syllable) {
        // "w" alone after a consonant is ư: "nhw" → "như".
        return isInitialOnly(plain)
          ? render([...plain, { base: 'u', mark: 'horn', stroke: false, tone: 'none', upper: key !== key.toLowerCase() }], tone)
          : literal;
      }
      return hornOrBreve(plain, syllable, tone, key, 'both');
    case 'horn':
      return syllable ? hornOrBreve(plain, syllable, tone, key, 'horn') : literal;
    case 'breve':
      return syllable ? hornOrBreve(plain, syllable, tone, key, 'breve') : literal;
    case 'circumflex': {
      if (!syllable) return literal;
      const wanted = action.only ? [action.only] : ['a', 'e', 'o'];
      const at = lastIndex(plain, syllable.start, syllable.end, (l) => wanted.includes(l.base));
      if (at < 0) return literal;
      return withMark(plain, at, 'circumflex', tone, key);
    }
  }
}

function lastIndex(letters: readonly Letter[], start: number, end: number, test: (l: Letter) => boolean): number {
  for (let i = end - 1; i >= start; i--) if (test(letters[i]!)) return i;
  return -1;
}

/** Sets one vowel's mark, or, when it already has it, takes it off and types the key (undo). */
function withMark(letters: Letter[], at: number, mark: VowelMark, tone: Tone, key: string): string {
  const next = letters.map((l) => ({ ...l }));
  if (next[at]!.mark === mark) {
    next[at]!.mark = 'none';
    return render(next, tone) + key;
  }
  next[at]!.mark = mark;
  return render(next, tone);
}

function hornOrBreve(letters: Letter[], syllable: { start: number; end: number }, tone: Tone, key: string, which: 'horn' | 'breve' | 'both'): string {
  const { start, end } = syllable;
  const bases = letters
    .slice(start, end)
    .map((l) => l.base)
    .join('');
  if (which !== 'breve') {
    // u + o together take the horn on both: "uow" / "uwow" / "duo7" → ươ.
    const uo = bases.indexOf('uo');
    if (uo >= 0) {
      const u = start + uo;
      const o = u + 1;
      const next = letters.map((l) => ({ ...l }));
      if (next[u]!.mark === 'horn' && next[o]!.mark === 'horn') {
        next[u]!.mark = 'none';
        next[o]!.mark = 'none';
        return render(next, tone) + key;
      }
      next[u]!.mark = 'horn';
      next[o]!.mark = 'horn';
      return render(next, tone);
    }
    // "ua" and "uu" without q: the horn goes on the u ("mưa", "hưu"), never the breve on a.
    if (bases === 'ua' || bases === 'uu') return telexWUndo(letters, start, tone, key, 'horn');
  }
  const at = lastIndex(letters, start, end, (l) =>
    which === 'breve' ? l.base === 'a' : which === 'horn' ? l.base === 'o' || l.base === 'u' : ['a', 'o', 'u'].includes(l.base),
  );
  if (at < 0) return render(letters, tone) + key;
  const mark: VowelMark = letters[at]!.base === 'a' ? 'breve' : 'horn';
  return telexWUndo(letters, at, tone, key, mark);
}

/** Like withMark, but undoing a lone ư typed as "w" gives back just "w" ("ww" → "w"). */
function telexWUndo(letters: Letter[], at: number, tone: Tone, key: string, mark: VowelMark): string {
  const target = letters[at]!;
  const loneW = key.toLowerCase() === 'w' && target.mark === 'horn' && target.base === 'u' && at === letters.length - 1 && letters.filter(isVowel).length === 1;
  if (loneW) return render(letters.slice(0, -1), tone) + key;
  return withMark(letters, at, mark, tone, key);
}

/**
 * Like applyKey, but stops as Unikey does: once the word can no longer become a Vietnamese syllable
 * ("word" would be "ửod", "excel" "ễcl"), the resident gets back exactly the keys typed (`raw`,
 * without `key`), so English words, names and brands stay as typed.
 */
export function typeKey(word: string, raw: string, key: string, method: TypingMethod = 'both'): string {
  const next = applyKey(word, key, method);
  const keys = raw + key;
  if (next === keys) return next;
  // Pressing a key twice to get the letter itself ("ass" → "as") is the resident's own choice.
  if (next === keys.slice(0, -1) && /^[\x20-\x7e]*$/.test(next)) return next;
  const letters = decodeWord(next);
  return !letters || couldBeSyllable(letters.map((l) => ({ ...l, tone: 'none' as Tone }))) ? next : keys;
}

/** Converts a whole run of keystrokes ("nguyeenx nhaajt anhs") into Vietnamese text. */
export function typeVietnamese(keys: string, method: TypingMethod = 'both'): string {
  let out = '';
  let word = '';
  let raw = '';
  for (const char of keys) {
    if (isWordChar(char, method, word)) {
      word = typeKey(word, raw, char, method);
      raw += char;
    } else {
      out += finishWord(word, raw) + char;
      word = raw = '';
    }
  }
  return out + finishWord(word, raw);
}

/**
 * When a word ends: keep the conversion only if it is a Vietnamese syllable, else give back the keys
 * as typed, so "wifi" or "www" survive Telex (Unikey's "restore non-Vietnamese words").
 */
export function finishWord(converted: string, raw: string): string {
  // A plain-ASCII result means the resident undid the conversion ("ass" → "as"): keep it.
  if (converted === raw || /^[\x20-\x7e]*$/.test(converted)) return converted;
  const letters = decodeWord(converted);
  return letters && parseSyllable(letters.map((l) => ({ ...l, tone: 'none' as Tone }))) ? converted : raw;
}

/**
 * What a search box should also try for a query: the query as typed and, when it differs, the
 * query read as Telex/VNI keystrokes ("nguyeenx" → "nguyễn"), so a resident who typed Telex
 * without conversion still finds the book.
 */
export function telexCandidates(query: string): string[] {
  const decoded = typeVietnamese(query, 'both');
  return decoded === query ? [query] : [query, decoded];
}
