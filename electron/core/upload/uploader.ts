// The background uploader: stages changed days into the outbox and sends them, oldest first, as
// gzip JSON over HTTPS with the terminal's bearer credentials. Failures back off exponentially
// with jitter (capped at an hour, so a kiosk offline for weeks catches up within the hour it is
// back); one run drains the whole backlog. Nothing here ever blocks a resident's action.
import { gzipSync } from 'node:zlib';
import {
  collectorError,
  uploadAccepted,
  UPLOAD_SCHEMA_VERSION,
  type KioskHealth,
  type UploadBatch,
  type UploadErrorKind,
  type UploadState,
} from '#contract/upload';
import type { KioskContext } from '../context';
import { getMeta, setMeta } from '../store/meta';
import type { Db } from '../store/open';
import { VERSION } from '../version';
import { endpoint, enrolledElsewhere, readCredentials, type Credentials } from './credentials';
import { healthRecord, recordUploadFailure } from './health';
import { markReported, portalNotices, receivePushes, unreportedResults } from './pushes';
import { keyFingerprint, type PushResult, type SignedPush } from '#contract/pushes';
import { portalKeyOf } from './portal-key';
import { stageDirtyDays } from '../statistics/staged-days';
import { bumpRevisions, countAttempt, markSent, outboxCounts, pendingBatch } from './outbox';

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A safety bound on batches per run (62 days each: far beyond any real backlog). */
const MAX_BATCHES_PER_RUN = 500;
/** Requests per run without days (health, push results): a collector cannot keep a kiosk talking. */
const MAX_REPORTS_PER_RUN = 3;

/** Exponential backoff with "equal jitter": half fixed, half random, so kiosks never retry in step. */
export function backoffDelay(failures: number, random: () => number = Math.random, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export class UploadFailure extends Error {
  constructor(
    message: string,
    readonly refused = false,
    /** For the health record: how it failed, without the message. */
    readonly kind: UploadErrorKind = refused ? 'refused' : 'server_error',
  ) {
    super(message);
  }
}

/** Builds the exact bytes sent for a batch (exported for the size benchmark and privacy test). */
export function encodeBatch(batch: UploadBatch): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(batch)));
}

interface BatchReply {
  acknowledged: { day: string; revision: number }[];
  stale?: { day: string; current: number }[];
  portalKey?: string | undefined;
  pushes?: SignedPush[] | undefined;
}

async function postBatch(creds: Credentials, batch: UploadBatch, fetchImpl: typeof fetch): Promise<BatchReply> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint(creds.collectorUrl, 'api/upload'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${creds.terminalId}.${creds.secret}` },
      body: new Uint8Array(encodeBatch(batch)),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new UploadFailure(`Không kết nối được máy chủ thống kê (${(error as Error).message}).`, false, 'unreachable');
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok) {
    const parsed = uploadAccepted.safeParse(body);
    if (!parsed.success) throw new UploadFailure(`Máy chủ thống kê trả lời không đúng định dạng (HTTP ${response.status}).`, false, 'bad_reply');
    return { acknowledged: parsed.data.days, portalKey: parsed.data.portalKey, pushes: parsed.data.pushes };
  }
  const error = collectorError.safeParse(body);
  const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
  if (response.status === 409 && error.success && error.data.stale?.length) return { acknowledged: [], stale: error.data.stale };
  if (response.status === 401 || response.status === 403) throw new UploadFailure(`Máy chủ thống kê từ chối máy trạm này: ${message}`, true);
  throw new UploadFailure(`Máy chủ thống kê báo lỗi: ${message}`);
}

export interface UploaderOptions {
  fetch?: typeof fetch;
  random?: () => number;
}

export class Uploader {
  private failures = 0;
  private phase: UploadState['phase'] = 'idle';
  private nextAttemptAt: number | null = null;
  private lastError: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<{ sentDays: number }> | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: KioskContext,
    private readonly options: UploaderOptions = {},
  ) {}

  private get db(): Db {
    return this.ctx.db;
  }

  status(): UploadState {
    const creds = readCredentials(this.db);
    const counts = outboxCounts(this.db);
    const pinned = portalKeyOf(this.db);
    return {
      enrolled: creds !== undefined,
      collectorUrl: creds?.collectorUrl ?? null,
      terminalId: creds?.terminalId ?? null,
      phase: creds ? this.phase : 'not_enrolled',
      lastSuccessAt: getMeta(this.db, 'upload_last_success_at') ?? null,
      lastAttemptAt: getMeta(this.db, 'upload_last_attempt_at') ?? null,
      lastError: creds ? this.lastError : enrolledElsewhere(this.db) ? 'Máy này là bản sao ổ đĩa của máy trạm khác: hãy đăng ký lại bằng "kiosk enrol".' : null,
      nextAttemptAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
      ...counts,
      portalNotices: portalNotices(this.db),
      portalKey: pinned ? { fingerprint: keyFingerprint(pinned.key), source: pinned.source } : null,
    };
  }

  private publish(): void {
    try {
      this.ctx.bus.emit('upload.state', this.status());
    } catch {
      // The database may be closing; the state is re-read on the next status call anyway.
    }
  }

  /** Sends everything pending now; concurrent callers share one run. Throws UploadFailure. */
  runNow(): Promise<{ sentDays: number }> {
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** The health record, or none when it cannot be made (figures are never held up by it). */
  private async health(): Promise<KioskHealth | undefined> {
    try {
      return await healthRecord(this.ctx);
    } catch (error) {
      this.ctx.log.log('warn', 'upload.health_failed', { error: String((error as Error)?.message ?? error).slice(0, 200) });
      return undefined;
    }
  }

  private batch(creds: Credentials, days: UploadBatch['days'], health: KioskHealth | undefined, pushResults: PushResult[] = []): UploadBatch {
    // sentAt is the instant of this request: the collector reads the clock skew from it.
    const stamped = health && { ...health, sentAt: new Date(this.ctx.clock.now()).toISOString() };
    return {
      schema: UPLOAD_SCHEMA_VERSION,
      terminalId: creds.terminalId,
      software: `kiosk/${VERSION}`,
      days,
      ...(stamped ? { health: stamped } : {}),
      ...(pushResults.length ? { pushResults } : {}),
    };
  }

  /** A disk copy of an enrolled kiosk tells the collector so under the original's credentials, then stops. */
  private async reportCopy(fetchImpl: typeof fetch): Promise<void> {
    const copied = readCredentials(this.db, { evenIfCopied: true });
    const health = await this.health();
    if (!copied || !health) return;
    await postBatch(copied, this.batch(copied, [], { ...health, cloned: true }), fetchImpl).catch(() => undefined);
  }

  private async drain(): Promise<{ sentDays: number }> {
    const creds = readCredentials(this.db);
    const fetchImpl = this.options.fetch ?? fetch;
    if (!creds) {
      if (enrolledElsewhere(this.db)) {
        await this.reportCopy(fetchImpl);
        throw new UploadFailure('Máy này là bản sao ổ đĩa của máy trạm khác: hãy đăng ký lại bằng "kiosk enrol" với mã mới của thư viện tỉnh.', true);
      }
      throw new UploadFailure('Kiosk chưa đăng ký với máy chủ thống kê của thư viện tỉnh. Kỹ thuật viên chạy "kiosk enrol ĐỊA_CHỈ MÃ_ĐĂNG_KÝ".', true);
    }
    this.phase = 'sending';
    this.publish();
    let sentDays = 0;
    try {
      stageDirtyDays(this.db, this.ctx.clock.now());
      const health = await this.health();
      // Every run reaches the collector at least once (the health record alone when no day is pending),
      // so a quiet reading room is not mistaken for a silent kiosk.
      // The portal's pushes come back in the replies; what became of them goes out in the next request.
      let reports = 0;
      for (let round = 0; round < MAX_BATCHES_PER_RUN; round++) {
        const days = pendingBatch(this.db);
        const results = unreportedResults(this.db);
        if (days.length === 0 && ((results.length === 0 && (round > 0 || !health)) || ++reports > MAX_REPORTS_PER_RUN)) break;
        setMeta(this.db, 'upload_last_attempt_at', new Date(this.ctx.clock.now()).toISOString());
        countAttempt(
          this.db,
          days.map((d) => d.day),
        );
        const result = await postBatch(creds, this.batch(creds, days, health, results), fetchImpl);
        if (result.stale) {
          bumpRevisions(this.db, result.stale);
          continue;
        }
        markReported(this.db, results, this.ctx.clock.now());
        receivePushes(this.ctx, creds.communeCode, result);
        sentDays += markSent(this.db, result.acknowledged, this.ctx.clock.now());
        // Events that arrived while we were sending: stage them so this run takes them too.
        stageDirtyDays(this.db, this.ctx.clock.now());
      }
      setMeta(this.db, 'upload_last_success_at', new Date(this.ctx.clock.now()).toISOString());
      this.failures = 0;
      this.lastError = null;
      this.phase = 'idle';
      return { sentDays };
    } catch (error) {
      this.failures++;
      const failure = error instanceof UploadFailure ? error : new UploadFailure(String((error as Error)?.message ?? error));
      this.lastError = failure.message;
      try {
        recordUploadFailure(this.db, this.ctx.clock.now(), failure.kind);
      } catch {
        // The database may be closing; the failure is still reported to the caller.
      }
      this.phase = failure.refused ? 'refused' : 'waiting';
      throw failure;
    } finally {
      this.publish();
    }
  }

  /** Starts the background loop (first attempt shortly after start). */
  start(firstDelayMs = 20_000): void {
    if (!this.ctx.config.statistics.upload.enabled) return;
    this.schedule(firstDelayMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.nextAttemptAt = this.ctx.clock.now() + delayMs;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A pending upload never keeps a CLI command or a closing kiosk alive.
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const interval = this.ctx.config.statistics.upload.intervalMinutes * 60_000;
    if (!readCredentials(this.db)) return this.schedule(interval);
    try {
      await this.runNow();
      this.schedule(interval);
    } catch (error) {
      this.ctx.log.log('warn', 'upload.failed', { failures: this.failures, refused: (error as UploadFailure).refused ?? false });
      // A refused terminal waits for the technician; still retry now and then (it may be re-enabled).
      this.schedule(this.phase === 'refused' ? 6 * BACKOFF_CAP_MS : backoffDelay(this.failures, this.options.random));
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.nextAttemptAt = null;
  }
}
