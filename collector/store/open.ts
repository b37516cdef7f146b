// Chooses the collector's store: PostgreSQL when DATABASE_URL is set, else a SQLite file.
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { CollectorStore } from './types';

export async function openStore(options: { databaseUrl?: string; sqliteFile?: string; schema?: string; keySecret?: Buffer } = {}): Promise<CollectorStore> {
  const keySecret = options.keySecret ? { keySecret: options.keySecret } : {};
  const store = options.databaseUrl
    ? openPostgresStore({ connectionString: options.databaseUrl, ...(options.schema ? { schema: options.schema } : {}), ...keySecret })
    : openSqliteStore(options.sqliteFile ?? 'collector.sqlite', keySecret);
  await store.migrate();
  return store;
}
