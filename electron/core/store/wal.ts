// Keeping the write-ahead log small. Without a limit SQLite reuses the log from its start after a
// checkpoint but never shortens the file, so one large import left a 115 MB log beside a 93 MB
// database for good. `journal_size_limit` makes SQLite cut the log back whenever it resets it, and
// a truncating checkpoint after bulk writes and when the kiosk is idle (store/background.ts does it
// on the second core) empties it.
import type { Db } from './open';

/** What the log is cut back to when SQLite resets it (bytes). */
export const WAL_SIZE_LIMIT_BYTES = 8 * 1024 * 1024;

/** Every read-write connection the kiosk opens sets this. */
export function configureWal(db: Db): void {
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
}

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
  truncated: boolean;
}

/**
 * Copies the log into the database without blocking anyone (PASSIVE), then, when every frame got
 * copied, truncates the log to zero bytes. The TRUNCATE step waits for the write lock only for as
 * long as it takes to cut an already-copied file, so a checkout is held up for milliseconds at most.
 */
export function checkpointAndTruncate(db: Db): CheckpointResult {
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  let truncated = false;
  if (passive && passive.busy === 0 && passive.checkpointed === passive.log) {
    // While it waits, new writers wait too: give up after a moment rather than hold a checkout.
    const patience = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 100');
    try {
      const [cut] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      truncated = cut?.busy === 0;
    } finally {
      db.pragma(`busy_timeout = ${patience}`);
    }
  }
  return { ...(passive ?? { busy: 1, log: -1, checkpointed: -1 }), truncated };
}
