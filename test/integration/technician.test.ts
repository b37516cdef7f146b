// Technician features against a real kiosk core: daily backups on the fake clock, restore,
// diagnostics zip, staff overview, first-run setup, clone detection and the misconfigured guard.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { unseal } from '../../electron/core/security/sealed';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { FakeClock } from '../../electron/core/clock';
import { backupIfDue, backupSettled, listBackups } from '../../electron/core/backup/daily';
import { restoreDatabase } from '../../electron/core/backup/restore';
import { recordEvent } from '../../electron/core/store/event-types';
import { openTestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';

const PASSPHRASE = 'sáu con vịt bơi qua cầu tre';

async function signIn(call: (m: string, p?: unknown) => Promise<unknown>, card = 'KT0001', pin = '246813') {
  return ((await call('staff.signIn', { card, pin })) as { token: string }).token;
}

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: { fileName: string }) => names.push(entry.fileName));
      zip.on('end', () => resolve(names));
    });
  });
}

describe('technician features', () => {
  it('takes one backup a day and keeps the newest seven', async () => {
    const t = await openTestKiosk();
    const keep = t.kiosk.ctx.config.backups.keep;
    // The start already took the first one (in a worker thread).
    await backupSettled(t.kiosk.ctx);
    expect(listBackups(t.dataDir)).toHaveLength(1);
    expect(await backupIfDue(t.kiosk.ctx, keep)).toBeUndefined();
    for (let day = 0; day < 9; day += 1) {
      t.clock.advance(24 * 60 * 60 * 1000);
      expect(await backupIfDue(t.kiosk.ctx, keep)).toBeDefined();
    }
    const backups = listBackups(t.dataDir);
    expect(backups).toHaveLength(7);
    expect(Date.parse(backups[0]!.at)).toBe(Math.floor(t.clock.now() / 1000) * 1000);
  });

  it('restores a backup only with the kiosk stopped, keeping the current database aside', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    let kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger });
    const token = ((await kiosk.registry.dispatch('staff.signIn', { card: 'KT0001', pin: '246813' })) as { ok: true; value: { token: string } }).value.token;
    const backup = (await kiosk.registry.dispatch('technician.backupNow', { staffToken: token })) as { ok: true; value: { name: string } };
    kiosk.db.transaction(() => recordEvent(kiosk.db, clock, 'print.pages', { pages: 3, service: 'internet' }))();
    const file = join(dir.path, 'backups', backup.value.name);
    await kiosk.close();
    // Another process (the running kiosk) holds the pid file.
    writeFileSync(join(dir.path, 'kiosk.pid'), '424242\n');
    expect(() => restoreDatabase(dir.path, file, clock.now(), (pid) => pid === 424242)).toThrow(
      'Kiosk đang chạy (tiến trình 424242). Hãy tắt kiosk trước rồi chạy lại lệnh khôi phục.',
    );

    const notKiosk = join(dir.path, 'other.sqlite');
    writeFileSync(notKiosk, 'this is not a database, just text that happens to be long enough'.repeat(20));
    expect(() => restoreDatabase(dir.path, notKiosk, clock.now())).toThrow(/bị hỏng|không phải cơ sở dữ liệu kiosk/);
    expect(() => restoreDatabase(dir.path, join(dir.path, 'missing.sqlite'), clock.now())).toThrow(/Không tìm thấy tệp/);

    const result = restoreDatabase(dir.path, file, clock.now());
    expect(existsSync(join(result.previousKeptIn!, 'kiosk.sqlite'))).toBe(true);
    kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger });
    const printed = kiosk.db.prepare("SELECT count(*) AS n FROM events WHERE type = 'print.pages'").get() as { n: number };
    expect(printed.n).toBe(0);
    await kiosk.close();
    dir.remove();
  });

  it('exports a backup and a diagnostics zip to a chosen folder, with clear errors for a missing one', async () => {
    const t = await openTestKiosk();
    const token = await signIn(t.call);
    const usb = tempDir('kiosk-usb-');
    const taken = await t.call<{ name: string }>('technician.backupNow', { staffToken: token });
    const exported = await t.call<{ file: string; bytes: number }>('technician.exportBackup', {
      staffToken: token,
      name: taken.name,
      destination: usb.path,
      passphrase: PASSPHRASE,
    });
    expect(exported.file).toBe(join(usb.path, `${taken.name}.sealed`));
    expect(exported.bytes).toBeGreaterThan(1000);

    const diag = await t.call<{ file: string }>('technician.exportDiagnostics', { staffToken: token, destination: usb.path, passphrase: PASSPHRASE });
    expect(diag.file).toMatch(/kiosk-chan-doan-.*\.zip\.sealed$/);
    // Opened with the passphrase, the bundle is the zip it always was.
    const opened = join(usb.path, 'opened.zip');
    writeFileSync(opened, unseal(readFileSync(diag.file), PASSPHRASE));
    expect((await zipEntries(opened)).sort()).toEqual(expect.arrayContaining(['config.redacted.json', 'self-test.json', 'system.json']));
    expect(readdirSync(usb.path).some((n) => n.endsWith('.partial'))).toBe(false);

    await expect(t.call('technician.exportDiagnostics', { staffToken: token, destination: join(usb.path, 'gone'), passphrase: PASSPHRASE })).rejects.toThrow(
      /Không tìm thấy thư mục .*Hãy cắm lại USB/,
    );
    const staff = await signIn(t.call, 'NV0001', '147258');
    await expect(t.call('technician.backupNow', { staffToken: staff })).rejects.toThrow('Chức năng này chỉ dành cho kỹ thuật viên.');
    usb.remove();
  });

  it("counts today's figures and lists what needs attention", async () => {
    const t = await openTestKiosk();
    const token = await signIn(t.call, 'NV0001', '147258');
    const db = t.kiosk.db;
    db.transaction(() => {
      recordEvent(db, t.clock, 'internet.session_started', {
        sessionId: 1,
        patronId: null,
        guest: true,
        allowanceMinutes: 30,
        category: 'adult',
        gender: 'f',
        ageBand: '25-34',
      });
      recordEvent(db, t.clock, 'internet.session_started', {
        sessionId: 2,
        patronId: null,
        guest: true,
        allowanceMinutes: 30,
        category: 'adult',
        gender: 'f',
        ageBand: '25-34',
      });
      recordEvent(db, t.clock, 'print.pages', { pages: 1, service: 'internet' });
    })();
    const before = await t.call<{ figures: Record<string, number>; attention: { id: string; count: number | null }[] }>('technician.staffOverview', {
      staffToken: token,
    });
    expect(before.figures.internetSessions).toBe(2);
    const pending = (db.prepare("SELECT count(*) AS n FROM patrons WHERE status = 'pending'").get() as { n: number }).n;
    if (pending > 0) expect(before.attention).toContainEqual(expect.objectContaining({ id: 'registrations_pending', count: pending }));
    t.clock.advance(24 * 60 * 60 * 1000);
    const tomorrow = await t.call<{ figures: Record<string, number> }>('technician.staffOverview', { staffToken: await signIn(t.call, 'NV0001', '147258') });
    expect(tomorrow.figures.internetSessions).toBe(0);
  });

  it('first-run setup stages a real configuration that takes effect at the next start', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    let kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger });
    const reply = await kiosk.registry.dispatch('staff.signIn', { card: 'KT0001', pin: '246813' });
    const token = (reply as { ok: true; value: { token: string } }).value.token;
    const request = {
      staffToken: token,
      libraryName: 'Thư viện xã Tân Lập',
      communeCode: '12345',
      technicianCard: 'KT9001',
      technicianName: 'Kỹ thuật viên tỉnh',
      technicianPin: '123456',
    };
    const weak = await kiosk.registry.dispatch('technician.setup', request);
    expect(weak).toMatchObject({ ok: false, error: { reason: 'setup_invalid', message: expect.stringContaining('quá dễ đoán') } });
    const done = await kiosk.registry.dispatch('technician.setup', {
      ...request,
      technicianPin: '482617',
      staffCard: 'NV9001',
      staffName: 'Cán bộ văn hóa',
      staffPin: '509371',
    });
    expect(done).toMatchObject({ ok: true, value: { configFile: join(dir.path, 'kiosk.config.json'), restartRequired: true } });
    expect(kiosk.mode).toBe('demo');
    await kiosk.close();

    kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger });
    expect(kiosk.mode).toBe('configured');
    expect(readdirSync(dir.path).some((n) => n.startsWith('demo-archive-'))).toBe(true);
    const info = await kiosk.registry.dispatch('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { libraryName: 'Thư viện xã Tân Lập', communeCode: '12345' } });
    expect(await kiosk.registry.dispatch('staff.signIn', { card: 'KT0001', pin: '246813' })).toMatchObject({ ok: false });
    expect(await kiosk.registry.dispatch('staff.signIn', { card: 'kt9001', pin: '482617' })).toMatchObject({ ok: true });
    expect(await kiosk.registry.dispatch('staff.signIn', { card: 'NV9001', pin: '509371' })).toMatchObject({ ok: true, value: { staff: { role: 'staff' } } });
    const again = await kiosk.registry.dispatch('technician.setup', {
      ...request,
      staffToken: ((await kiosk.registry.dispatch('staff.signIn', { card: 'KT9001', pin: '482617' })) as { ok: true; value: { token: string } }).value.token,
      technicianPin: '482617',
    });
    expect(again).toMatchObject({ ok: false, error: { reason: 'already_configured' } });
    await kiosk.close();
    dir.remove();
  });

  it('a cloned data folder started on another machine gets a new identity', async () => {
    const dir = tempDir();
    const previous = process.env.KIOSK_MACHINE_ID;
    try {
      process.env.KIOSK_MACHINE_ID = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
      let kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger });
      const token = ((await kiosk.registry.dispatch('staff.signIn', { card: 'NV0001', pin: '147258' })) as { ok: true; value: { token: string } }).value.token;
      const first = (await kiosk.registry.dispatch('technician.identity', { staffToken: token })) as { ok: true; value: { terminalId: string; resetAt: null } };
      expect(first.value.resetAt).toBeNull();
      await kiosk.close();
      process.env.KIOSK_MACHINE_ID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
      kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger });
      const token2 = ((await kiosk.registry.dispatch('staff.signIn', { card: 'NV0001', pin: '147258' })) as { ok: true; value: { token: string } }).value.token;
      const second = (await kiosk.registry.dispatch('technician.identity', { staffToken: token2 })) as {
        ok: true;
        value: { terminalId: string; resetAt: string };
      };
      expect(second.value.terminalId).not.toBe(first.value.terminalId);
      expect(second.value.resetAt).toEqual(expect.any(String));
      const selfTest = (await kiosk.registry.dispatch('system.selfTest', {})) as {
        ok: true;
        value: { checks: { id: string; status: string; message: string }[] };
      };
      expect(selfTest.value.checks.find((c) => c.id === 'identity')).toMatchObject({ status: 'warning', message: expect.stringContaining('đăng ký lại') });
      await kiosk.close();
    } finally {
      if (previous === undefined) delete process.env.KIOSK_MACHINE_ID;
      else process.env.KIOSK_MACHINE_ID = previous;
      dir.remove();
    }
  });

  it('a misconfigured kiosk refuses service methods but still lets a technician diagnose', async () => {
    const dir = tempDir();
    mkdirSync(dir.path, { recursive: true });
    writeFileSync(join(dir.path, 'kiosk.config.json'), JSON.stringify({ library: { name: 'X', communeCode: 'abc' } }));
    const kiosk = await createKiosk({ dataDir: dir.path, clock: new FakeClock(), log: silentLogger });
    expect(kiosk.mode).toBe('misconfigured');
    expect(await kiosk.registry.dispatch('system.info', {})).toMatchObject({ ok: true });
    const refused = await kiosk.registry.dispatch('technician.staffOverview', { staffToken: 'x'.repeat(20) });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'unavailable', reason: 'kiosk_misconfigured', message: expect.stringContaining('báo kỹ thuật viên') },
    });
    for (const name of kiosk.registry.registered().filter((n) => !n.startsWith('system.') && !n.startsWith('staff.') && !n.startsWith('technician.'))) {
      expect(await kiosk.registry.dispatch(name, {})).toMatchObject({ ok: false, error: { reason: 'kiosk_misconfigured' } });
    }
    await kiosk.close();
    dir.remove();
  });
});
