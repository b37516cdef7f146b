// Key confirmation at pairing (HMAC-SHA256 from Node's crypto): each side proves it holds the key
// derived from the one-time code (pairing-codes.ts) without sending the code. The kiosk's proof
// covers its name and certificate request, the hub's covers the certificate it signed, so neither
// can be replayed for another request, and a machine in the middle that showed the kiosk another
// CA derived nothing the hub accepts (the CA's fingerprint is the derivation's salt).
import { createHmac, timingSafeEqual } from 'node:crypto';

function mac(key: Buffer, label: string, ...parts: (string | Buffer)[]): string {
  const hmac = createHmac('sha256', key).update(`${label}\0`);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    // Length-prefixed, so no two different sequences of parts hash the same.
    hmac.update(Buffer.from(bytes.length.toString(16).padStart(8, '0'))).update(bytes);
  }
  return hmac.digest('hex');
}

export const kioskProof = (key: Buffer, name: string, request: Buffer) => mac(key, 'kiosk', name, request);
export const hubProof = (key: Buffer, certificate: Buffer) => mac(key, 'hub', certificate);

export function sameProof(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'hex');
  const b = Buffer.from(expected, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
