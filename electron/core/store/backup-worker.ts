// The backup thread (started by store/backup.ts): opens its own read-only connection to the
// kiosk's database and copies it on the second core, so a 100 MB backup and its integrity check
// never hold up the thread serving residents.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { KioskError } from '../errors';
import { copyVerified } from './backup-copy';

const { source, destination } = workerData as { source: string; destination: string };
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  const result = await copyVerified(db, destination);
  parentPort!.postMessage({ ok: true, result });
} catch (error) {
  const known = error instanceof KioskError ? error.toApiError() : undefined;
  parentPort!.postMessage({ ok: false, error: known ?? { message: (error as Error).message, code: (error as { code?: string }).code } });
} finally {
  db.close();
}
