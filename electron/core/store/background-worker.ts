// The background thread after a bulk write or when the kiosk is idle (started by background.ts):
// runs the writer's tidying statements (each its own transaction, e.g. merging the search index),
// then copies the write-ahead log into the database file and truncates it (store/wal.ts), on its
// own connection. The copy never blocks the kiosk's connection; a tidying statement waits for the
// write lock like any writer.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { checkpointAndTruncate, configureWal } from './wal';

const { file, tidy } = workerData as { file: string; tidy: string[] };
const db = new Database(file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  configureWal(db);
  for (const sql of tidy) db.prepare(sql).run();
  parentPort!.postMessage({ tidied: tidy.length, ...checkpointAndTruncate(db) });
} finally {
  db.close();
}
