// Load generation shared by the collector benchmarks: realistic terminal-day figures, a collector
// on PostgreSQL in a schema of its own, terminals enrolled directly, and concurrent HTTP uploads.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { registerTerminal } from '../collector/admin';
import { hashSecret, newSecret } from '../collector/credentials';
import { createCollector } from '../collector/server';
import { openPostgresStore } from '../collector/store/postgres';
import type { CollectorStore } from '../collector/store/types';
import type { DayFigures } from '#contract/statistics';

export function databaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('This benchmark needs PostgreSQL: set BENCH_DATABASE_URL (or DATABASE_URL_TEST), e.g. postgres://kiosk@127.0.0.1:54329/postgres\n');
    process.exit(2);
  }
  return url;
}

/** A plausible busy day at a commune kiosk, varied by seed. */
export function dayFigures(seed: number): DayFigures {
  const n = (base: number) => base + (seed % 7);
  const dims = (total: number) => ({
    category: {
      adult: Math.ceil(total * 0.4),
      child: Math.floor(total * 0.3),
      student: Math.floor(total * 0.2),
      senior: total - Math.ceil(total * 0.4) - Math.floor(total * 0.3) - Math.floor(total * 0.2),
    },
    gender: { female: Math.ceil(total / 2), male: Math.floor(total / 2) },
    ageBand: { '6-14': Math.floor(total * 0.3), '18-35': Math.ceil(total * 0.7) },
  });
  const loans = n(18);
  return {
    visits: { total: n(25), by: dims(n(25)) },
    loans: { total: loans, by: { ...dims(loans), collection: { own: loans - 5, rotation: 5 } } },
    returns: { total: n(15), by: dims(n(15)) },
    renewals: { total: n(3), by: dims(n(3)) },
    items_served: { total: loans + n(3) + n(6) },
    rotation_loans: { total: 5, by: dims(5) },
    internet_sessions: { total: n(12), by: dims(n(12)) },
    internet_minutes: { total: n(12) * 41, by: dims(n(12) * 41) },
    eresource_opens: { total: n(6) },
    eresource_minutes: { total: n(6) * 14 },
    printed_pages: { total: n(9) },
    cards_new: { total: 1 + (seed % 3), by: dims(1 + (seed % 3)) },
  };
}

export function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
}

export interface Bench {
  store: CollectorStore;
  url: string;
  terminals: { id: string; secret: string }[];
  schema: string;
  close(): Promise<void>;
  tableBytes(): Promise<number>;
  /** Durability settings of the server measured against (they change the write rate). */
  settings(): Promise<Record<string, string>>;
}

export async function startBench(terminalCount: number, firstPartitionYear = 2025): Promise<Bench> {
  const connectionString = databaseUrl();
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = openPostgresStore({ connectionString, schema, poolSize: 16, firstPartitionYear, keySecret: randomBytes(32) });
  await store.migrate();
  const collector = createCollector({ store, now: () => Date.parse('2026-12-31T12:00:00+07:00') });
  const url = await collector.listen();
  const admin = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await admin.connect();
  const terminals: { id: string; secret: string }[] = [];
  for (let i = 0; i < terminalCount; i++) {
    const commune = String(10000 + (i % 3300)).padStart(5, '0');
    const { terminal } = await registerTerminal(store, {
      communeCode: commune,
      communeName: `Xã ${commune}`,
      provinceCode: String(10 + (i % 63)).padStart(2, '0'),
      name: `Kiosk ${i}`,
    });
    const secret = newSecret();
    await admin.query('UPDATE terminals SET secret_hash = $1, enrolled_at = now(), enrol_code_hash = NULL WHERE id = $2', [hashSecret(secret), terminal.id]);
    terminals.push({ id: terminal.id, secret });
  }
  return {
    store,
    url,
    terminals,
    schema,
    async tableBytes() {
      const { rows } = await admin.query(
        `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
        [schema],
      );
      return Number(rows[0].bytes);
    },
    async settings() {
      const out: Record<string, string> = {};
      for (const name of ['server_version', 'fsync', 'synchronous_commit', 'shared_buffers'])
        out[name] = String((await admin.query(`SHOW ${name}`)).rows[0][name]);
      return out;
    },
    async close() {
      await collector.close();
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * Uploads each terminal's days in batches, `concurrency` requests at a time. The bodies are built
 * (JSON + gzip) before `onPrepared`, since kiosks build them, not the collector's machine.
 */
export async function uploadAll(
  bench: Bench,
  dayList: string[],
  batchDays: number,
  concurrency: number,
  onPrepared?: () => void,
): Promise<{ terminalDays: number; requests: number; gzipBytes: number }> {
  const jobs: { t: { id: string; secret: string }; days: string[] }[] = [];
  for (const t of bench.terminals) for (let i = 0; i < dayList.length; i += batchDays) jobs.push({ t, days: dayList.slice(i, i + batchDays) });
  let next = 0;
  let terminalDays = 0;
  let gzipBytes = 0;
  const endpoint = new URL('api/upload', bench.url);
  const bodies = new Map<(typeof jobs)[number], Buffer>();
  for (const job of jobs)
    bodies.set(
      job,
      gzipSync(
        JSON.stringify({ schema: 1, terminalId: job.t.id, software: 'bench', days: job.days.map((day, i) => ({ day, revision: 1, figures: dayFigures(i) })) }),
      ),
    );
  onPrepared?.();
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const body = bodies.get(job)!;
      gzipBytes += body.length;
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${job.t.id}.${job.t.secret}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: new Uint8Array(body),
      });
      if (res.status !== 200) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      terminalDays += job.days.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { terminalDays, requests: jobs.length, gzipBytes };
}
