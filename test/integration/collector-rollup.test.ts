// The PostgreSQL store answers periods from its per-commune roll-up (commune-rollup.ts); the
// SQLite store sums day rows. Fed the same uploads — kiosks of one commune uploading at the same
// time, revisions replacing days, a kiosk moved to another commune — both must give the same
// totals, kiosk counts, day counts and monthly series for any period, whole months or not.
import { describe, expect, it, onTestFinished } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { registerTerminal } from '../../collector/admin';
import type { CollectorStore, StoredDay } from '../../collector/store/types';
import { COLUMNS } from '../../collector/store/sql';
import { splitPeriod } from '../../collector/store/commune-rollup';
import { openPostgresStore } from '../../collector/store/postgres';
import { PG_URL, storeFactories, TEST_KEY_SECRET } from './collector-support';

const NOW = '2026-04-30T03:00:00.000Z';
const FIRST = Date.parse('2025-11-20T00:00:00Z');
const dayAt = (offset: number) => new Date(FIRST + offset * 86_400_000).toISOString().slice(0, 10);
const SPAN = 140; // 2025-11-20 … 2026-04-08: crosses a year and several month ends

interface Upload {
  kiosk: number;
  commune: string;
  days: { offset: number; revision: number; seed: number }[];
}

const storedDay = (offset: number, revision: number, seed: number): StoredDay => {
  const totals = Object.fromEntries(COLUMNS.map((c, k) => [c, (seed * (k + 7)) % 23]));
  return { day: dayAt(offset), revision, digest: `${offset}-${revision}-${seed}`, figuresJson: JSON.stringify({ seed }), totals };
};

describe.skipIf(!PG_URL)('the PostgreSQL roll-up against the SQLite store', () => {
  /** Both stores, and a client on the PostgreSQL store's schema to play an operator or an older collector. */
  async function bothStores() {
    const sqlite = await storeFactories[0]!.open();
    const schema = `t_rollup_${randomBytes(5).toString('hex')}`;
    const postgres = openPostgresStore({ connectionString: PG_URL!, schema, poolSize: 4, firstPartitionYear: 2025, keySecret: TEST_KEY_SECRET });
    const admin = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    onTestFinished(async () => {
      await postgres.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });
    await postgres.migrate();
    await admin.connect();
    return { sqlite, postgres, admin };
  }

  it('gives the same answers for any period after concurrent uploads, replaced revisions and a kiosk that moved commune', async () => {
    const { sqlite, postgres, admin } = await bothStores();
    const stores = [sqlite, postgres];
    const communes = ['27001', '27002', '27003'];
    const kioskIds: string[][] = [[], []];
    for (const [s, store] of stores.entries()) {
      for (let k = 0; k < 5; k++) {
        const commune = communes[k % 3]!;
        const { terminal } = await registerTerminal(
          store,
          { communeCode: commune, communeName: `Xã ${commune}`, provinceCode: '27', name: `Máy ${k}` },
          Date.parse(NOW),
        );
        kioskIds[s]!.push(terminal.id);
      }
    }
    // The history: each kiosk sends its days in batches; kiosk 4 moves from commune 27002 to 27003
    // and re-sends some old days under the new commune; some days come back with a higher revision.
    const uploads = fc.sample(
      fc.record({
        kiosk: fc.integer({ min: 0, max: 4 }),
        days: fc.uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: SPAN - 1 }), seed: fc.integer({ min: 1, max: 1000 }) }), {
          minLength: 1,
          maxLength: 20,
          selector: (d) => d.offset,
        }),
      }),
      { numRuns: 60, seed: 4242 },
    );
    const revisions = new Map<string, number>();
    const batches: Upload[] = uploads.map((u, i) => ({
      kiosk: u.kiosk,
      commune: u.kiosk === 4 && i >= 30 ? '27003' : communes[u.kiosk % 3]!,
      days: u.days.map((d) => {
        const key = `${u.kiosk}:${d.offset}`;
        const revision = (revisions.get(key) ?? 0) + 1;
        revisions.set(key, revision);
        return { offset: d.offset, revision, seed: d.seed };
      }),
    }));
    for (const [s, store] of stores.entries()) {
      // Two at a time, so kiosks of one commune often recompute the same month together; one
      // kiosk's two batches go in order (a later revision must not overtake an earlier one).
      for (let i = 0; i < batches.length; i += 2) {
        const pair = batches.slice(i, i + 2);
        const sameKiosk = pair.length === 2 && pair[0]!.kiosk === pair[1]!.kiosk;
        const send = (b: Upload) =>
          store.applyUpload(
            kioskIds[s]![b.kiosk]!,
            b.commune,
            'test',
            b.days.map((d) => storedDay(d.offset, d.revision, d.seed)),
            NOW,
          );
        const results = sameKiosk ? [await send(pair[0]!), await send(pair[1]!)] : await Promise.all(pair.map(send));
        for (const r of results) expect(r.ok).toBe(true);
      }
    }

    // Terminal ids differ between the two stores; the totals and counts are what must agree.
    const ask = (store: CollectorStore) => async (from: string, to: string) => ({
      totals: await store.communeTotals(from, to),
      sums: (await store.communeSums(from, to, ['visits', 'residents_first_served'])).sort((a, b) => a.communeCode.localeCompare(b.communeCode)),
      series: await store.monthlySeries(from, to, null),
      moved: await store.monthlySeries(from, to, '27003'),
      // One commune's page asks for that commune alone.
      one: [await store.communeTotals(from, to, '27003'), await store.communeSums(from, to, COLUMNS, '27003')],
    });
    const [askSqlite, askPostgres] = [ask(sqlite), ask(postgres)];
    // Days held per kiosk: PostgreSQL keeps a count on the terminal, SQLite counts rows.
    const daysHeld = async (store: CollectorStore) => (await store.terminals()).map((t) => [t.name, t.communeCode, t.days]).sort();
    expect(await daysHeld(postgres)).toEqual(await daysHeld(sqlite));
    expect((await daysHeld(postgres)).every(([, , days]) => Number(days) > 0)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -15, max: SPAN + 15 }), fc.integer({ min: 0, max: 120 }), async (start, length) => {
        const [from, to] = [dayAt(start), dayAt(start + length)];
        expect(await askPostgres(from, to)).toEqual(await askSqlite(from, to));
      }),
      { numRuns: 60, seed: 7 },
    );
    // Whole years and months too, the dashboard's usual periods.
    for (const [from, to] of [
      ['2026-01-01', '2026-12-31'],
      ['2025-12-01', '2025-12-31'],
      ['2026-02-01', '2026-02-28'],
      ['2025-01-01', '2026-06-30'],
    ] as const)
      expect(await askPostgres(from, to)).toEqual(await askSqlite(from, to));

    // A collector upgraded from a version without the roll-up (or day rows loaded by hand) builds
    // it, and counts each kiosk's days again, on start from the day rows it holds.
    await admin.query('DROP TABLE commune_rollup');
    await admin.query('UPDATE terminals SET day_count = 999');
    await postgres.migrate();
    expect(await askPostgres('2025-11-01', '2026-04-30')).toEqual(await askSqlite('2025-11-01', '2026-04-30'));
    expect(await askPostgres('2026-01-10', '2026-03-20')).toEqual(await askSqlite('2026-01-10', '2026-03-20'));
    expect(await daysHeld(postgres)).toEqual(await daysHeld(sqlite));
  });

  it('hostile: figures as large as the contract allows never overflow a sum, and a kiosk an older collector made is counted', async () => {
    const { sqlite, postgres, admin } = await bothStores();
    const year = Array.from({ length: 300 }, (_, i) => i);
    const huge = (offset: number): StoredDay => ({
      day: new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10),
      revision: 1,
      digest: `huge-${offset}`,
      figuresJson: '{}',
      totals: { visits: 10_000_000, internet_minutes: 10_000_000 },
    });
    const ids: string[] = [];
    for (const store of [sqlite, postgres]) {
      const { terminal } = await registerTerminal(store, { communeCode: '27009', communeName: 'Xã Lớn', provinceCode: '27', name: 'Máy' }, Date.parse(NOW));
      ids.push(terminal.id);
      // 300 days of 10 million: 3 billion a year, past 2^31.
      expect((await store.applyUpload(terminal.id, '27009', 'test', year.map(huge), NOW)).ok).toBe(true);
    }
    const [fromSqlite, fromPostgres] = await Promise.all([sqlite, postgres].map((store) => store.communeTotals('2026-01-01', '2026-12-31', '27009')));
    expect(fromPostgres).toEqual(fromSqlite);
    expect(fromPostgres![0]!.totals.visits).toBe(3_000_000_000);
    // A terminal whose day count an older collector never kept: the next upload counts its days.
    await admin.query('UPDATE terminals SET day_count = NULL');
    for (const [i, store] of [sqlite, postgres].entries()) expect((await store.applyUpload(ids[i]!, '27009', 'test', [huge(300)], NOW)).ok).toBe(true);
    const days = async (store: CollectorStore) => (await store.terminals()).map((t) => t.days);
    expect(await days(postgres)).toEqual([301]);
    expect(await days(sqlite)).toEqual([301]);
  });
});

describe('splitPeriod', () => {
  it('splits any period into edge days and the fewest aligned months, quarters and years, covering it exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), (start, length) => {
        const base = Date.parse('2024-01-01T00:00:00Z');
        const day = (n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10);
        const [from, to] = [day(start), day(start + length)];
        const { monthsFrom, monthsTo, spans, starts } = splitPeriod(from, to);
        // The roll-up pieces tile the whole months exactly, each aligned, the longest that fits.
        const monthsIn = { month: 1, quarter: 3, year: 12 } as const;
        const later = (d: string, n: number) => {
          const i = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n;
          return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
        };
        let at = monthsFrom;
        for (const [i, span] of spans.entries()) {
          expect(starts[i]).toBe(at);
          const month = Number(at.slice(5, 7));
          if (span === 'year') expect(month).toBe(1);
          if (span === 'quarter') expect((month - 1) % 3).toBe(0);
          if (span !== 'year') expect(month === 1 && later(at, 12) <= monthsTo).toBe(false);
          if (span === 'month') expect((month - 1) % 3 === 0 && later(at, 3) <= monthsTo).toBe(false);
          at = later(at, monthsIn[span]);
        }
        if (spans.length) expect(at).toBe(monthsTo);
        for (let n = start - 3; n <= start + length + 3; n++) {
          const d = day(n);
          const inMonths = d >= monthsFrom && d < monthsTo;
          const inEdges = (d >= from && d < monthsFrom) || (d >= monthsTo && d <= to);
          expect(inMonths && inEdges).toBe(false);
          expect(inMonths || inEdges).toBe(d >= from && d <= to);
        }
        if (monthsFrom < monthsTo) expect(monthsFrom.endsWith('-01') && monthsTo.endsWith('-01')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
