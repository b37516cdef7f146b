// Guest pass codes: `KHACH-` + 8 characters drawn with crypto from 32 symbols that cannot be misread
// (no I, O, 0, 1): 40 bits, so a code cannot be guessed from another one.
import { randomInt } from 'node:crypto';

export const GUEST_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const PREFIX = 'KHACH-';

export function newGuestCode(random: (max: number) => number = randomInt): string {
  let code = PREFIX;
  for (let i = 0; i < 8; i++) code += GUEST_ALPHABET[random(GUEST_ALPHABET.length)];
  return code;
}

/**
 * What a resident may have meant by a typed character the alphabet never uses: the slip has no O,
 * 0, I or 1, so one typed was a misread of the look-alike that is there (Q or D for O, L, J or T for I).
 */
const LOOK_ALIKES: Record<string, string[]> = { O: ['D', 'Q'], '0': ['D', 'Q'], I: ['L', 'J', 'T'], '1': ['L', 'J', 'T'] };
/** More misread characters than this and the text is not taken for a code (bounds the lookups). */
const MAX_MISREAD = 2;

/**
 * The codes a typed text can stand for, fullest reading first: with or without "KHACH-" (or
 * "KHÁCH", a space, no dash), in any case, with spaces and dashes anywhere, and misread
 * characters replaced by their look-alikes. Empty when the text cannot be a guest code.
 */
export function guestCodeCandidates(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[\s\-_.–—]/g, '');
  const body = folded.startsWith('KHACH') && folded.length === 13 ? folded.slice(5) : folded;
  if (body.length !== 8) return [];
  let readings = [''];
  let misread = 0;
  for (const char of body) {
    const options = GUEST_ALPHABET.includes(char) ? [char] : LOOK_ALIKES[char];
    if (!options) return [];
    if (options.length > 1 && ++misread > MAX_MISREAD) return [];
    readings = readings.flatMap((head) => options.map((option) => head + option));
  }
  return readings.map((reading) => PREFIX + reading);
}
