// Terminal credentials at the collector: one-time enrolment codes (short, typed by a technician)
// and per-terminal secrets. Only SHA-256 hashes are stored: both are long random values, so a
// plain hash is enough and a leaked database gives no way to upload as a terminal.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: the code is read over the phone and typed on a kiosk.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_VALID_DAYS = 14;

export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Codes are compared without dashes, spaces or case, as people type them. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newTerminalId(communeCode: string): string {
  return `t${communeCode}-${randomBytes(6)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
}

export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "Bearer <terminalId>.<secret>" → its parts, or undefined. */
export function parseBearer(header: string | undefined): { terminalId: string; secret: string } | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{32,128})$/.exec(header ?? '');
  return m ? { terminalId: m[1]!, secret: m[2]! } : undefined;
}
