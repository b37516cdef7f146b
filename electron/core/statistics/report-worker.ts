// The report thread (started by statistics/report-thread.ts): its own connection to the kiosk's
// database. Recomputing changed days writes (one short transaction, statistics/staged-days.ts), so
// it waits for the write lock like any writer; everything else only reads.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { answerOnce } from '../worker-reply';
import { produceReport, type ReportJob } from './report-thread';

const { file, job } = workerData as { file: string; job: ReportJob };
await answerOnce(async () => {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    return await produceReport(db, job);
  } finally {
    db.close();
  }
});
