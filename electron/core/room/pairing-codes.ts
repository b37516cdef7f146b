// One-time pairing codes on the hub. A technician asks for one (`kiosk room pair-code`) and types it
// on the kiosk; it lives a few minutes, is used once, and dies after a few wrong guesses. The code
// itself is never stored: the row keeps its scrypt derivation, which is also the key both sides use
// to prove they know the code (pairing-proof.ts). Attempts are counted in one IMMEDIATE transaction
// before anything is checked, so parallel guesses never act on a stale count (as security/attempts.ts
// does for PINs).
import { randomInt, scrypt as scryptCallback, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import type { Db } from '../store/open';

const scrypt = promisify(scryptCallback) as (password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions) => Promise<Buffer>;

/** No 0/O, 1/I/L: read aloud or copied from a screen without doubt. 31^8 ≈ 8.5·10^11 codes. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
export const CODE_MINUTES = 10;
/** Wrong proofs a code survives; the next attempt finds it dead. */
export const MAX_CODE_ATTEMPTS = 5;
/** scrypt cost: slow enough that the few bits of a short code cannot be searched offline from a captured proof. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export function newCodeText(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed (any case, spaces or dashes) in its one canonical form, or undefined when it cannot be a code. */
export function normaliseCode(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return undefined;
  return compact;
}

/** The key a code stands for in the room whose CA has this fingerprint (the same on hub and kiosk). */
export async function pairingKey(code: string, caFingerprint: string): Promise<Buffer> {
  return scrypt(code, `kiosk-room-pairing\0${caFingerprint}`, 32, SCRYPT);
}

/** Makes a new code, cancelling any earlier one still open: only one code is alive at a time. */
export async function createPairingCode(ctx: KioskContext, caFingerprint: string, minutes = CODE_MINUTES): Promise<{ code: string; expiresAt: string }> {
  const text = newCodeText();
  const key = await pairingKey(normaliseCode(text)!, caFingerprint);
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  const expiresAt = new Date(now + minutes * 60_000).toISOString();
  ctx.db
    .transaction(() => {
      ctx.db.prepare('UPDATE room_pairing_codes SET cancelled_at = ? WHERE used_at IS NULL AND cancelled_at IS NULL').run(at);
      ctx.db.prepare('INSERT INTO room_pairing_codes (key, created_at, expires_at) VALUES (?, ?, ?)').run(key.toString('hex'), at, expiresAt);
    })
    .immediate();
  return { code: text, expiresAt };
}

export const noLiveCode = () =>
  refused(
    'room_code_invalid',
    'Mã ghép máy không đúng, đã dùng hoặc đã hết hạn. Trên máy trung tâm, chạy "kiosk room pair-code" để lấy mã mới rồi nhập lại trong vòng 10 phút.',
  );

/** Counts one attempt on the live code before it is checked; gives its id and key, or refuses when there is none. */
export function reservePairingAttempt(db: Db, now: number): { id: number; key: Buffer } {
  const at = new Date(now).toISOString();
  return db
    .transaction(() => {
      const row = db
        .prepare(
          `SELECT id, key FROM room_pairing_codes
           WHERE used_at IS NULL AND cancelled_at IS NULL AND expires_at > ? AND failed_attempts < ?
           ORDER BY id DESC LIMIT 1`,
        )
        .get(at, MAX_CODE_ATTEMPTS) as { id: number; key: string } | undefined;
      if (!row) throw noLiveCode();
      db.prepare('UPDATE room_pairing_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?').run(row.id);
      return { id: row.id, key: Buffer.from(row.key, 'hex') };
    })
    .immediate();
}

/**
 * Uses the code for the PC `addPc` records, in one transaction: a code two kiosks proved at the
 * same moment pairs one of them only. The attempt counted by the reservation is given back.
 */
export function consumePairingCode(db: Db, id: number, now: number, addPc: () => number): number {
  const at = new Date(now).toISOString();
  return db
    .transaction(() => {
      const pcId = addPc();
      const used = db
        .prepare(
          'UPDATE room_pairing_codes SET used_at = ?, used_by = ?, failed_attempts = failed_attempts - 1 WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > ?',
        )
        .run(at, pcId, id, at);
      if (used.changes !== 1) throw noLiveCode();
      return pcId;
    })
    .immediate();
}
