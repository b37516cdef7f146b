// Checkpointing after a large write, on the second core. With SQLite's automatic checkpoint, the
// connection that commits a large transaction (a 200,000-record catalogue import writes about
// 300 MB of pages to the log) then copies them all into the database file before the commit
// returns. A bulk writer turns that off for its transaction (`withoutAutoCheckpoint`) and hands the
// copy to a worker thread with its own connection. The data is durable in the log either way
// (synchronous=FULL); if the thread cannot run, the next automatic checkpoint does the work.
import type { Logger } from '../log';
import { startWorker } from '../worker-threads';
import type { Db } from './open';

const running = new Set<Promise<void>>();

/** Runs `write` with automatic checkpoints off, then checkpoints in a worker thread. */
export function withoutAutoCheckpoint<T>(db: Db, write: () => T, log?: Logger): T {
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    return write();
  } finally {
    db.pragma(`wal_autocheckpoint = ${pages}`);
    if (!db.memory) checkpointInBackground(db.name, log);
  }
}

function checkpointInBackground(file: string, log?: Logger): void {
  const done = new Promise<void>((resolve) => {
    try {
      const worker = startWorker('store-checkpoint', { workerData: { file } });
      worker.once('message', (result: { log: number; checkpointed: number }) => log?.log('info', 'store.checkpointed', { pages: result.checkpointed, of: result.log }));
      worker.once('error', (error) => log?.log('warn', 'store.checkpoint_thread_failed', { why: error.message.slice(0, 200) }));
      worker.once('exit', () => resolve());
      // Shutting down never waits for it: an interrupted checkpoint is redone later.
      worker.unref();
    } catch (error) {
      log?.log('warn', 'store.checkpoint_thread_failed', { why: String(error).slice(0, 200) });
      resolve();
    }
  });
  running.add(done);
  void done.then(() => running.delete(done));
}

/** Settles when every background checkpoint has ended (tests, benchmarks, closing a database). */
export async function backgroundCheckpoints(): Promise<void> {
  await Promise.all([...running]);
}
