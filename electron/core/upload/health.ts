// The kiosk's health record for the provincial fleet page (issue #19): version, backup age, free
// disk, self-test failures, clone detection and recent upload errors. Machine facts only, shaped
// by the contract's strict schema. The self-test is costly (database quick check, printer query),
// so its failing ids are kept in meta and re-run at most once a day.
import { kioskHealth, type KioskHealth, type UploadErrorKind } from '#contract/upload';
import type { KioskContext } from '../context';
import { listBackups } from '../backup/daily';
import { getMeta, setMeta } from '../store/meta';
import type { Db } from '../store/open';
import { spaceReport } from '../store/space';
import { runSelfTest } from '../system/self-test';
import { VERSION } from '../version';
import { enrolledElsewhere } from './credentials';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SELF_TEST_EVERY_MS = DAY_MS;
/** Enough failure instants to count a day of backoff retries (at least 30 s apart). */
const MAX_FAILURES_KEPT = 200;
const META = {
  selfTestAt: 'health_self_test_at',
  selfTestFailures: 'health_self_test_failures',
  failures: 'upload_failures',
  lastError: 'upload_last_error',
} as const;

function recentFailures(db: Db, now: number): string[] {
  try {
    const list = JSON.parse(getMeta(db, META.failures) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((at): at is string => typeof at === 'string' && now - Date.parse(at) < DAY_MS) : [];
  } catch {
    return [];
  }
}

/** Remembers a failed attempt (kept across restarts: the fleet page wants the last 24 hours). */
export function recordUploadFailure(db: Db, now: number, kind: UploadErrorKind): void {
  const at = new Date(now).toISOString();
  db.transaction(() => {
    setMeta(db, META.failures, JSON.stringify([...recentFailures(db, now), at].slice(-MAX_FAILURES_KEPT)));
    setMeta(db, META.lastError, JSON.stringify({ at, kind }));
  })();
}

function lastError(db: Db): KioskHealth['uploadErrors']['last'] {
  try {
    const parsed = kioskHealth.shape.uploadErrors.shape.last.safeParse(JSON.parse(getMeta(db, META.lastError) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Failing self-test ids, from today's run (run now when the last one is a day old). */
async function selfTestFailures(ctx: KioskContext, now: number): Promise<string[]> {
  const at = Date.parse(getMeta(ctx.db, META.selfTestAt) ?? '');
  if (Number.isFinite(at) && now - at < SELF_TEST_EVERY_MS && now >= at) {
    return JSON.parse(getMeta(ctx.db, META.selfTestFailures) ?? '[]') as string[];
  }
  const report = await runSelfTest(ctx);
  const failing = report.checks.filter((c) => c.status === 'error').map((c) => c.id);
  ctx.db.transaction(() => {
    setMeta(ctx.db, META.selfTestAt, new Date(now).toISOString());
    setMeta(ctx.db, META.selfTestFailures, JSON.stringify(failing));
  })();
  return failing;
}

export async function healthRecord(ctx: KioskContext): Promise<KioskHealth> {
  const now = ctx.clock.now();
  const newest = listBackups(ctx.dataDir)[0];
  const space = spaceReport(ctx);
  const record = {
    sentAt: new Date(now).toISOString(),
    version: VERSION,
    backupAgeHours: newest ? Math.max(0, Math.floor((now - Date.parse(newest.at)) / HOUR_MS)) : null,
    freeDiskMb: space.freeBytes === null ? null : Math.floor(space.freeBytes / 1_048_576),
    diskLow: space.low,
    selfTestFailures: (await selfTestFailures(ctx, now)).slice(0, 20),
    cloned: enrolledElsewhere(ctx.db),
    uploadErrors: { last24h: recentFailures(ctx.db, now).length, last: lastError(ctx.db) },
  };
  // Our own schema first: a record the collector would refuse is a bug here, not there.
  return kioskHealth.parse(record);
}
