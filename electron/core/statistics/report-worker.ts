// The report thread (started by statistics/report-thread.ts): its own connection to the kiosk's
// database. Recomputing changed days writes (short transactions, statistics/staged-days.ts), so it
// waits for the write lock like any writer; everything else only reads.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { answerOnce } from '../worker-reply';
import { produceReport, type ReportJob } from './report-thread';

const { file, job } = workerData as { file: string; job: ReportJob };

/**
 * Longer than SQLite's longest wait between two looks at a busy lock (100 ms), so a resident's
 * checkout waiting on the kiosk's thread gets the lock between two batches of recomputed days.
 * Blocking is fine here: this thread has nothing else to do.
 */
const PAUSE_MS = 120;
const pause = () => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
await answerOnce(async () => {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // What this thread writes is derived (day figures recomputed from the events, each batch with
    // the marks it clears), so a commit need not wait for the disk: with a loaded disk each flush
    // took seconds while holding the write lock that a resident's checkout was waiting for. The
    // kiosk's next ordinary commit flushes the log up to there; a power cut before it only leaves
    // those days marked to be recomputed.
    db.pragma('synchronous = NORMAL');
    return await produceReport(db, job, pause);
  } finally {
    db.close();
  }
});
