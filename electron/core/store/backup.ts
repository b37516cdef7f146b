// Online backup through SQLite's backup API: consistent while the kiosk keeps writing. The copy and
// its check run in a worker thread with its own connection (store/backup-worker.ts); when no
// worker can start, the same copy runs here.
import type { Worker } from 'node:worker_threads';
import { KioskError } from '../errors';
import { startWorker } from '../worker-threads';
import { copyVerified, type BackupResult } from './backup-copy';
import type { Db } from './open';

type WorkerReply = { ok: true; result: BackupResult } | { ok: false; error: { code?: string; message: string; reason?: string; params?: Record<string, string | number | boolean | null> } };

function inWorker(source: string, destination: string): Promise<BackupResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker('store-backup', { workerData: { source, destination } });
    } catch (error) {
      reject(error);
      return;
    }
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.result);
      else if (reply.error.reason) reject(new KioskError((reply.error.code ?? 'unavailable') as KioskError['code'], reply.error.message, { reason: reply.error.reason, ...(reply.error.params ? { params: reply.error.params } : {}) }));
      else reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup thread ended (${code}) without an answer`));
    });
  });
}

export async function backupDatabase(db: Db, destination: string): Promise<BackupResult> {
  if (db.memory) return copyVerified(db, destination);
  return inWorker(db.name, destination);
}
