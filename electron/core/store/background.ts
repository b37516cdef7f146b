// Finishing a bulk write on the second core. With SQLite's automatic checkpoint, the connection
// that commits a large transaction (a 200,000-record catalogue import writes about 300 MB of pages
// to the log) then copies them all into the database file before the commit returns; and some
// writers leave work that only makes later reads faster (merging the search index's segments).
// `writeInBulk` turns automatic checkpoints off for the write and hands both to a worker thread
// with its own connection, so the importing thread is free as soon as its data is committed. The
// data is durable in the log either way (synchronous=FULL); if the thread cannot run, the next
// automatic checkpoint copies the log and the index merges itself bit by bit (FTS5 automerge).
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import { startWorker } from '../worker-threads';
import type { Db } from './open';

/** Background work under way, with its thread when one started. */
const running = new Map<Promise<void>, Worker | undefined>();

export interface BulkWriteOptions {
  log?: Logger;
  /** Statements run after a successful write, each in its own transaction, before the checkpoint. */
  tidy?: string[];
}

/** Runs `write` with automatic checkpoints off, then tidies and checkpoints in a worker thread. */
export function writeInBulk<T>(db: Db, write: () => T, options: BulkWriteOptions = {}): T {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let written = false;
  try {
    const result = write();
    written = true;
    return result;
  } finally {
    db.pragma(`wal_autocheckpoint = ${pages}`);
    if (!db.memory) finishInBackground(db.name, written ? (options.tidy ?? []) : [], options.log);
  }
}

function finishInBackground(file: string, tidy: string[], log?: Logger): void {
  let worker: Worker | undefined;
  const done = new Promise<void>((resolve) => {
    try {
      worker = startWorker('store-background', { workerData: { file, tidy } });
      worker.once('message', (result: { tidied: number; log: number; checkpointed: number; truncated: boolean }) =>
        log?.log('info', 'store.bulk_write_finished', { tidied: result.tidied, pages: result.checkpointed, of: result.log, truncated: result.truncated }),
      );
      worker.once('error', (error) => log?.log('warn', 'store.background_thread_failed', { why: error.message.slice(0, 200) }));
      worker.once('exit', () => resolve());
      // Shutting down never waits for it: an interrupted checkpoint or merge is redone later.
      worker.unref();
    } catch (error) {
      log?.log('warn', 'store.background_thread_failed', { why: String(error).slice(0, 200) });
      resolve();
    }
  });
  running.set(done, worker);
  void done.then(() => running.delete(done));
}

/**
 * The idle trim: when the log has grown past its limit (small writes between bulk ones, a failed
 * background run), copy and truncate it on the second core. Called by the owner's timer.
 */
export function trimLogInBackground(db: Db, log?: Logger): void {
  if (db.memory || running.size > 0) return;
  finishInBackground(db.name, [], log);
}

/** Settles when every bulk write's background work has ended (tests, benchmarks). */
export async function backgroundWork(): Promise<void> {
  // Waited for, a thread must keep the process alive (an unreferenced one would let it exit mid-wait).
  for (const worker of running.values()) worker?.ref();
  await Promise.all([...running.keys()]);
}
