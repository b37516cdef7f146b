// Shared pieces of the collector and upload tests: the stores under test (SQLite always,
// PostgreSQL when DATABASE_URL_TEST is set, each test in a schema of its own), an in-process
// collector, and a kiosk enrolled with it.
import { afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { registerTerminal } from '../../collector/admin';
import { createAccount } from '../../collector/accounts';
import { createCollector, type CollectorOptions } from '../../collector/server';
import type { Role } from '../../collector/store/portal-types';
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
/** What the collector reads from collector-secret.key: opens the sealed push-signing key. */
export const TEST_KEY_SECRET = randomBytes(32);

export const storeFactories: StoreFactory[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = tempDir('collector-');
      const store = openSqliteStore(join(dir.path, 'collector.sqlite'), { keySecret: TEST_KEY_SECRET });
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
            const store = openPostgresStore({ connectionString: PG_URL, schema, poolSize: 4, firstPartitionYear: 2025, keySecret: TEST_KEY_SECRET });
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

export async function startCollector(store: CollectorStore, now?: () => number, extra: Partial<CollectorOptions> = {}): Promise<{ url: string }> {
  const collector = createCollector({ store, accessLog: () => undefined, ...(now ? { now } : {}), ...extra });
  const url = await collector.listen();
  cleanups.push(() => collector.close());
  return { url };
}

/** Registers a terminal at the collector and enrols the kiosk database with its code. */
export async function enrolKiosk(
  db: Db,
  store: CollectorStore,
  url: string,
  commune = { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk phòng đọc' },
) {
  const { code } = await registerTerminal(store, commune);
  return enrol(db, url, code);
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** A portal account of `role`, signed in: its cookie header and the CSRF token its pages carry. */
export async function signInAs(
  store: CollectorStore,
  url: string,
  role: Role,
  now: number,
  communeCode: string | null = null,
): Promise<{ cookie: string; csrf: string; username: string }> {
  const username = `${role}-${randomBytes(3).toString('hex')}`;
  const created = await createAccount(store, { username, displayName: `Người dùng ${role}`, role, communeCode, password: TEST_PASSWORD }, now);
  if (!created.ok) throw new Error(created.message);
  const response = await fetch(new URL('signin', url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: TEST_PASSWORD }),
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const page = await (await fetch(new URL('signin', url), { headers: { cookie } })).text();
  const home = await (await fetch(new URL(role === 'technician' ? 'terminals' : 'report', url), { headers: { cookie, accept: 'text/html' } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf, username };
}
