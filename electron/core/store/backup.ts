// Online backup through SQLite's backup API: consistent while the kiosk keeps writing.
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './open';
import { inspectDatabase } from './open';

export async function backupDatabase(db: Db, destination: string): Promise<{ file: string; bytes: number; version: number }> {
  mkdirSync(dirname(destination), { recursive: true });
  // Written beside the target and renamed, so a cut power never leaves a half backup under the real name.
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  await db.backup(partial);
  const check = new Database(partial, { readonly: true });
  let version: number;
  try {
    version = check.pragma('user_version', { simple: true }) as number;
  } finally {
    check.close();
  }
  inspectDatabase(partial);
  renameSync(partial, destination);
  const { size } = await import('node:fs').then((fs) => fs.statSync(destination));
  return { file: destination, bytes: size, version };
}
