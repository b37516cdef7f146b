// The backup thread (started by store/backup.ts): opens its own read-only connection to the
// kiosk's database and copies it on the second core, so a 100 MB backup and its integrity check
// never hold up the thread serving residents.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { answerOnce } from '../worker-reply';
import { copyVerified } from './backup-copy';

const { source, destination } = workerData as { source: string; destination: string };
await answerOnce(async () => {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    return await copyVerified(db, destination);
  } finally {
    db.close();
  }
});
