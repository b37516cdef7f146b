// The collector on both stores (SQLite, and PostgreSQL when DATABASE_URL_TEST is set): enrolment,
// idempotent uploads and revisions, refusals that store nothing, dashboard and exports.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { registerTerminal } from '../../collector/admin';
import { enrol } from '../../electron/core/upload/credentials';
import { dayFiguresBetween } from '../../electron/core/statistics/aggregate';
import { uploaderOf } from '../../electron/core/upload/register';
import { recordEvent } from '../../electron/core/store/event-types';
import { getMeta } from '../../electron/core/store/meta';
import { openTestKiosk } from '../support/kiosk';
import { enrolKiosk, PG_URL, signInAs, startCollector, storeFactories } from './collector-support';
import { xlsxRows } from '../support/xlsx';

it('PostgreSQL is available to the collector tests in CI (never silently skipped)', () => {
  if (process.env.CI) expect(PG_URL, 'CI must export DATABASE_URL_TEST (.ci/run starts PostgreSQL)').toBeTruthy();
  expect(storeFactories.map((f) => f.name)).toContain('sqlite');
});

const who = { category: 'adult', gender: 'female', ageBand: '36-59' };

describe.each(storeFactories)('collector on $name', (factory) => {
  async function setup() {
    const store = await factory.open();
    const t = await openTestKiosk();
    const { url } = await startCollector(store, () => t.clock.now());
    return { store, url, ...t, db: t.kiosk.db };
  }

  function checkout(s: Awaited<ReturnType<typeof setup>>, loanId: number) {
    s.db.transaction(() =>
      recordEvent(s.db, s.clock, 'loan.checkout', {
        loanId,
        patronId: 1,
        itemId: loanId,
        recordId: 1,
        collectionKind: 'own',
        dueDate: '2026-12-20',
        overrideBy: null,
        ...who,
      }),
    )();
  }

  it('enrols with a one-time code, then refuses the same code again', async () => {
    const s = await setup();
    const { code, terminal } = await registerTerminal(s.store, { communeCode: '12345', communeName: 'Xã Minh Hòa', provinceCode: '27', name: 'Kiosk 1' });
    const creds = await enrol(s.db, s.url, code.toLowerCase().replace(/-/g, ' '));
    expect(creds).toMatchObject({ terminalId: terminal.id, communeCode: '12345', communeName: 'Xã Minh Hòa' });
    expect(getMeta(s.db, 'upload_secret')).toBe(creds.secret);
    await expect(enrol(s.db, s.url, code)).rejects.toThrow(/Mã đăng ký không đúng hoặc đã được dùng/);
    expect((await s.store.terminals())[0]).toMatchObject({ id: terminal.id, enrolledAt: expect.any(String) });
  });

  it('refuses an expired code', async () => {
    const s = await setup();
    const { code } = await registerTerminal(
      s.store,
      { communeCode: '12345', communeName: 'Xã A', provinceCode: '27', name: 'K' },
      s.clock.now() - 30 * 86_400_000,
    );
    await expect(enrol(s.db, s.url, code)).rejects.toThrow(/hết hạn/);
  });

  it('stores a day once, replaces it with a higher revision when late events change it, never doubles it', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    checkout(s, 1);
    checkout(s, 2);
    const uploader = uploaderOf(s.kiosk.ctx);
    const first = await uploader.runNow();
    expect(first.sentDays).toBeGreaterThanOrEqual(1);
    const today = '2026-12-01';
    expect((await s.store.dayTotals(creds.terminalId, today, today))[0]).toMatchObject({ day: today, revision: 1, totals: { loans: 2 } });
    // Nothing changed: nothing to send.
    expect((await uploader.runNow()).sentDays).toBe(0);
    // A late event on that day: revision 2 replaces revision 1.
    checkout(s, 3);
    expect((await uploader.runNow()).sentDays).toBe(1);
    expect((await s.store.dayTotals(creds.terminalId, today, today))[0]).toMatchObject({ revision: 2, totals: { loans: 3 } });
    const kioskTotal = dayFiguresBetween(s.db, today, today).get(today)!.loans!.total;
    expect(kioskTotal).toBe(3);
    expect(uploader.status()).toMatchObject({ enrolled: true, phase: 'idle', pendingDays: 0, lastError: null });
    expect(uploader.status().lastSuccessAt).not.toBeNull();
  });

  it('refuses bad payloads with a clear status and stores nothing', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    const auth = { authorization: `Bearer ${creds.terminalId}.${creds.secret}`, 'content-type': 'application/json' };
    const day = (d: string, revision: number, loans: number) => ({ day: d, revision, figures: { loans: { total: loans } } });
    const batch = (days: unknown[], extra: Record<string, unknown> = {}) =>
      JSON.stringify({ schema: 1, terminalId: creds.terminalId, software: 'test', days, ...extra });
    const post = (body: string | Buffer, headers: Record<string, string> = auth) =>
      fetch(new URL('api/upload', s.url), { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });

    // A good day first, revision 3.
    expect((await post(batch([day('2026-11-30', 3, 5)]))).status).toBe(200);
    const before = await s.store.counts();
    const cases: [string, Promise<Response>, number, RegExp][] = [
      ['wrong schema', post(batch([{ day: '2026-11-29', rev: 1 }])), 422, /sai định dạng/],
      ['negative count', post(batch([day('2026-11-29', 1, -4)])), 422, /không được âm/],
      ['unknown indicator', post(batch([{ day: '2026-11-29', revision: 1, figures: { names: { total: 1 } } }])), 422, /sai định dạng/],
      ['future day', post(batch([day('2026-12-05', 1, 1)])), 422, /tương lai/],
      ['impossible date', post(batch([day('2026-02-30', 1, 1)])), 422, /ngày có thật/],
      ['huge body', post(Buffer.alloc(400 * 1024, 32)), 413, /quá lớn/],
      ['gzip bomb', post(gzipSync(Buffer.alloc(5 * 1024 * 1024, 32)), { ...auth, 'content-encoding': 'gzip' }), 413, /quá lớn/],
      ['broken gzip', post(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), { ...auth, 'content-encoding': 'gzip' }), 400, /gzip/],
      ['not JSON', post('{"schema":'), 400, /JSON/],
      [
        'unknown terminal',
        post(batch([day('2026-11-29', 1, 1)]), { ...auth, authorization: `Bearer tunknown-terminal.${'x'.repeat(43)}` }),
        401,
        /chưa được đăng ký/,
      ],
      ['wrong secret', post(batch([day('2026-11-29', 1, 1)]), { ...auth, authorization: `Bearer ${creds.terminalId}.${'y'.repeat(43)}` }), 401, /không đúng/],
      ['no credentials', post(batch([day('2026-11-29', 1, 1)]), { 'content-type': 'application/json' }), 401, /Thiếu thông tin xác thực/],
      ['replayed old revision (whole batch refused)', post(batch([day('2026-11-28', 1, 9), day('2026-11-30', 2, 99)])), 409, /mới hơn/],
      ['same revision, other figures', post(batch([day('2026-11-30', 3, 6)])), 409, /mới hơn/],
      ['other terminal in the body', post(batch([day('2026-11-29', 1, 1)], { terminalId: 'tsomeone-else' })), 403, /khác/],
    ];
    for (const [name, pending, status, message] of cases) {
      const response = await pending;
      const body = (await response.json()) as { ok: boolean; error: { message: string }; stale?: unknown };
      expect(response.status, name).toBe(status);
      expect(body.ok, name).toBe(false);
      expect(body.error.message, name).toMatch(message);
      if (status === 409) expect(body.stale, name).toEqual([{ day: '2026-11-30', current: 3 }]);
    }
    expect(await s.store.counts()).toEqual(before);
    expect(await s.store.dayTotals(creds.terminalId, '2026-11-01', '2026-11-30')).toEqual([
      expect.objectContaining({ day: '2026-11-30', revision: 3, totals: expect.objectContaining({ loans: 5 }) }),
    ]);
    // The exact same day again is a harmless duplicate.
    const again = await post(batch([day('2026-11-30', 3, 5)]));
    // (The reply also carries the portal's push-signing key, an optional field older kiosks ignore.)
    expect(await again.json()).toEqual({
      ok: true,
      days: [{ day: '2026-11-30', revision: 3, status: 'duplicate' }],
      portalKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
  });

  it('refuses a revoked terminal; the kiosk keeps its figures and says so', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    checkout(s, 1);
    await s.store.revokeTerminal(creds.terminalId, new Date(s.clock.now()).toISOString());
    const uploader = uploaderOf(s.kiosk.ctx);
    await expect(uploader.runNow()).rejects.toThrow(/thu hồi/);
    expect(uploader.status()).toMatchObject({ phase: 'refused', pendingDays: expect.any(Number) });
    expect(uploader.status().pendingDays).toBeGreaterThan(0);
    expect(await s.store.counts()).toMatchObject({ dayRows: 0 });
  });

  it('a kiosk restored from an old backup moves past the revisions the collector holds', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    checkout(s, 1);
    const uploader = uploaderOf(s.kiosk.ctx);
    await uploader.runNow();
    // Simulate the restore: the outbox forgets it ever sent revision 1 of today and starts over.
    s.db.prepare('DELETE FROM upload_outbox').run();
    checkout(s, 2);
    s.db.prepare(`UPDATE upload_outbox SET revision = 1`).run();
    await uploader.runNow();
    expect((await s.store.dayTotals(creds.terminalId, '2026-12-01', '2026-12-01'))[0]).toMatchObject({ revision: 2, totals: { loans: 2 } });
  });

  it('dashboard lists communes and terminals; exports carry the figures', async () => {
    const s = await setup();
    await enrolKiosk(s.db, s.store, s.url);
    checkout(s, 1);
    await uploaderOf(s.kiosk.ctx).runNow();
    await registerTerminal(s.store, { communeCode: '12346', communeName: 'Xã Hòa Bình', provinceCode: '27', name: 'Kiosk chưa đăng ký' });
    const { cookie } = await signInAs(s.store, s.url, 'admin', s.clock.now());
    const get = (path: string) => fetch(new URL(path, s.url), { headers: { cookie } });
    const html = await (await get('?period=2026-12')).text();
    expect(html).toContain('Xã Minh Hòa');
    expect(html).toContain('Xã Hòa Bình');
    expect(html).toContain('Toàn tỉnh (2 xã, 1 máy trạm)');
    expect(await (await get('terminals')).text()).toContain('Chờ đăng ký');
    const csv = await (await get('export.csv?period=2026-Q4')).text();
    expect(csv).toMatch(/27,12345,Xã Minh Hòa,1,1,/);
    const xlsx = await get('export.xlsx?period=2026');
    expect((await xlsxRows(await xlsx.arrayBuffer()))[2]![2]).toBe('Xã Minh Hòa');
    const bad = await get('?period=2026-H9');
    expect(bad.status).toBe(400);
  });
});
