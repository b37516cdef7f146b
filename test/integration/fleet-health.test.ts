// Fleet health (issue #19, deliverable 5) on both stores: a real kiosk core uploads its health
// record to a real collector on loopback; the collector keeps the latest record per terminal, the
// attention reasons with the instant each was first seen, and refuses records that carry anything
// else or too much.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupDir, backupSettled } from '../../electron/core/backup/daily';
import { reissueCode } from '../../collector/admin';
import { healthReasons, needingAttention } from '../../collector/fleet';
import { kioskHealth, type KioskHealth } from '#contract/upload';
import { FakeClock } from '../../electron/core/clock';
import { ensureTerminalIdentity } from '../../electron/core/identity/identity';
import { getMeta, setMeta } from '../../electron/core/store/meta';
import { uploaderOf } from '../../electron/core/upload/register';
import { openTestKiosk } from '../support/kiosk';
import { enrolKiosk, startCollector, storeFactories } from './collector-support';

const HOUR = 3_600_000;

describe.each(storeFactories)('fleet health on $name', (factory) => {
  async function setup(kioskClock?: FakeClock) {
    const store = await factory.open();
    const t = await openTestKiosk(kioskClock ? { clock: kioskClock } : {});
    // The collector's own clock: the kiosk's unless a test moves it apart.
    const collector = { offset: 0 };
    const { url } = await startCollector(store, () => t.clock.now() + collector.offset);
    return { store, url, collector, ...t, db: t.kiosk.db };
  }

  it('a quiet kiosk still reports: its health record is stored, reasons with the instant first seen', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    // This kiosk has no backup: one the daily schedule may have started is let finish, then removed,
    // before each upload (otherwise whether the reason holds depends on when that backup lands).
    const noBackups = async () => {
      await backupSettled(s.kiosk.ctx);
      rmSync(backupDir(s.dataDir), { recursive: true, force: true });
    };
    await noBackups();
    // No event at all: the run sends the health record alone, so the kiosk is not "silent".
    expect((await uploaderOf(s.kiosk.ctx).runNow()).sentDays).toBe(0);
    const first = await s.store.fleetHealth();
    expect(first.records).toHaveLength(1);
    const record = kioskHealth.parse(JSON.parse(first.records[0]!.record));
    expect(record).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+/),
      backupAgeHours: null,
      cloned: false,
      uploadErrors: { last24h: 0, last: null },
    });
    expect(record.freeDiskMb).toBeGreaterThan(0);
    expect(first.records[0]!.skewSeconds).toBe(0);
    // The test kiosk has taken no backup: that reason, since this upload.
    const since = new Date(s.clock.now()).toISOString();
    expect(first.reasons).toEqual([{ terminalId: creds.terminalId, reason: 'old_backup', since }]);
    expect((await s.store.terminals())[0]!.lastSeenAt).not.toBeNull();

    // A day later the reason still holds: its first-seen instant does not move.
    s.clock.advance(24 * HOUR);
    await noBackups();
    await uploaderOf(s.kiosk.ctx).runNow();
    const later = await s.store.fleetHealth();
    expect(later.reasons).toEqual([{ terminalId: creds.terminalId, reason: 'old_backup', since }]);
    expect(later.records[0]!.receivedAt).toBe(new Date(s.clock.now()).toISOString());
    const list = needingAttention(await s.store.terminals(), s.clock.now(), later);
    expect(list.map((a) => [a.reason, a.since])).toEqual([['old_backup', since]]);
  });

  it('clock skew, a failing self-test and repeated upload errors become reasons; they clear when fixed', async () => {
    // The kiosk's clock is a year behind (before the build date: the self-test's clock check fails).
    const s = await setup(new FakeClock('2025-12-01T08:00:00+07:00'));
    s.collector.offset = 365 * 24 * HOUR;
    const creds = await enrolKiosk(s.db, s.store, s.url);
    // Three attempts at a collector that is not there.
    setMeta(s.db, 'upload_collector_url', 'http://127.0.0.1:9/');
    for (let i = 0; i < 3; i++) {
      s.clock.advance(60_000);
      await expect(uploaderOf(s.kiosk.ctx).runNow()).rejects.toThrow(/Không kết nối được/);
    }
    setMeta(s.db, 'upload_collector_url', s.url);
    await uploaderOf(s.kiosk.ctx).runNow();
    const fleet = await s.store.fleetHealth();
    const record = kioskHealth.parse(JSON.parse(fleet.records[0]!.record));
    expect(record.selfTestFailures).toContain('clock');
    expect(record.uploadErrors).toEqual({ last24h: 3, last: { at: expect.any(String), kind: 'unreachable' } });
    expect(fleet.records[0]!.skewSeconds).toBe(-365 * 24 * 3600);
    expect(fleet.reasons.map((r) => r.reason).sort()).toEqual(['clock_skew', 'old_backup', 'self_test', 'upload_errors']);
    expect(fleet.reasons.every((r) => r.terminalId === creds.terminalId)).toBe(true);

    // The technician sets the clock right: a day later skew, self-test and errors are gone.
    s.collector.offset = 0;
    s.clock.jumpWall(365 * 24 * HOUR + 24 * HOUR);
    await uploaderOf(s.kiosk.ctx).runNow();
    expect((await s.store.fleetHealth()).reasons.map((r) => r.reason)).toEqual(['old_backup']);
  });

  it('a disk copy reports itself under the original terminal, sends no figures, and a new code clears it', async () => {
    const s = await setup();
    ensureTerminalIdentity(s.db, s.clock, 'machine-A');
    const creds = await enrolKiosk(s.db, s.store, s.url);
    await uploaderOf(s.kiosk.ctx).runNow();
    const original = (await s.store.fleetHealth()).records[0]!;
    // The same disk starts on another PC.
    expect(ensureTerminalIdentity(s.db, s.clock, 'machine-B').outcome).toBe('cloned');
    s.clock.advance(HOUR);
    await expect(uploaderOf(s.kiosk.ctx).runNow()).rejects.toThrow(/bản sao ổ đĩa/);
    const fleet = await s.store.fleetHealth();
    expect(fleet.reasons).toContainEqual({ terminalId: creds.terminalId, reason: 'cloned', since: new Date(s.clock.now()).toISOString() });
    // The original's own record stays the original's; a normal record from it does not clear the clone.
    expect(fleet.records).toEqual([original]);
    expect(await s.store.dayTotals(creds.terminalId, '2020-01-01', '2030-01-01')).toEqual([]);
    await reissueCode(s.store, creds.terminalId, s.clock.now());
    expect((await s.store.fleetHealth()).reasons).toEqual([]);
  });

  it('hostile: extra or personal-looking fields, oversized records and empty batches are refused; nothing is stored', async () => {
    const s = await setup();
    const creds = await enrolKiosk(s.db, s.store, s.url);
    await uploaderOf(s.kiosk.ctx).runNow();
    const before = await s.store.fleetHealth();
    const good: KioskHealth = kioskHealth.parse(JSON.parse(before.records[0]!.record));
    const post = (health: unknown, days: unknown[] = []) =>
      fetch(new URL('api/upload', s.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${creds.terminalId}.${creds.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ schema: 1, terminalId: creds.terminalId, software: 'kiosk/x', days, ...(health === undefined ? {} : { health }) }),
      });
    const cases: [string, unknown, RegExp][] = [
      ['extra field', { ...good, patronName: 'Nguyễn Văn An' }, /health/],
      ['personal text as a self-test id', { ...good, selfTestFailures: ['Nguyễn Văn An 0912345678'] }, /health\.selfTestFailures/],
      [
        'free text in the error',
        { ...good, uploadErrors: { last24h: 1, last: { at: good.sentAt, kind: 'unreachable', message: 'CCCD 001234567890' } } },
        /health\.uploadErrors/,
      ],
      ['oversized failure list', { ...good, selfTestFailures: Array.from({ length: 500 }, (_, i) => `check${i}`) }, /health\.selfTestFailures/],
      ['oversized version', { ...good, version: '1'.repeat(10_000) }, /health\.version/],
      ['no days and no health', undefined, /không có ngày nào/],
      ['not an instant', { ...good, sentAt: 'hôm qua' }, /health\.sentAt/],
    ];
    for (const [name, health, message] of cases) {
      const response = await post(health);
      const body = (await response.json()) as { error: { message: string } };
      expect(response.status, name).toBe(422);
      expect(body.error.message, name).toMatch(message);
    }
    expect(await s.store.fleetHealth()).toEqual(before);
    expect(getMeta(s.db, 'upload_last_error')).toBeUndefined();
  });
});

describe('health reasons', () => {
  const base: KioskHealth = {
    sentAt: '2026-12-01T01:00:00.000Z',
    version: '1.0.0',
    backupAgeHours: 3,
    freeDiskMb: 50_000,
    diskLow: false,
    selfTestFailures: [],
    cloned: false,
    uploadErrors: { last24h: 0, last: null },
  };
  it('one reason per problem, at the documented thresholds', () => {
    expect(healthReasons(base, 0)).toEqual([]);
    expect(healthReasons({ ...base, backupAgeHours: 49 }, 0)).toEqual(['old_backup']);
    expect(healthReasons({ ...base, backupAgeHours: 48 }, 0)).toEqual([]);
    expect(healthReasons({ ...base, diskLow: true }, 0)).toEqual(['low_disk']);
    expect(healthReasons({ ...base, freeDiskMb: 900 }, 0)).toEqual(['low_disk']);
    expect(healthReasons(base, 301)).toEqual(['clock_skew']);
    expect(healthReasons(base, -300)).toEqual([]);
    expect(healthReasons({ ...base, uploadErrors: { last24h: 3, last: null } }, 0)).toEqual(['upload_errors']);
  });
});
