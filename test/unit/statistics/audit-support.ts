// The audit's bench: a bare store, events recorded at chosen Vietnam-time instants through the
// features' own recordEvent (with a FakeClock set to each instant), then the figures read back
// two ways a person meets them: the commune's period report (buildReport) and the upload payload
// as the collector receives it (the outbox batch, gzip bytes, the collector's validation and the
// totals it stores).
import { gunzipSync } from 'node:zlib';
import { parsePeriod, type IndicatorKey, type StatisticsReport } from '#contract/statistics';
import { UPLOAD_SCHEMA_VERSION, type UploadBatch } from '#contract/upload';
import { FakeClock } from '../../../electron/core/clock';
import { statisticsSection } from '../../../electron/core/statistics/config';
import { buildReport } from '../../../electron/core/statistics/report';
import { recordEvent, type EventPayloadOf, type EventType } from '../../../electron/core/store/event-types';
import type { Db } from '../../../electron/core/store/open';
import { markSent, pendingBatch } from '../../../electron/core/upload/outbox';
import { encodeBatch } from '../../../electron/core/upload/uploader';
import { toStoredDays, validateUpload } from '../../../collector/validate';

/** A Vietnam wall-clock time, '2028-02-29 23:50', as an instant (the machine's TZ plays no part). */
export const vn = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);

/** Records events as the features do, each at the instant the clock is set to. */
export class Day {
  readonly clock = new FakeClock(0);
  constructor(readonly db: Db) {}
  at<T extends EventType>(local: string, type: T, payload: EventPayloadOf<T>): this {
    this.clock.jumpWall(vn(local) - this.clock.now());
    this.db.transaction(() => recordEvent(this.db, this.clock, type, payload))();
    return this;
  }
}

export interface Audited {
  report: StatisticsReport;
  /** An indicator as the commune's report shows it for the period. */
  reported(key: IndicatorKey): number;
  /** The uploaded day figures, as the collector validated them. */
  uploaded: UploadBatch['days'];
  /** A day indicator summed over the period's days the collector holds (its totals columns). */
  stored(key: IndicatorKey): number;
}

/**
 * What a collector holds for this kiosk: the latest revision of each day (it replaces, never adds).
 * Each audit sends what is pending and marks it acknowledged, as the uploader does on success.
 */
const held = new WeakMap<Db, Map<string, Record<string, number>>>();

/** Reports `period` as of `nowLocal`, then takes the upload batch the uploader would send. */
export function audit(db: Db, period: string, nowLocal: string, residents: number | null = null): Audited {
  const now = vn(nowLocal);
  const report = buildReport(
    { db, now, library: { name: 'Thư viện xã Kiểm Tra', communeCode: '12345' }, statistics: statisticsSection.parse({ residents }), generatedBy: 'audit' },
    parsePeriod(period)!,
  );
  const days = pendingBatch(db);
  const batch: UploadBatch = { schema: UPLOAD_SCHEMA_VERSION, terminalId: 'audit-terminal-1', software: 'kiosk/test', days };
  const received = JSON.parse(gunzipSync(encodeBatch(batch)).toString('utf8')) as unknown;
  const validated = days.length ? validateUpload(received, now) : ({ ok: true, batch } as const);
  if (!validated.ok) throw new Error(validated.message);
  let collector = held.get(db);
  if (!collector) held.set(db, (collector = new Map()));
  for (const day of days.length ? toStoredDays(validated.batch) : []) collector.set(day.day, day.totals as Record<string, number>);
  markSent(
    db,
    days.map((d) => ({ day: d.day, revision: d.revision })),
    now,
  );
  const { from, to } = report.period;
  return {
    report,
    reported: (key) => report.rows.find((r) => r.indicator === key)!.current,
    uploaded: validated.batch.days,
    stored: (key) => [...collector.entries()].filter(([day]) => day >= from && day <= to).reduce((n, [, totals]) => n + (totals[key] ?? 0), 0),
  };
}

export const woman = { category: 'adult', gender: 'female', ageBand: '36-59' } as const;
export const boy = { category: 'child', gender: 'male', ageBand: '6-14' } as const;
export const grandpa = { category: 'senior', gender: 'male', ageBand: '60+' } as const;
export const guest = { category: 'guest', gender: 'unknown', ageBand: 'unknown' } as const;

type Who = typeof woman | typeof boy | typeof grandpa;

export const signIn = (d: Day, local: string, patronId: number, who: Who, service: 'circulation' | 'internet' | 'eresources' = 'circulation') =>
  d.at(local, 'patron.signed_in', { patronId, service, method: 'card', ...who });
export const lend = (d: Day, local: string, loanId: number, patronId: number, who: Who, kind: 'own' | 'rotation' = 'own') =>
  d.at(local, 'loan.checkout', { loanId, patronId, itemId: loanId, recordId: loanId, collectionKind: kind, dueDate: '2028-03-14', overrideBy: null, ...who });
export const renew = (d: Day, local: string, loanId: number, patronId: number, who: Who, kind: 'own' | 'rotation' = 'own') =>
  d.at(local, 'loan.renew', { loanId, patronId, itemId: loanId, collectionKind: kind, dueDate: '2028-03-28', ...who });
export const giveBack = (d: Day, local: string, loanId: number, patronId: number, who: Who, kind: 'own' | 'rotation' = 'own') =>
  d.at(local, 'loan.return', { loanId, patronId, itemId: loanId, collectionKind: kind, overdueDays: 0, ...who });

/** Adds a patron row as registration leaves it (state for active cards). */
export function addPatron(db: Db, card: string, expiry: string, createdAt: string, status: 'active' | 'blocked' = 'active'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO patrons (card_number, full_name, birth_year, gender, category, card_expiry, status, created_at) VALUES (?, 'Bạn đọc kiểm tra', 1980, 'female', 'adult', ?, ?, ?)`,
      )
      .run(card, expiry, status, createdAt).lastInsertRowid,
  );
}
