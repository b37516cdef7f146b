// Guest pass codes: `KHACH-` + 8 characters drawn with crypto from 32 symbols that cannot be misread
// (no I, O, 0, 1): 40 bits, so a code cannot be guessed from another one.
import { randomInt } from 'node:crypto';

export const GUEST_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newGuestCode(random: (max: number) => number = randomInt): string {
  let code = 'KHACH-';
  for (let i = 0; i < 8; i++) code += GUEST_ALPHABET[random(GUEST_ALPHABET.length)];
  return code;
}
