// The portal's pushes to kiosks (issue #19): its Ed25519 key (made at first start with Node's
// crypto, kept server-side in the store), and a push as the administrator creates it — content
// checked with the same schema the kiosks apply, then signed over its exact envelope text.
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { envelopeText, pushContents, type PushKind } from '#contract/pushes';
import type { CollectorStore } from './store/types';

export interface PortalKey {
  /** Raw public key, base64url: what kiosks pin. */
  publicKey: string;
  privateKey: string;
}

function makeKey(now: number) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return { publicKey: jwk.x, privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), createdAt: new Date(now).toISOString() };
}

const cache = new WeakMap<CollectorStore, Promise<PortalKey>>();

/** The portal's key, made and stored the first time any process asks (the collector asks at start). */
export function portalKey(store: CollectorStore, now: () => number): Promise<PortalKey> {
  let key = cache.get(store);
  if (!key) {
    key = store.signingKey(() => makeKey(now()));
    key.catch(() => cache.delete(store));
    cache.set(store, key);
  }
  return key;
}

export interface PushInput {
  kind: PushKind;
  /** null: every commune. */
  communes: string[] | null;
  content: unknown;
  expiresAt: string;
  createdBy: number;
}

export type PushCreation = { ok: true; id: number } | { ok: false; message: string };

export async function createPush(store: CollectorStore, input: PushInput, now: number): Promise<PushCreation> {
  const parsed = pushContents[input.kind].safeParse(input.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `Nội dung chưa hợp lệ ở "${issue.path.join('.') || input.kind}": ${issue.message}. Hãy sửa rồi gửi lại.` };
  }
  if (Date.parse(input.expiresAt) <= now) return { ok: false, message: 'Ngày hết hạn phải sau hôm nay. Hãy chọn ngày khác.' };
  const key = await portalKey(store, () => now);
  const content = parsed.data as Record<string, unknown>;
  const summary = input.kind === 'blocklist' ? (content.hosts as string[]).join(', ').slice(0, 200) : String(content.title);
  const issuedAt = new Date(now).toISOString();
  const id = await store.createPush(
    { kind: input.kind, communes: input.communes, summary, createdBy: input.createdBy, createdAt: issuedAt, expiresAt: input.expiresAt },
    (pushId) => {
      const payload = envelopeText({ id: pushId, kind: input.kind, issuedAt, expiresAt: input.expiresAt, communes: input.communes, content });
      return { payload, signature: sign(null, Buffer.from(payload, 'utf8'), createPrivateKey(key.privateKey)).toString('base64url') };
    },
  );
  return { ok: true, id };
}
