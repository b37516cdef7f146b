// The terminal's upload credentials from enrolment, kept in the meta table, and the enrolment
// exchange itself (one-time code → terminal id + secret). Credentials are bound to the local
// terminal identity: a cloned disk gets a new identity and must be enrolled again.
import { randomBytes } from 'node:crypto';
import { enrolResponse, type EnrolResponse } from '#contract/upload';
import { KioskError, refused } from '../errors';
import { getMeta, setMeta } from '../store/meta';
import type { Db } from '../store/open';
import { VERSION } from '../version';
import { pinPortalKey } from './portal-key';

const KEYS = {
  url: 'upload_collector_url',
  terminal: 'upload_terminal_id',
  secret: 'upload_secret',
  boundTo: 'upload_bound_terminal',
  commune: 'upload_commune',
} as const;

/**
 * This machine's terminal identity (meta 'terminal_id'). The technician feature creates it at first
 * start; this creates one on demand when it is missing (same format), so uploads never lack one.
 */
export function localTerminalId(db: Db): string {
  const stored = getMeta(db, 'terminal_id');
  if (stored) return stored;
  const id = `kiosk-${randomBytes(12).toString('base64url')}`;
  setMeta(db, 'terminal_id', id);
  return id;
}

export interface Credentials {
  collectorUrl: string;
  terminalId: string;
  secret: string;
  communeCode: string;
}

/**
 * This kiosk's credentials. `evenIfCopied` also returns those a disk copy carries from the machine
 * it was copied from: used only to report the copy itself to the collector, never to send figures.
 */
export function readCredentials(db: Db, { evenIfCopied = false } = {}): Credentials | undefined {
  const [collectorUrl, terminalId, secret, boundTo, communeCode] = [KEYS.url, KEYS.terminal, KEYS.secret, KEYS.boundTo, KEYS.commune].map((k) =>
    getMeta(db, k),
  );
  if (!collectorUrl || !terminalId || !secret) return undefined;
  // Enrolled on another machine whose disk was copied here: these credentials are not ours.
  if (!evenIfCopied && boundTo && getMeta(db, 'terminal_id') !== boundTo) return undefined;
  return { collectorUrl, terminalId, secret, communeCode: communeCode ?? '' };
}

/** Was this database enrolled on a machine whose identity is not this one's? */
export function enrolledElsewhere(db: Db): boolean {
  const boundTo = getMeta(db, KEYS.boundTo);
  return Boolean(getMeta(db, KEYS.secret) && boundTo && getMeta(db, 'terminal_id') !== boundTo);
}

/** HTTPS, or plain HTTP only to this machine (tests, a collector on the same PC). */
export function checkCollectorUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused('bad_url', `Địa chỉ máy chủ thống kê "${text.slice(0, 100)}" không hợp lệ. Hãy nhập dạng https://thuvien.tinh.gov.vn/thong-ke.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw refused(
      'insecure_url',
      'Máy chủ thống kê phải dùng https:// (chỉ cho phép http:// tới chính máy này). Hãy kiểm tra lại địa chỉ do thư viện tỉnh cung cấp.',
    );
  }
  return url;
}

export function endpoint(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

/** Exchanges a one-time enrolment code for credentials and stores them. */
export async function enrol(db: Db, collectorUrl: string, code: string, fetchImpl: typeof fetch = fetch): Promise<EnrolResponse> {
  const base = checkCollectorUrl(collectorUrl).toString();
  const kioskId = localTerminalId(db);
  let response: Response;
  try {
    response = await fetchImpl(endpoint(base, 'api/enrol'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim(), software: `kiosk/${VERSION}`, kioskId }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new KioskError(
      'unavailable',
      `Không kết nối được máy chủ thống kê ${base} (${(error as Error).message}). Hãy kiểm tra mạng và địa chỉ rồi thử lại.`,
      {
        reason: 'collector_unreachable',
      },
    );
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) {
    throw refused('enrol_refused', `Máy chủ thống kê từ chối mã đăng ký: ${body.error?.message ?? `HTTP ${response.status}`}`);
  }
  const parsed = enrolResponse.safeParse(body);
  if (!parsed.success)
    throw new KioskError(
      'unavailable',
      'Máy chủ thống kê trả lời không đúng định dạng. Hãy kiểm tra địa chỉ (có đúng là máy chủ thống kê của thư viện tỉnh?).',
    );
  db.transaction(() => {
    setMeta(db, KEYS.url, base);
    setMeta(db, KEYS.terminal, parsed.data.terminalId);
    setMeta(db, KEYS.secret, parsed.data.secret);
    setMeta(db, KEYS.commune, parsed.data.communeCode);
    setMeta(db, KEYS.boundTo, kioskId);
    // Enrolment is the moment of trust: it sets (or, from a collector without one, forgets) the push-signing key.
    pinPortalKey(db, parsed.data.portalKey ?? null, 'enrolment');
  })();
  return parsed.data;
}
