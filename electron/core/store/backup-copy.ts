// Copying the database into a backup file that is whole and stands alone. SQLite's backup API
// copies the pages as they are, WAL flag included, so the copy would grow its own -wal and -shm
// files the first time anything opened it (a read-only check left FILE.partial-wal and
// FILE.partial-shm after every backup). The copy is switched to rollback-journal mode on a
// read-write connection first, then checked, then renamed into place: a cut power never leaves a
// half backup under the real name, and nothing but the backup is left behind.
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspectDatabase } from './open';

export interface BackupResult {
  file: string;
  bytes: number;
  version: number;
}

/** The companion files SQLite may create beside a database file. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}

/** The most pages better-sqlite3 lets one backup step copy (its cap). */
const ALL_PAGES = 0x7fffffff;

/** Backs `source` (an open connection) up into `destination`; runs in a worker thread or inline. */
export async function copyVerified(source: Database.Database, destination: string): Promise<BackupResult> {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  removeWithSideFiles(partial);
  try {
    // All pages in one step. SQLite restarts an online backup whenever another connection writes
    // between two steps, so copying 100 pages a turn (the default) never finished on a busy kiosk
    // with a large store: each checkout started the copy over. One step reads one consistent
    // snapshot; it runs on the backup thread, and in WAL mode the kiosk keeps writing meanwhile.
    await source.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const { version } = inspectDatabase(partial);
    renameSync(partial, destination);
    return { file: destination, bytes: statSync(destination).size, version };
  } finally {
    removeWithSideFiles(partial);
  }
}
