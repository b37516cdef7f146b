// Applies one typed key to a text field's value at the caret, through the pure Telex/VNI engine
// (common/vietnamese, shared with the core's search). `raw` is what the resident actually typed
// for the current word, so a word that is not Vietnamese ("wifi") is given back when it ends.
import { finishWord, typeKey, isWordChar, type TypingMethod } from '../../../common/vietnamese/typing';

export interface FieldState {
  text: string;
  caret: number;
  /** Keys typed for the word before the caret since it began. */
  raw: string;
}

const WORD_BEFORE = /[\p{L}\p{M}0-9]*$/u;

export function insertKey(state: FieldState, key: string, method: TypingMethod): FieldState {
  const before = state.text.slice(0, state.caret);
  const after = state.text.slice(state.caret);
  const word = WORD_BEFORE.exec(before)![0];
  const head = before.slice(0, before.length - word.length);
  if (isWordChar(key, method, word)) {
    // Only keep the raw keys when they describe this word (the caret may have moved into another).
    const keys = state.raw && word ? state.raw : word;
    const next = typeKey(word, keys, key, method);
    const raw = keys + key;
    return { text: head + next + after, caret: head.length + next.length, raw };
  }
  const finished = finishWord(word, state.raw || word) + key;
  return { text: head + finished + after, caret: head.length + finished.length, raw: '' };
}

/** Types `text` as it is, outside the Telex/VNI engine (an on-screen digit, or typing with Gõ dấu off). */
export function insertLiteral(state: FieldState, text: string): FieldState {
  return { text: state.text.slice(0, state.caret) + text + state.text.slice(state.caret), caret: state.caret + text.length, raw: '' };
}

/** Deletes the character before the caret (on-screen backspace). */
export function deleteBefore(state: FieldState): FieldState {
  if (state.caret === 0) return state;
  const chars = [...state.text.slice(0, state.caret)];
  chars.pop();
  const before = chars.join('');
  return { text: before + state.text.slice(state.caret), caret: before.length, raw: state.raw.slice(0, -1) };
}
