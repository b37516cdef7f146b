// Copies that leave the PC are sealed (issue #16): a backup copied to a USB stick and the
// diagnostics bundle hold no readable resident name or phone number; the wrong passphrase is
// refused with a sentence and changes nothing; the right one restores the backup (API and CLI).
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { FakeClock } from '../../electron/core/clock';
import { restoreDatabase } from '../../electron/core/backup/restore';
import { kioskArgv } from '../support/cli';
import { openTestKiosk, refusal } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';

const PASSPHRASE = 'trâu ơi ta bảo trâu này';

/** Cards with this name in the data folder's database, read without starting a kiosk. */
function cardsNamed(dataDir: string, name: string): number {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM patrons WHERE full_name = ?').get(name) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('copies that leave the PC', () => {
  it('seals a USB backup and the diagnostics bundle: no resident name or phone in the bytes, a weak passphrase refused', async () => {
    const t = await openTestKiosk();
    const token = (await t.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' })).token;
    const staff = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    await t.call('patrons.add', { staffToken: staff, fullName: 'Sùng Thị Mỷ', category: 'adult', phone: '0912345678', village: 'Thôn Sà Phìn' });
    const taken = await t.call<{ name: string }>('technician.backupNow', { staffToken: token });
    const plain = readFileSync(join(t.dataDir, 'backups', taken.name));
    // The backup in the data folder is a plain database (the check below is not vacuous)...
    expect(plain.includes(Buffer.from('Sùng Thị Mỷ'))).toBe(true);
    const usb = tempDir('kiosk-usb-');
    expect(await refusal(t.call('technician.exportBackup', { staffToken: token, name: taken.name, destination: usb.path, passphrase: 'ngắn' }))).toMatchObject({
      reason: 'weak_passphrase',
    });
    expect(readdirSync(usb.path)).toEqual([]);
    const exported = await t.call<{ file: string }>('technician.exportBackup', {
      staffToken: token,
      name: taken.name,
      destination: usb.path,
      passphrase: PASSPHRASE,
    });
    await t.call('technician.exportDiagnostics', { staffToken: token, destination: usb.path, passphrase: PASSPHRASE });
    // ...and nothing on the stick reads as a name, a phone number or an SQLite file.
    for (const name of readdirSync(usb.path)) {
      expect(name).toMatch(/\.sealed$/);
      const bytes = readFileSync(join(usb.path, name));
      for (const text of ['Sùng Thị Mỷ', 'Sung Thi My', '0912345678', 'Thôn Sà Phìn', 'SQLite format 3'])
        expect(bytes.includes(Buffer.from(text)), `${name}: ${text}`).toBe(false);
    }
    expect(exported.file.endsWith('.sealed')).toBe(true);
    usb.remove();
  });

  it('restores a sealed copy only with its passphrase: a wrong one is refused with a sentence and changes nothing', async () => {
    const dir = tempDir();
    const usb = tempDir('kiosk-usb-');
    const clock = new FakeClock();
    const kiosk = await createKiosk({ dataDir: dir.path, clock, log: silentLogger });
    const call = async <T>(method: string, params: unknown) => {
      const reply = await kiosk.registry.dispatch(method, params);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as T;
    };
    const token = (await call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' })).token;
    const staff = (await call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    const taken = await call<{ name: string }>('technician.backupNow', { staffToken: token });
    const { file } = await call<{ file: string }>('technician.exportBackup', {
      staffToken: token,
      name: taken.name,
      destination: usb.path,
      passphrase: PASSPHRASE,
    });
    // After the copy, a card is issued: restoring the copy brings the store back to before it.
    await call('patrons.add', { staffToken: staff, fullName: 'Lù Văn Sểnh', category: 'adult' });
    await kiosk.close();

    expect(() => restoreDatabase(dir.path, file, clock.now())).toThrow('Tệp');
    expect(() => restoreDatabase(dir.path, file, clock.now(), undefined, 'một mật khẩu sai hoàn toàn')).toThrow(
      'Mật khẩu không đúng hoặc tệp đã bị thay đổi. Hãy nhập lại đúng mật khẩu đã đặt khi chép.',
    );
    expect(readdirSync(dir.path).filter((n) => n.includes('unsealed'))).toEqual([]);
    expect(cardsNamed(dir.path, 'Lù Văn Sểnh')).toBe(1);

    // The CLI asks for the passphrase in the environment, then restores.
    const cli = (env: Record<string, string>) =>
      spawnSync(process.execPath, kioskArgv(['db', 'restore', file, '--data-dir', dir.path]), { encoding: 'utf8', env: { ...process.env, ...env } });
    expect(cli({}).stderr).toContain('KIOSK_PASSPHRASE');
    const restored = cli({ KIOSK_PASSPHRASE: PASSPHRASE });
    expect(restored.status, restored.stderr).toBe(0);
    expect(cardsNamed(dir.path, 'Lù Văn Sểnh')).toBe(0);
    dir.remove();
    usb.remove();
  });
});
