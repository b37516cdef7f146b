// The checkpoint thread (started by checkpoint.ts): copies the write-ahead log of a large
// transaction into the database file on its own connection, so the importing thread does not.
// PASSIVE never blocks the kiosk's connection; whatever it leaves, a later automatic checkpoint does.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const { file } = workerData as { file: string };
const db = new Database(file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  parentPort!.postMessage(result);
} finally {
  db.close();
}
