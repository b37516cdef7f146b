// The background thread after a bulk write (started by background.ts): runs the writer's tidying
// statements (each its own transaction, e.g. merging the search index) and then copies the
// write-ahead log into the database file, on its own connection. A PASSIVE checkpoint never blocks
// the kiosk's connection; a tidying statement waits for the write lock like any writer.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file, tidy } = workerData as { file: string; tidy: string[] };
const db = new Database(file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  for (const sql of tidy) db.prepare(sql).run();
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  parentPort!.postMessage({ tidied: tidy.length, ...result });
} finally {
  db.close();
}
