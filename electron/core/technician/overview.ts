// The staff home's figures and open issues, counted from the event log and, where the feature's
// table exists, its rows. Tables of other features are looked up first, so this works whatever
// features a build carries.
import type { StaffAttention, StaffOverview } from '#contract/technician';
import type { Db } from '../store/open';
import { localDay } from '../../../common/calendar';

function hasTable(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function countEvents(db: Db, day: string, type: string): number {
  return (db.prepare('SELECT count(*) AS n FROM events WHERE day = ? AND type = ?').get(day, type) as { n: number }).n;
}

/** Internet sessions started in the last day and not yet ended (from events, whatever the session table). */
export function activeInternetSessions(db: Db, now: number): number {
  const since = new Date(now - 24 * 60 * 60 * 1000).toISOString();
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM events s WHERE s.type = 'internet.session_started' AND s.at >= ?
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.type = 'internet.session_ended' AND e.at >= s.at
                         AND json_extract(e.payload, '$.sessionId') = json_extract(s.payload, '$.sessionId'))`,
    )
    .get(since) as { n: number };
  return row.n;
}

export interface OverviewInputs {
  /** From the self-test: the free megabytes when below the warning threshold (storage config), else null. */
  diskLowFreeMegabytes: number | null;
  /** Newest backup is older than two days (or none). */
  backupMissing: boolean;
  configProblem: boolean;
  identityResetAt: string | null;
  /** The next automatic anonymisation (rights/retention.ts): its day and how many residents; null when none is scheduled. */
  retentionNext: { day: string; count: number } | null;
}

export function staffOverview(db: Db, now: number, inputs: OverviewInputs): StaffOverview {
  const day = localDay(now);
  // A visit is a resident signing in to any service; several services in one visit count once per patron.
  const visits = (
    db.prepare("SELECT count(DISTINCT json_extract(payload, '$.patronId')) AS n FROM events WHERE day = ? AND type = 'patron.signed_in'").get(day) as {
      n: number;
    }
  ).n;
  const attention: StaffAttention[] = [];
  const pending = (db.prepare("SELECT count(*) AS n FROM patrons WHERE status = 'pending'").get() as { n: number }).n;
  if (pending > 0) attention.push({ id: 'registrations_pending', severity: 'info', count: pending, page: null });
  if (hasTable(db, 'loans')) {
    const overdue = (db.prepare('SELECT count(*) AS n FROM loans WHERE returned_at IS NULL AND due_date < ?').get(day) as { n: number }).n;
    if (overdue > 0) attention.push({ id: 'loans_overdue', severity: 'warning', count: overdue, page: null });
  }
  if (hasTable(db, 'upload_outbox')) {
    const failing = (db.prepare("SELECT count(*) AS n FROM upload_outbox WHERE state = 'pending' AND attempts >= 3").get() as { n: number }).n;
    if (failing > 0) attention.push({ id: 'upload_failing', severity: 'warning', count: failing, page: null });
  }
  if (inputs.diskLowFreeMegabytes !== null) attention.push({ id: 'disk_low', severity: 'error', count: inputs.diskLowFreeMegabytes, page: 'self-test' });
  if (inputs.backupMissing) attention.push({ id: 'backup_missing', severity: 'warning', count: null, page: 'backups' });
  if (inputs.configProblem) attention.push({ id: 'config_problem', severity: 'error', count: null, page: 'self-test' });
  if (inputs.retentionNext)
    attention.push({ id: 'retention_notice', severity: 'warning', count: inputs.retentionNext.count, page: 'patrons', day: inputs.retentionNext.day });
  if (inputs.identityResetAt) attention.push({ id: 'identity_reset', severity: 'warning', count: null, page: 'kiosk-info' });
  return {
    day,
    figures: {
      visits,
      loans: countEvents(db, day, 'loan.checkout'),
      returns: countEvents(db, day, 'loan.return'),
      internetSessions: countEvents(db, day, 'internet.session_started'),
    },
    attention,
  };
}
