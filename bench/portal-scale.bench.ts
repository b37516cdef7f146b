// The provincial portal at national scale (issue #19, deliverable 7): 3,300 communes × 3 kiosks ×
// 5 years of days (about 18 million day rows) in PostgreSQL, then what province staff do, through
// the portal's own HTTP routes as a signed-in viewer:
// - the dashboard for a period (goal: p95 under 200 ms), for the year, a half and a month;
// - a year's official report for the province as XLSX and PDF (goal: under 5 s each);
// - ingest: a month of every kiosk's days uploaded over HTTP, beside PostgreSQL's own COPY of the same
//   rows into a copy of the table, in the same run (the peer the ratio is reported against).
// The history is generated in PostgreSQL itself (INSERT … SELECT over generate_series); the figures
// JSON of each generated row is one realistic day (collector-load.ts), as kiosks send it. The
// collector then starts as after an upgrade and builds its monthly roll-up from those rows.
// BENCH_COMMUNES, BENCH_YEARS shrink it for a quick run; the goals are judged at full scale only.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { createAccount } from '../collector/accounts';
import { hashSecret, newSecret } from '../collector/credentials';
import { createCollector } from '../collector/server';
import { openPostgresStore } from '../collector/store/postgres';
import { COLUMNS } from '../collector/store/sql';
import { DAY_INDICATORS } from '#contract/statistics';
import { databaseUrl, dayFigures, days } from './collector-load';
import { percentile, ratio, summarise, writeResult } from './harness';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 3300);
const KIOSKS_PER_COMMUNE = 3;
const YEARS = Number(process.env.BENCH_YEARS ?? 5);
const LAST_YEAR = 2026;
const FIRST_YEAR = LAST_YEAR - YEARS + 1;
const FULL_SCALE = COMMUNES >= 3300 && YEARS >= 5;
// The portal's clock: early February after the last year, so that year is complete and January's days can arrive.
const NOW = Date.parse(`${LAST_YEAR + 1}-02-01T10:00:00+07:00`);
const PASSWORD = 'mat-khau-bench-2026';

const connectionString = databaseUrl();
const schema = `bench_portal_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
await admin.connect();
const store = openPostgresStore({ connectionString, schema, poolSize: 8, firstPartitionYear: FIRST_YEAR, keySecret: randomBytes(32) });
await store.migrate();
const collector = createCollector({ store, now: () => NOW, accessLog: () => undefined, rateLimits: { signIn: 1000 } });
const url = await collector.listen();

const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(2));
try {
  // The register: communes with population and flags, as the statistics office's list gives them.
  const started = performance.now();
  const communeCode = (i: number) => String(10000 + i).padStart(5, '0');
  await store.upsertCommunes(
    Array.from({ length: COMMUNES }, (_, i) => ({
      code: communeCode(i),
      name: `Xã ${i}`,
      provinceCode: String(1 + (i % 34)).padStart(2, '0'),
      district: `Huyện ${i % 300}`,
      population: 4000 + ((i * 37) % 12000),
      rural: i % 4 !== 0,
      disadvantaged: i % 5 === 0,
      minorityPct: (i * 13) % 100,
    })),
  );
  // Kiosks, enrolled without the enrolment round trip (not what is measured). They share one secret:
  // 9,900 scrypt hashes would take minutes and measure nothing the portal does per request.
  const secret = newSecret();
  const hash = hashSecret(secret);
  const terminals = Array.from({ length: COMMUNES * KIOSKS_PER_COMMUNE }, (_, i) => ({
    id: `kiosk-${String(i).padStart(6, '0')}`,
    commune: communeCode(i % COMMUNES),
  }));
  for (let i = 0; i < terminals.length; i += 1000) {
    const batch = terminals.slice(i, i + 1000);
    await admin.query(
      `INSERT INTO terminals (id, commune_code, name, secret_hash, created_at, enrolled_at)
       SELECT t.id, t.commune, 'Kiosk', $2, now(), now() FROM json_to_recordset($1::json) AS t(id text, commune text)`,
      [JSON.stringify(batch.map(({ id, commune }) => ({ id, commune }))), hash],
    );
  }
  const setupSeconds = seconds(started);

  // Five years of days, one INSERT per year (each year's partitions), figures varying by kiosk and day.
  const figuresJson = JSON.stringify(dayFigures(3));
  const numbers = COLUMNS.map((c, k) => `((t.n * ${k + 3} + d.n) % 17 + ${c === 'residents_first_served' ? 0 : 5})`);
  const generated = performance.now();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    await admin.query(
      `INSERT INTO day_figures (terminal_id, day, commune_code, revision, digest, received_at, figures, ${COLUMNS.join(', ')})
       SELECT t.id, d.day, t.commune_code, 1, md5(t.id || d.day), now(), $1::jsonb, ${numbers.join(', ')}
       FROM (SELECT id, commune_code, row_number() OVER (ORDER BY id) AS n FROM terminals) t
       CROSS JOIN (SELECT day::date AS day, extract(doy FROM day)::int AS n FROM generate_series($2::date, $3::date, interval '1 day') AS day) d`,
      [figuresJson, `${year}-01-01`, `${year}-12-31`],
    );
  }
  const generateSeconds = seconds(generated);
  // As after any bulk load: vacuumed and analysed now, so autovacuum does not start on 18 million
  // fresh rows in the middle of the measurements (a province's server is in that state day to day).
  const vacuumed = performance.now();
  await admin.query('VACUUM (ANALYZE) day_figures');
  const vacuumSeconds = seconds(vacuumed);
  // The rows went in behind the collector's back, as in a province upgraded from a collector without
  // the monthly roll-up: its next start builds the roll-up from the day rows (timed; once per upgrade).
  await admin.query('DROP TABLE commune_rollup');
  const rebuilt = performance.now();
  await store.migrate();
  await admin.query('VACUUM (ANALYZE) commune_rollup');
  const rollupBuildSeconds = seconds(rebuilt);
  const rows = Number((await admin.query('SELECT count(*) AS n FROM day_figures')).rows[0].n);

  // A viewer signs in as province staff do.
  await createAccount(store, { username: 'so.vhttdl', displayName: 'Sở VHTTDL', role: 'viewer', communeCode: null, password: PASSWORD }, NOW);
  const signIn = await fetch(new URL('signin', url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'so.vhttdl', password: PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = async (path: string) => {
    const t0 = performance.now();
    const response = await fetch(new URL(path, url), { headers: { cookie, accept: 'text/html' } });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.toString('utf8').slice(0, 200)}`);
    return { ms: performance.now() - t0, bytes: body.length };
  };

  // The dashboard for a period: each period a few times (the first is cold).
  const periods = [`${LAST_YEAR}`, `${LAST_YEAR}-H1`, `${LAST_YEAR}-Q3`, `${LAST_YEAR}-05`];
  const dashboard: Record<string, ReturnType<typeof summarise>> = {};
  const all: number[] = [];
  for (const period of periods) {
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) samples.push((await get(`?period=${period}`)).ms);
    dashboard[period] = summarise(samples, 1);
    all.push(...samples);
  }
  const dashboardP95 = percentile(all, 95);

  // A year's official report for the province, as the Sở downloads it.
  const xlsx = await get(`report.xlsx?period=${LAST_YEAR}`);
  const pdf = await get(`report.pdf?period=${LAST_YEAR}`);

  // Ingest: January's 31 days from each of the first BENCH_UPLOAD_KIOSKS kiosks over HTTP (gzip,
  // bearer, validation, idempotent upsert), one request per kiosk, 16 at a time; then PostgreSQL's
  // own COPY of the same rows into an empty table of the same shape.
  const month = days(`${LAST_YEAR + 1}-01-01`, 31);
  await admin.query(
    `CREATE TABLE IF NOT EXISTS day_figures_${LAST_YEAR + 1}_01 PARTITION OF day_figures FOR VALUES FROM ('${LAST_YEAR + 1}-01-01') TO ('${LAST_YEAR + 1}-02-01')`,
  );
  const uploads = Math.min(terminals.length, Number(process.env.BENCH_UPLOAD_KIOSKS ?? 2000));
  const bodies = terminals.slice(0, uploads).map((t, i) => ({
    t,
    body: gzipSync(
      JSON.stringify({ schema: 1, terminalId: t.id, software: 'bench', days: month.map((day, d) => ({ day, revision: 1, figures: dayFigures(i + d) })) }),
    ),
  }));
  const ingestStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < bodies.length) {
        const { t, body } = bodies[next++]!;
        const response = await fetch(new URL('api/upload', url), {
          method: 'POST',
          headers: { authorization: `Bearer ${t.id}.${secret}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: new Uint8Array(body),
        });
        if (response.status !== 200) throw new Error(`upload refused: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  const ingested = uploads * month.length;

  // The peer: COPY of the same rows (read back as COPY's text) from a file, into an empty table of the
  // same shape — PostgreSQL's own bulk load, on the same server in the same run.
  await admin.query(`CREATE TABLE copy_peer (LIKE day_figures INCLUDING DEFAULTS)`);
  const columns = `terminal_id, day, commune_code, revision, digest, received_at, figures, ${COLUMNS.join(', ')}`;
  const copyFile = join(mkdtempSync(join(tmpdir(), 'portal-copy-')), 'rows.tsv');
  const asText = `terminal_id, day::text, commune_code, revision, digest, received_at::text, figures::text, ${COLUMNS.join(', ')}`;
  const exported = await admin.query({ text: `SELECT ${asText} FROM day_figures WHERE day >= $1`, values: [`${LAST_YEAR + 1}-01-01`], rowMode: 'array' });
  // COPY's text format: tab-separated, a backslash written twice (the JSON has no raw tabs or newlines).
  const line = (row: unknown[]) => row.map((v) => String(v).replaceAll('\\', '\\\\')).join('\t');
  writeFileSync(copyFile, `${(exported.rows as unknown[][]).map(line).join('\n')}\n`);
  chmodSync(dirname(copyFile), 0o755);
  chmodSync(copyFile, 0o644);
  const copyStart = performance.now();
  await admin.query(`COPY copy_peer (${columns}) FROM '${copyFile}'`);
  const copySeconds = (performance.now() - copyStart) / 1000;

  const tableBytes = Number(
    (
      await admin.query(
        `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
        [schema],
      )
    ).rows[0].bytes,
  );
  writeResult({
    name: 'portal-scale',
    description: `The portal on PostgreSQL with ${COMMUNES} communes × ${KIOSKS_PER_COMMUNE} kiosks × ${YEARS} years of days (${rows} day rows, generated in PostgreSQL), through its HTTP routes as a signed-in viewer: the dashboard for four periods (6 requests each), the year's official report as XLSX and PDF, and a month of ${uploads} kiosks' days uploaded over HTTP beside PostgreSQL's COPY of the same rows. Collector, PostgreSQL and the load share this 2-core machine.${FULL_SCALE ? '' : ' Reduced scale: the goals are judged at 3,300 × 3 × 5 only.'}`,
    unit: 'milliseconds and seconds',
    target: { metric: 'dashboardP95Ms', limit: 200, met: FULL_SCALE && dashboardP95 < 200 && xlsx.ms < 5000 && pdf.ms < 5000 },
    figures: {
      rows,
      indicators: DAY_INDICATORS.length,
      databaseGiB: Number((tableBytes / 2 ** 30).toFixed(2)),
      setupSeconds,
      generateSeconds,
      vacuumSeconds,
      rollupBuildSeconds,
      dashboardP95Ms: Number(dashboardP95.toFixed(1)),
      dashboard,
      report: { xlsxMs: Math.round(xlsx.ms), xlsxBytes: xlsx.bytes, pdfMs: Math.round(pdf.ms), pdfBytes: pdf.bytes, goalMs: 5000 },
      ingest: {
        terminalDays: ingested,
        httpSeconds: Number(ingestSeconds.toFixed(2)),
        httpTerminalDaysPerSecond: Math.round(ingested / ingestSeconds),
        postgresCopySeconds: Number(copySeconds.toFixed(2)),
        postgresCopyRowsPerSecond: Math.round(ingested / copySeconds),
        httpVsCopy: ratio(ingestSeconds, copySeconds),
      },
    },
  });
} finally {
  await collector.close();
  await store.close();
  // BENCH_KEEP_SCHEMA=1 keeps the generated province for looking into query plans afterwards.
  if (process.env.BENCH_KEEP_SCHEMA === '1') process.stderr.write(`portal-scale: schema ${schema} kept\n`);
  else await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}
