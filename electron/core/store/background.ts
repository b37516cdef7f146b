// Copying the write-ahead log into the database file on the second core, when the kiosk is idle
// and the log has grown (small writes add up; an import's own thread checkpoints after itself,
// catalogue/import-worker.ts). A worker thread with its own connection does it, so the thread
// serving residents never waits for the copy; if the thread cannot run, the next automatic
// checkpoint copies the log instead.
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../log';
import { startWorker } from '../worker-threads';
import type { Db } from './open';

/** Background work under way, with its thread when one started. */
const running = new Map<Promise<void>, Worker | undefined>();

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
