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

/** What the database has applied and what it still lacks. */
function migrationState(db: Database.Database, list: Migration[]) {
  const from = db.pragma('user_version', { simple: true }) as number;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const done = new Set<string>(
    hasTable
      ? (db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((row) => row.name)
      : // A database from before the table existed: everything up to its version was applied.
        list.filter((m) => m.version <= from).map((m) => m.name),
  );
  return { from, hasTable, done, pending: list.filter((m) => !done.has(m.name)) };
}

/** Migrations this database has not applied yet (a guest process must not apply them). */
export function pendingMigrations(db: Database.Database, list = loadMigrations()): string[] {
  const { hasTable, pending } = migrationState(db, list);
  return hasTable || pending.length > 0 ? pending.map((m) => m.name) : ['schema_migrations'];
}

/**
 * Applies every migration the database has not recorded, in numeric order, all in one transaction.
 * Applied names are kept in `schema_migrations`, so a migration that lands with a lower number than
 * one already applied (features are numbered in ranges) still runs; `user_version` stays the highest
 * number, which is what the too-new check reads.
 */
export function migrate(db: Database.Database, list = loadMigrations()): { from: number; to: number; applied: string[] } {
  const { from, hasTable, done, pending } = migrationState(db, list);
  if (pending.length === 0 && hasTable) return { from, to: from, applied: [] };
  const to = Math.max(from, latestVersion(list));
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    const record = db.prepare("INSERT OR IGNORE INTO schema_migrations (name, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ'))");
    if (!hasTable) for (const name of done) record.run(name);
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.name);
    }
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to, applied: pending.map((m) => m.name) };
}
