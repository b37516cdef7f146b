// Newly issued card numbers end in a check character (BD000007 → BD000007K), so a mistyped number
// or a neighbour's number plus one names no card. The character is keyed by a random per-kiosk
// secret (meta.card_check_key) rather than a public formula like Luhn, which anyone could compute:
// guessing it is 1 chance in 23, and typed numbers are rate-limited (circulation/typed-card.ts).
// Cards issued before carry no check character and keep working (a card is found by its whole number).
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/open';
import { getMeta, setMeta } from '../store/meta';

/** Letters that cannot be misread as digits (no I, O, Q). */
const ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const KEY_META = 'card_check_key';

function checkKey(db: Db): Buffer {
  let key = getMeta(db, KEY_META);
  if (!key) {
    db.transaction(() => {
      key = getMeta(db, KEY_META);
      if (!key) setMeta(db, KEY_META, (key = randomBytes(16).toString('base64')));
    }).immediate();
  }
  return Buffer.from(key!, 'base64');
}

export function checkCharacter(db: Db, base: string): string {
  const digest = createHmac('sha256', checkKey(db)).update(base).digest();
  return ALPHABET[digest.readUInt32BE(0) % ALPHABET.length]!;
}

/** The card number with its check character appended. */
export function withCheckCharacter(db: Db, base: string): string {
  return `${base}${checkCharacter(db, base)}`;
}
