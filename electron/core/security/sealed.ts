// Copies that leave the PC (a backup on a USB stick, a diagnostics bundle, the exported CCCD key)
// are sealed with a passphrase the technician chooses: scrypt derives a 256-bit key from it and
// AES-256-GCM encrypts and authenticates the bytes (node:crypto; no library needed for two calls).
// Layout: MAGIC | salt(16) | iv(12) | tag(16) | ciphertext. A wrong passphrase or a changed byte
// fails authentication, so nothing half-decrypted is ever returned.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { KioskError } from '../errors';

const MAGIC = Buffer.from('KIOSK-SEALED-1\n', 'utf8');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
/** The file name ending that marks a sealed copy. */
export const SEALED_SUFFIX = '.sealed';

/** A passphrase a technician can type and remember; at least 10 characters. */
export function passphraseProblem(passphrase: string): string | undefined {
  if (passphrase.trim().length < 10) return 'Mật khẩu bảo vệ bản sao phải có ít nhất 10 ký tự. Hãy chọn một câu dễ nhớ, khó đoán.';
  return undefined;
}

function keyFrom(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

export function isSealed(bytes: Buffer): boolean {
  return bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function seal(plain: Buffer, passphrase: string): Buffer {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new KioskError('refused', problem, { reason: 'weak_passphrase' });
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(passphrase, salt), iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
}

export function unseal(sealed: Buffer, passphrase: string): Buffer {
  if (!isSealed(sealed) || sealed.length < MAGIC.length + 44) {
    throw new KioskError('refused', 'Tệp này không phải bản sao đã mã hóa của kiosk. Hãy chọn đúng tệp.', { reason: 'not_sealed' });
  }
  let at = MAGIC.length;
  const salt = sealed.subarray(at, (at += 16));
  const iv = sealed.subarray(at, (at += 12));
  const tag = sealed.subarray(at, (at += 16));
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(passphrase, salt), iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
  } catch {
    throw new KioskError('refused', 'Mật khẩu không đúng hoặc tệp đã bị thay đổi. Hãy nhập lại đúng mật khẩu đã đặt khi chép.', { reason: 'wrong_passphrase' });
  }
}
