// Anti-guessing counters for secrets (staff PINs, resident PINs). Before the secret is checked
// (scrypt, asynchronous), one IMMEDIATE write transaction reads the counter, refuses a locked
// account, and counts the attempt, locking the account when this attempt is the last one allowed.
// The check-and-increment never spans the scrypt wait, so parallel attempts never act on a stale
// count: of N wrong PINs sent at once only `maxAttempts` are even checked, the rest are refused
// as locked, and a right PIN sent afterwards is refused like any other until the lock ends.
// A right PIN clears the counter (and a lock its own attempt set) when it is settled.
import type { Db } from '../store/open';

/** The tables that carry `failed_attempts` and `locked_until` beside a secret. */
export type GuardedTable = 'staff' | 'patron_pins';
const KEY_COLUMN: Record<GuardedTable, string> = { staff: 'id', patron_pins: 'patron_id' };

export interface AttemptPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

export type Reservation = { granted: true; last: boolean } | { granted: false; minutes: number };

interface CounterRow {
  failed_attempts: number;
  locked_until: string | null;
}

/** Minutes left on a lock, or 0 when the account is not locked at `now`. */
export function lockMinutesLeft(lockedUntil: string | null, now: number): number {
  if (!lockedUntil) return 0;
  const left = Date.parse(lockedUntil) - now;
  return left > 0 ? Math.ceil(left / 60000) : 0;
}

/** Counts one attempt before its secret is checked; `last` = this attempt locked the account unless it is right. */
export function reserveAttempt(db: Db, table: GuardedTable, id: number, now: number, policy: AttemptPolicy): Reservation {
  const key = KEY_COLUMN[table];
  const reserve = db.transaction((): Reservation => {
    const row = db.prepare(`SELECT failed_attempts, locked_until FROM ${table} WHERE ${key} = ?`).get(id) as CounterRow | undefined;
    if (!row) throw new Error(`${table} ${id} not found`);
    const minutes = lockMinutesLeft(row.locked_until, now);
    if (minutes > 0) return { granted: false, minutes };
    // An expired lock starts a fresh count.
    const attempts = (row.locked_until ? 0 : row.failed_attempts) + 1;
    const last = attempts >= policy.maxAttempts;
    db.prepare(`UPDATE ${table} SET failed_attempts = ?, locked_until = ? WHERE ${key} = ?`).run(
      attempts,
      last ? new Date(now + policy.lockMinutes * 60000).toISOString() : null,
      id,
    );
    return { granted: true, last };
  });
  return reserve.immediate();
}

/** A right secret: the counter starts again from zero. Runs `record` in the same transaction. */
export function clearAttempts(db: Db, table: GuardedTable, id: number, record?: () => void): void {
  db.transaction(() => {
    db.prepare(`UPDATE ${table} SET failed_attempts = 0, locked_until = NULL WHERE ${KEY_COLUMN[table]} = ?`).run(id);
    record?.();
  }).immediate();
}
