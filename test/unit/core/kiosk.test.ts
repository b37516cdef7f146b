import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_RECORD_COUNT } from '../../../electron/core/demo/seed';
import { openTestKiosk } from '../../support/kiosk';
import type { SystemInfo } from '#contract/system';

const validConfig = { library: { name: 'Thư viện xã Tân Lập', communeCode: '12345' } };

describe('assembling a kiosk', () => {
  it('runs an unconfigured data directory as a demo kiosk with demo data', async () => {
    const { kiosk, call } = await openTestKiosk();
    expect(kiosk.mode).toBe('demo');
    expect((await call<SystemInfo>('system.info')).mode).toBe('demo');
    expect(kiosk.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: DEMO_RECORD_COUNT });
    expect((kiosk.db.prepare('SELECT count(*) AS n FROM patrons').get() as { n: number }).n).toBeGreaterThan(3);
    expect((kiosk.db.prepare('SELECT count(*) AS n FROM eresources').get() as { n: number }).n).toBeGreaterThan(2);
  });

  it('never seeds demo data into a configured kiosk', async () => {
    const { kiosk, call } = await openTestKiosk({ configure: (dir) => writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify(validConfig)) });
    expect(kiosk.mode).toBe('configured');
    expect(kiosk.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
    expect(await call<SystemInfo>('system.info')).toMatchObject({ libraryName: 'Thư viện xã Tân Lập', communeCode: '12345' });
  });

  it('reports an invalid configuration file instead of starting half-configured', async () => {
    const { kiosk, call } = await openTestKiosk({ configure: (dir) => writeFileSync(join(dir, 'kiosk.config.json'), '{"library": {"name": ""}}') });
    expect(kiosk.mode).toBe('misconfigured');
    const info = await call<SystemInfo>('system.info');
    expect(info.configErrors?.map((e) => e.path)).toEqual(expect.arrayContaining(['library.name', 'library.communeCode']));
    expect(kiosk.db.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
  });

  it('has a self-test whose every check speaks Vietnamese', async () => {
    const { call } = await openTestKiosk();
    const report = await call<{ ok: boolean; checks: { id: string; status: string; message: string }[] }>('system.selfTest');
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['database', 'disk', 'config', 'clock']));
    expect(report.checks.find((c) => c.id === 'config')?.status).toBe('warning');
  });
});

describe('the self-test clock check', () => {
  it('flags a clock set before the build date (a dead CMOS battery)', async () => {
    const { FakeClock } = await import('../../../electron/core/clock');
    const { call } = await openTestKiosk({ clock: new FakeClock('2020-01-01T08:00:00+07:00') });
    const report = await call<{ ok: boolean; checks: { id: string; status: string }[] }>('system.selfTest');
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'clock')?.status).toBe('error');
  });
});
