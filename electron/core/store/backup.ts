// Online backup through SQLite's backup API: consistent while the kiosk keeps writing. The copy and
// its check run in a worker thread with its own connection (store/backup-worker.ts).
import { runOnce } from '../worker-reply';
import { copyVerified, type BackupResult } from './backup-copy';
import type { Db } from './open';

export async function backupDatabase(db: Db, destination: string): Promise<BackupResult> {
  if (db.memory) return copyVerified(db, destination);
  return runOnce<BackupResult>('store-backup', { source: db.name, destination });
}
