// The portal's push-signing key as this kiosk knows it. Set at enrolment. A kiosk enrolled before
// the portal had a key pins the one its first upload reply carries: the reply answers a request
// carrying the terminal's secret, over HTTPS to the collector it enrolled with, i.e. the channel
// enrolment itself trusted (trust on first use anchored on enrolment; docs/architecture.md,
// "Pushes"). Once pinned, no reply replaces it: a new key takes a new enrolment.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { getMeta, setMeta } from '../store/meta';
import type { Db } from '../store/open';

const KEY = 'portal_push_key';
const SOURCE = 'portal_push_key_source';

export type KeySource = 'enrolment' | 'first_upload';

export function pinPortalKey(db: Db, key: string | null, source: KeySource): void {
  if (key === null) {
    db.prepare('DELETE FROM meta WHERE key IN (?, ?)').run(KEY, SOURCE);
    return;
  }
  setMeta(db, KEY, key);
  setMeta(db, SOURCE, source);
}

export function portalKeyOf(db: Db): { key: string; source: KeySource } | undefined {
  const key = getMeta(db, KEY);
  return key ? { key, source: (getMeta(db, SOURCE) as KeySource | undefined) ?? 'enrolment' } : undefined;
}

function publicKey(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

/** Checks the portal's Ed25519 signature over the exact payload text; false on any malformed input. */
export function signedByPortal(raw: string, payload: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), publicKey(raw), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
