// The portal's push-signing key at rest (issue #19). The private key is kept in the database sealed
// with a secret that lives in a file outside it (collector-secret.key, made at first start, mode
// 0600), so a database dump, a PostgreSQL replica or a stolen backup cannot sign pushes that every
// kiosk of the province would apply. AES-256-GCM under a key that HKDF-SHA256 draws from the
// 32-byte random secret (high entropy, so no slow password hash is needed); the public key is the
// associated data, so a sealed private key copied beside another public key does not open.
// node:crypto does all of it; no library is needed for two calls.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const PREFIX = 'sealed-v1:';
const INFO = 'commune-kiosk portal signing key v1';

export class KeySecretError extends Error {}

/** A private key stored by a collector from before sealing (PEM text): sealed at the next start. */
export const isSealedKey = (stored: string) => stored.startsWith(PREFIX);

function keyOf(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
}

export function sealPrivateKey(privateKeyPem: string, publicKey: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  cipher.setAAD(Buffer.from(publicKey, 'utf8'));
  const body = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openPrivateKey(stored: string, publicKey: string, secret: Buffer): string {
  const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(publicKey, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new KeySecretError(
      'Khóa ký của cổng trong cơ sở dữ liệu không mở được bằng tệp bí mật này. Hãy chép lại đúng tệp collector-secret.key từ bản sao lưu của máy chủ (tệp này không nằm trong cơ sở dữ liệu), rồi chạy lại.',
    );
  }
}

/**
 * The secret file: read it, or make it (32 random bytes, base64, readable by the service's user
 * only) when it does not exist yet. A file that is there but not a secret is refused, not replaced.
 */
export function readOrCreateSecret(file: string): Buffer {
  if (!existsSync(file)) {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (secret.length !== 32)
    throw new KeySecretError(`Tệp bí mật ${file} không đúng dạng (cần 32 byte, base64). Hãy chép lại tệp gốc từ bản sao lưu của máy chủ.`);
  return secret;
}
