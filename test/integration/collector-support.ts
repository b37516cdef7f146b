// Shared pieces of the collector and upload tests: the stores under test (SQLite always,
// PostgreSQL when DATABASE_URL_TEST is set, each test in a schema of its own), an in-process
// collector, and a kiosk enrolled with it.
import { afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { registerTerminal } from '../../collector/admin';
import { createCollector } from '../../collector/server';
import { openPostgresStore } from '../../collector/store/postgres';
import { openSqliteStore } from '../../collector/store/sqlite';
import type { CollectorStore } from '../../collector/store/types';
import { enrol } from '../../electron/core/upload/credentials';
import type { Db } from '../../electron/core/store/open';
import { tempDir } from '../support/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export interface StoreFactory {
  name: 'sqlite' | 'postgres';
  open(): Promise<CollectorStore>;
}

export const PG_URL = process.env.DATABASE_URL_TEST;

export const storeFactories: StoreFactory[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = tempDir('collector-');
      const store = openSqliteStore(join(dir.path, 'collector.sqlite'));
      await store.migrate();
      cleanups.push(async () => {
        await store.close();
        dir.remove();
      });
      return store;
    },
  },
  ...(PG_URL
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `t_${randomBytes(6).toString('hex')}`;
            const store = openPostgresStore({ connectionString: PG_URL, schema, poolSize: 4, firstPartitionYear: 2025 });
            await store.migrate();
            cleanups.push(async () => {
              await store.close();
              const client = new pg.Client({ connectionString: PG_URL });
              await client.connect();
              await client.query(`DROP SCHEMA ${schema} CASCADE`);
              await client.end();
            });
            return store;
          },
        },
      ]
    : []),
];

export async function startCollector(store: CollectorStore, now?: () => number): Promise<{ url: string }> {
  const collector = createCollector({ store, ...(now ? { now } : {}) });
  const url = await collector.listen();
  cleanups.push(() => collector.close());
  return { url };
}

/** Registers a terminal at the collector and enrols the kiosk database with its code. */
export async function enrolKiosk(db: Db, store: CollectorStore, url: string, commune = { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk phòng đọc' }) {
  const { code } = await registerTerminal(store, commune);
  return enrol(db, url, code);
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
