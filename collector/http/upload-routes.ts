// The kiosks' side of the collector: POST /api/enrol exchanges a one-time code for a terminal
// secret; POST /api/upload stores authenticated, idempotent day figures and the kiosk's health
// record. New fields are optional, so kiosks enrolled before keep working unchanged.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canonicalJson, enrolRequest } from '#contract/upload';
import { MAX_PUSHES_PER_REPLY } from '#contract/pushes';
import { healthReasons } from '../fleet';
import { portalKey } from '../pushes';
import { hashSecret, newSecret, normaliseCode, parseBearer, secretMatches } from '../credentials';
import type { AuthRow, CollectorStore } from '../store/types';
import { toStoredDays, validateUpload } from '../validate';
import { HttpError } from './errors';

const ENROL_MESSAGES = {
  unknown: 'Mã đăng ký không đúng hoặc đã được dùng. Hãy xin thư viện tỉnh cấp mã mới.',
  used: 'Mã đăng ký đã được dùng. Hãy xin thư viện tỉnh cấp mã mới.',
  expired: 'Mã đăng ký đã hết hạn. Hãy xin thư viện tỉnh cấp mã mới.',
  revoked: 'Máy trạm này đã bị thu hồi. Hãy liên hệ thư viện tỉnh.',
} as const;

declare module 'fastify' {
  interface FastifyRequest {
    terminal?: AuthRow;
  }
}

export interface UploadRouteOptions {
  store: CollectorStore;
  now: () => number;
  enrolRateLimit: { max: number; timeWindow: number };
}

export function uploadRoutes(app: FastifyInstance, { store, now, enrolRateLimit }: UploadRouteOptions): void {
  app.post('/api/enrol', { config: { rateLimit: enrolRateLimit }, schema: { body: enrolRequest } }, async (req) => {
    const body = req.body as { code: string; kioskId?: string };
    const secret = newSecret();
    const result = await store.redeemCode(hashSecret(normaliseCode(body.code)), hashSecret(secret), body.kioskId ?? null, new Date(now()).toISOString());
    if (!result.ok)
      throw new HttpError(result.reason === 'revoked' ? 403 : result.reason === 'expired' ? 410 : 404, `enrol_${result.reason}`, ENROL_MESSAGES[result.reason]);
    const t = result.terminal;
    const key = await portalKey(store, now);
    return { ok: true, terminalId: t.id, secret, communeCode: t.communeCode, communeName: t.communeName, terminalName: t.name, portalKey: key.publicKey };
  });

  // Authenticated before the body is read: an unknown terminal costs us nothing.
  async function authenticate(req: FastifyRequest) {
    const bearer = parseBearer(req.headers.authorization);
    if (!bearer) throw new HttpError(401, 'no_credentials', 'Thiếu thông tin xác thực máy trạm. Hãy đăng ký kiosk bằng "kiosk enrol".');
    const auth = await store.authRow(bearer.terminalId);
    if (!auth) throw new HttpError(401, 'unknown_terminal', 'Máy trạm chưa được đăng ký với thư viện tỉnh.');
    if (auth.revokedAt) throw new HttpError(403, 'revoked', 'Máy trạm này đã bị thu hồi. Hãy liên hệ thư viện tỉnh để đăng ký lại.');
    if (!secretMatches(bearer.secret, auth.secretHash))
      throw new HttpError(401, 'bad_credentials', 'Thông tin xác thực máy trạm không đúng. Hãy đăng ký lại kiosk.');
    req.terminal = auth;
  }

  app.post('/api/upload', { onRequest: authenticate }, async (req) => {
    const auth = req.terminal!;
    const validation = validateUpload(req.body, now());
    const batch = validation.batch;
    if (batch && batch.terminalId !== auth.id) throw new HttpError(403, 'terminal_mismatch', 'Gói số liệu ghi mã máy trạm khác với thông tin xác thực.');
    const at = new Date(now()).toISOString();
    if (batch?.health?.cloned) {
      // A disk copy of this terminal, on another PC, carrying its credentials: it reports itself and
      // nothing else (its figures would be counted twice); the terminal's own record is left as it is.
      if (batch.days.length)
        throw new HttpError(422, 'clone_figures', 'Máy này là bản sao ổ đĩa của máy trạm khác nên không được gửi số liệu. Hãy đăng ký lại máy bằng mã mới.');
      await store.recordClone(auth.id, at);
      return { ok: true, days: [] };
    }
    if (batch?.health) {
      // Skew from the kiosk's stated sending time and our clock at receipt (a request takes well under a second).
      // Kept even when the days are refused for their dates: a clock far ahead is exactly what the fleet page must show.
      const skewSeconds = Math.round((Date.parse(batch.health.sentAt) - now()) / 1000);
      await store.recordHealth(auth.id, canonicalJson(batch.health), skewSeconds, healthReasons(batch.health, skewSeconds), at);
    }
    // What the kiosk did with earlier pushes counts even if its days are refused below.
    if (batch?.pushResults) await store.recordPushResults(auth.id, batch.pushResults, at);
    if (!validation.ok) throw new HttpError(422, 'invalid_payload', validation.message);
    const result = await store.applyUpload(auth.id, auth.communeCode, validation.batch.software, toStoredDays(validation.batch), at);
    if (!result.ok) {
      throw new HttpError(
        409,
        'stale_revision',
        'Máy chủ đã có số liệu mới hơn (hoặc khác) cho một số ngày; không lưu gì. Kiosk sẽ gửi lại với phiên bản mới.',
        { stale: result.stale },
      );
    }
    // Pushes for this terminal ride on the reply (signed; the kiosk verifies them), with the key for kiosks enrolled before it existed.
    const [key, pushes] = await Promise.all([portalKey(store, now), store.pushesFor(auth.id, auth.communeCode, at, MAX_PUSHES_PER_REPLY)]);
    return { ok: true, days: result.days, portalKey: key.publicKey, ...(pushes.length ? { pushes } : {}) };
  });
}
