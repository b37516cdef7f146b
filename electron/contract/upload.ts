// Upload contract, shared by the kiosk and the provincial collector: the enrolment exchange, the
// upload batch (aggregated day figures keyed by terminal, day and revision; nothing personal), the
// collector's replies, and the kiosk's upload status (staff methods + the 'upload.state' event).
import { z } from 'zod';
import { method, staff } from './define';
import { staffToken } from './staff';
import { MAX_PUSH_RESULTS, MAX_PUSHES_PER_REPLY, portalKey, pushResult, signedPush } from './pushes';
import { calendarDay, dayFigures } from './statistics';

export const UPLOAD_SCHEMA_VERSION = 1;
/** Largest request body the collector reads, compressed or not (a month of days fits in ~20 KB). */
export const MAX_UPLOAD_BYTES = 256 * 1024;
/** Days per batch: a month and a bit, so weeks offline drain in a few requests. */
export const MAX_DAYS_PER_BATCH = 62;

export const terminalId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'mã máy trạm gồm 8–64 chữ, số, - hoặc _');
export const communeCode = z.string().regex(/^\d{5}$/, 'mã xã gồm đúng 5 chữ số');

export const dayUpload = z
  .object({
    day: calendarDay,
    revision: z.number().int().min(1).max(1_000_000_000),
    figures: dayFigures,
  })
  .strict();
export type DayUpload = z.infer<typeof dayUpload>;

/** How the kiosk's last failed upload failed: a kind, never the message (which may quote a server). */
export const uploadErrorKind = z.enum(['unreachable', 'refused', 'bad_reply', 'server_error']);
export type UploadErrorKind = z.infer<typeof uploadErrorKind>;
const isoInstant = z.iso.datetime({ offset: true });

/**
 * The kiosk's health, sent with each upload (fleet health, issue #19). Strict and bounded: machine
 * facts only, no free text, nothing about residents; a record with any other field is refused.
 */
export const kioskHealth = z
  .object({
    /** The kiosk's clock when it sent the request: the collector derives the clock skew from it. */
    sentAt: isoInstant,
    version: z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/),
    /** Hours since the newest backup; null when there is none. */
    backupAgeHours: z.number().int().min(0).max(1_000_000).nullable(),
    freeDiskMb: z.number().int().min(0).max(100_000_000).nullable(),
    /** The kiosk's own verdict (its threshold: a week of use plus one backup, or the configured one). */
    diskLow: z.boolean(),
    /** Ids of the self-test checks that failed (status error), newest run. */
    selfTestFailures: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/)).max(20),
    /** This disk is a copy of an enrolled kiosk's: it reports under the original's credentials, never figures. */
    cloned: z.boolean(),
    uploadErrors: z
      .object({
        /** Failed upload attempts in the last 24 hours. */
        last24h: z.number().int().min(0).max(10_000),
        last: z.object({ at: isoInstant, kind: uploadErrorKind }).strict().nullable(),
      })
      .strict(),
  })
  .strict();
export type KioskHealth = z.infer<typeof kioskHealth>;

export const uploadBatch = z
  .object({
    schema: z.literal(UPLOAD_SCHEMA_VERSION),
    terminalId,
    software: z.string().max(40),
    days: z
      .array(dayUpload)
      .max(MAX_DAYS_PER_BATCH, `tối đa ${MAX_DAYS_PER_BATCH} ngày mỗi lần gửi`)
      .refine((days) => new Set(days.map((d) => d.day)).size === days.length, 'một ngày xuất hiện hai lần trong gói'),
    /** Optional (kiosks before issue #19 send none); a batch without days must carry it. */
    health: kioskHealth.optional(),
    /** What became of the portal's pushes since the last upload (optional, like health). */
    pushResults: z.array(pushResult).max(MAX_PUSH_RESULTS).optional(),
  })
  .strict()
  .refine((b) => b.days.length > 0 || b.health !== undefined || (b.pushResults?.length ?? 0) > 0, { path: ['days'], message: 'gói tải lên không có ngày nào' });
export type UploadBatch = z.infer<typeof uploadBatch>;

/** Canonical JSON (sorted keys): both sides hash figures this way, so equal figures = equal digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const dayResult = z.object({ day: z.string(), revision: z.number().int(), status: z.enum(['stored', 'duplicate']) });
export const uploadAccepted = z.object({
  ok: z.literal(true),
  days: z.array(dayResult),
  /** The portal's signing key, for kiosks enrolled before it had one (see docs/architecture.md, "Pushes"). */
  portalKey: portalKey.optional(),
  /** Signed pushes for this terminal that it has not reported on yet. */
  pushes: z.array(signedPush).max(MAX_PUSHES_PER_REPLY).optional(),
});
export const collectorError = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
  /** On 409: the revision the collector holds for each day it refused, so the kiosk can move past it. */
  stale: z.array(z.object({ day: z.string(), current: z.number().int() })).optional(),
});
export type CollectorError = z.infer<typeof collectorError>;

export const enrolRequest = z.object({ code: z.string().trim().min(6).max(40), software: z.string().max(40), kioskId: z.string().max(64).optional() }).strict();
export const enrolResponse = z.object({
  ok: z.literal(true),
  terminalId,
  secret: z.string().min(32).max(128),
  communeCode,
  communeName: z.string(),
  terminalName: z.string(),
  /** The portal's push-signing key (optional: older collectors have none). */
  portalKey: portalKey.optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

// ---- Kiosk side: what staff see ------------------------------------------------------------

export const uploadState = z.object({
  enrolled: z.boolean(),
  collectorUrl: z.string().nullable(),
  terminalId: z.string().nullable(),
  /** idle: nothing to do; sending; waiting: retrying after a failure; refused: the collector rejects this terminal. */
  phase: z.enum(['not_enrolled', 'idle', 'sending', 'waiting', 'refused']),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  pendingDays: z.number().int(),
  oldestPendingDay: z.string().nullable(),
  sentDays: z.number().int(),
  /** Notices of new content packs the portal pushed, newest first (shown to staff). */
  portalNotices: z.array(z.object({ title: z.string(), body: z.string(), receivedAt: z.string() })),
  /** The portal's signing key this kiosk trusts (keyFingerprint), and how it learnt it; null: none yet. */
  portalKey: z.object({ fingerprint: z.string(), source: z.enum(['enrolment', 'first_upload']) }).nullable(),
});
export type UploadState = z.infer<typeof uploadState>;

export const uploadMethods = {
  'upload.status': method(z.object({ staffToken }).strict(), uploadState, staff),
  'upload.now': method(z.object({ staffToken }).strict(), z.object({ sentDays: z.number().int(), state: uploadState }), staff),
};

export const uploadEvents = {
  'upload.state': uploadState,
};
