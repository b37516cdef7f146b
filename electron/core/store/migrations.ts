// Numbered SQL migrations (NNNN-name.sql beside this file, or in dist/migrations once bundled),
// applied in order inside one transaction; the schema version is PRAGMA user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})-[a-z0-9-]+\.sql$/;

/** Where the .sql files are: next to this module in source, `dist/migrations` in the bundle. */
export function migrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

let cached: Migration[] | undefined;

export function loadMigrations(dir = migrationsDir()): Migration[] {
  if (cached && dir === migrationsDir()) return cached;
  const list = readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({
      version: Number(MIGRATION_FILE.exec(file)![1]),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) throw new Error(`Two migrations share version ${list[i]!.version}`);
  }
  if (dir === migrationsDir()) cached = list;
  return list;
}

export function latestVersion(list = loadMigrations()): number {
  return list.at(-1)?.version ?? 0;
}

/** Applies every migration newer than the database, all in one transaction. Returns what ran. */
export function migrate(db: Database.Database, list = loadMigrations()): { from: number; to: number; applied: string[] } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };
  const to = pending.at(-1)!.version;
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to, applied: pending.map((m) => m.name) };
}
