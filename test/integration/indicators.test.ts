// Issue #24 end to end: the commune officer's rotation flow on the demo kiosk (import a three-book
// batch, receive it, lend one) through the real core, report and upload to a real collector on
// loopback; an older kiosk's figures and an older collector database read by today's definitions.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../collector/store/sqlite';
import { COLUMNS } from '../../collector/store/sql';
import { FakeClock } from '../../electron/core/clock';
import { importCatalogueFile } from '../../electron/core/catalogue/import';
import { receiveBatch } from '../../electron/core/catalogue/rotation';
import { checkout } from '../../electron/core/circulation/checkout';
import { exportFor, reportFor } from '../../electron/core/statistics/register';
import { uploaderOf } from '../../electron/core/upload/register';
import { openTestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';
import { enrolKiosk, startCollector, storeFactories } from './collector-support';

const manifest = readFileSync(new URL('../../resources/catalogue/mau-dot-luan-chuyen.csv', import.meta.url));
const ownBooks = readFileSync(new URL('../../resources/catalogue/mau-nhap-sach.csv', import.meta.url));

describe.each(storeFactories)('rotation books are not acquisitions (collector on $name)', (factory) => {
  it('import a 3-book batch, receive it, lend one: the report and the province see 0 acquisitions, 3 rotation items', async () => {
    const store = await factory.open();
    const t = await openTestKiosk({ clock: new FakeClock('2026-12-03T09:00:00+07:00') });
    const { ctx } = t.kiosk;
    const { url } = await startCollector(store, () => t.clock.now());

    const imported = await importCatalogueFile(ctx.db, ctx.clock, manifest, { fileName: 'mau-dot-luan-chuyen.csv', target: 'rotation', reader: 'inline' });
    expect(imported.itemsAdded).toBe(3);
    t.clock.advance(3_600_000);
    receiveBatch(ctx.db, ctx.clock, 'LC-2026-01');
    checkout(ctx, 'BD000001', 'LC0100001');
    // The commune also buys three books of its own, the same week.
    t.clock.advance(86_400_000);
    await importCatalogueFile(ctx.db, ctx.clock, ownBooks, { fileName: 'mau-nhap-sach.csv', target: 'catalogue', reader: 'inline' });

    for (const period of ['2026-12', '2026-H2']) {
      const report = reportFor(ctx, period, null);
      const row = (k: string) => report.rows.find((r) => r.indicator === k)!.current;
      // Acquisitions: the 3 own books only (TV900001–TV900003); the demo seeding is not counted either.
      expect(row('items_added'), period).toBe(3);
      expect(row('rotation_batches_received'), period).toBe(1);
      expect(row('rotation_items_received'), period).toBe(3);
      expect(row('rotation_loans'), period).toBe(1);
      expect(row('loans'), period).toBe(1);
      expect(row('visits'), period).toBe(1);
      expect(report.residents.served, period).toBe(1);
    }

    // The official six-month PDF says the same, in words (kept in test-results/ for review).
    const pdf = await exportFor(ctx, '2026-H2', 'pdf', 'Lê Thị Thu');
    const out = join(process.cwd(), 'test-results', `indicators-demo-2026-H2-${factory.name}.pdf`);
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    writeFileSync(out, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Tài liệu bổ sung\s+bản\s+3\s/);
    expect(text).toMatch(/Bản sách luân chuyển nhận về\s+bản\s+3\s/);
    expect(text).toContain('0,03 % — 1 người dân được phục vụ (01/01/2026 – 04/12/2026) trên 3.850 người dân');

    // Enrolled just before sending (as a technician would on installation day).
    await enrolKiosk(t.kiosk.db, store, url);
    await uploaderOf(ctx).runNow();
    const [commune] = await store.communeTotals('2026-12-01', '2026-12-31');
    expect(commune!.totals).toMatchObject({
      items_added: 3,
      rotation_items_received: 3,
      rotation_batches_received: 1,
      rotation_loans: 1,
      residents_first_served: 1,
    });
  });

  it("an older kiosk's figures (rotation books inside items_added) are read as own acquisitions only", async () => {
    const store = await factory.open();
    const t = await openTestKiosk({ clock: new FakeClock('2026-12-03T09:00:00+07:00') });
    const { url } = await startCollector(store, () => t.clock.now());
    const creds = await enrolKiosk(t.kiosk.db, store, url);
    // What a kiosk before this change sent for a day with 1 own and 2 rotation books added.
    const older = { day: '2026-12-02', revision: 1, figures: { items_added: { total: 3, by: { collection: { own: 1, rotation: 2 } } }, loans: { total: 4 } } };
    const onlyRotation = { day: '2026-12-01', revision: 1, figures: { items_added: { total: 2, by: { collection: { rotation: 2 } } } } };
    const response = await fetch(new URL('api/upload', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${creds.terminalId}.${creds.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ schema: 1, terminalId: creds.terminalId, software: 'kiosk/0.1.0', days: [older, onlyRotation] }),
    });
    expect(response.status).toBe(200);
    const [commune] = await store.communeTotals('2026-12-01', '2026-12-31');
    // 1 own book; the 2 + 2 rotation books are not acquisitions; other indicators as sent.
    expect(commune!.totals).toMatchObject({ items_added: 1, loans: 4 });
  });
});

describe('an older collector database', () => {
  it('gets the new indicator columns and its stored rotation books taken out of acquisitions', async () => {
    const dir = tempDir('collector-old-');
    const file = join(dir.path, 'collector.sqlite');
    // The table as the collector made it before residents_first_served existed, with one old day.
    const old = new Database(file);
    const before = COLUMNS.filter((c) => c !== 'residents_first_served');
    old.exec(`CREATE TABLE communes (code TEXT PRIMARY KEY, name TEXT NOT NULL, province_code TEXT NOT NULL);
      CREATE TABLE day_figures (terminal_id TEXT NOT NULL, day TEXT NOT NULL, commune_code TEXT NOT NULL, revision INTEGER NOT NULL, digest TEXT NOT NULL,
        received_at TEXT NOT NULL, figures TEXT NOT NULL, ${before.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')}, PRIMARY KEY (terminal_id, day));
      INSERT INTO communes VALUES ('12345', 'Xã Minh Hòa', '27');`);
    old
      .prepare(
        `INSERT INTO day_figures (terminal_id, day, commune_code, revision, digest, received_at, figures, items_added, loans) VALUES ('t1', '2026-06-02', '12345', 1, 'x', '2026-06-02', ?, 3, 4)`,
      )
      .run(JSON.stringify({ items_added: { total: 3, by: { collection: { own: 1, rotation: 2 } } }, loans: { total: 4 } }));
    old.close();
    const store = openSqliteStore(file);
    try {
      await store.migrate();
      await store.migrate(); // every start runs it again: nothing changes twice
      const [commune] = await store.communeTotals('2026-01-01', '2026-12-31');
      expect(commune!.totals).toMatchObject({ items_added: 1, loans: 4, residents_first_served: 0 });
    } finally {
      await store.close();
      dir.remove();
    }
  });
});
