// The CCCD key outside the database: a copy of kiosk.sqlite and its backup cannot confirm a CCCD
// number; a key left in `meta` by an older kiosk moves to the vault (and out of its backups) at
// start; the technician's sealed export installs it on a new PC.
import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk } from '../../electron/core/kiosk';
import { silentLogger } from '../../electron/core/log';
import { CCCD_KEY_NAME, importCccdKey } from '../../electron/core/patrons/cccd-key';
import { fileKeyVault, KEYS_DIR } from '../../electron/core/security/key-vault';
import { openTestKiosk, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';
import { createNativeDevices } from '../../native';

const ID = '001189012345';
const QR = `${ID}|123456789|Nguyễn Thị Lan|12041989|Nữ|Thôn Đông, xã Minh Hòa|01012021`;

async function registerByCccd(t: TestKiosk): Promise<string> {
  const offer = await t.call<{ registrationToken: string }>('circulation.signIn', { method: 'cccd', qr: QR });
  const signedIn = await t.call<{ patron: { cardNumber: string } }>('circulation.register', { registrationToken: offer.registrationToken, consent: true });
  return signedIn.patron.cardNumber;
}

async function technicianToken(t: TestKiosk): Promise<string> {
  return (await t.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' })).token;
}

/** Everything an attacker holding these database files could try as the key: every meta value. */
function keyCandidates(file: string): Buffer[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT value FROM meta').all() as { value: string }[]).flatMap((row) => [Buffer.from(row.value, 'base64'), Buffer.from(row.value)]);
  } finally {
    db.close();
  }
}

function storedHash(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT cccd_hash FROM patrons WHERE cccd_hash IS NOT NULL').get() as { cccd_hash: string }).cccd_hash;
  } finally {
    db.close();
  }
}

const hmac = (key: Buffer) => createHmac('sha256', key).update(ID).digest('hex');

describe('the CCCD key outside the database', () => {
  it('a database and its backup alone cannot confirm a CCCD number', async () => {
    const t = await openTestKiosk();
    await registerByCccd(t);
    const backup = await t.call<{ name: string }>('technician.backupNow', { staffToken: await technicianToken(t) });
    t.kiosk.db.pragma('wal_checkpoint(TRUNCATE)');
    const copies = [join(t.dataDir, 'kiosk.sqlite'), join(t.dataDir, 'backups', backup.name)];
    const key = fileKeyVault(join(t.dataDir, KEYS_DIR)).load(CCCD_KEY_NAME)!;
    for (const file of copies) {
      const hash = storedHash(file);
      // With the vault's key the hash is confirmed; with anything the file itself holds it is not.
      expect(hmac(key)).toBe(hash);
      for (const candidate of keyCandidates(file)) expect(hmac(candidate)).not.toBe(hash);
      const bytes = readFileSync(file);
      expect(bytes.includes(key)).toBe(false);
      expect(bytes.includes(Buffer.from(key.toString('base64')))).toBe(false);
    }
    // The key file is readable by the kiosk's OS user only.
    expect(statSync(join(t.dataDir, KEYS_DIR)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(t.dataDir, KEYS_DIR)).map((name) => statSync(join(t.dataDir, KEYS_DIR, name)).mode & 0o777)).toEqual([0o600]);
  });

  it('moves a key an older kiosk kept in meta into the vault and scrubs it from the database and its backups', async () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const open = () => createKiosk({ dataDir: dir.path, clock, log: silentLogger, devices: createNativeDevices() });
    let kiosk = await open();
    const t = { call: async <T>(m: string, p: unknown) => ((await kiosk.registry.dispatch(m, p)) as { value: T }).value } as unknown as TestKiosk;
    const card = await registerByCccd(t);
    await kiosk.close();
    // Put the database back in the shape an older kiosk left: key in meta, none in the vault, a backup holding it.
    const vaultDir = join(dir.path, KEYS_DIR);
    const key = fileKeyVault(vaultDir).load(CCCD_KEY_NAME)!;
    rmSync(vaultDir, { recursive: true });
    const db = new Database(join(dir.path, 'kiosk.sqlite'));
    db.exec('DROP TRIGGER meta_no_cccd_key_insert');
    db.prepare("INSERT INTO meta (key, value) VALUES ('cccd_hmac_key', ?)").run(key.toString('base64'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    mkdirSync(join(dir.path, 'backups'), { recursive: true });
    const oldBackup = join(dir.path, 'backups', 'kiosk-20260101-000000.sqlite');
    copyFileSync(join(dir.path, 'kiosk.sqlite'), oldBackup);
    expect(readFileSync(oldBackup).includes(Buffer.from(key.toString('base64')))).toBe(true);

    kiosk = await open();
    expect(fileKeyVault(vaultDir).load(CCCD_KEY_NAME)?.equals(key)).toBe(true);
    expect(kiosk.db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'cccd_hmac_key'").get()).toEqual({ n: 0 });
    // The resident is still recognised with the moved key.
    expect(await t.call('circulation.signIn', { method: 'cccd', qr: QR })).toMatchObject({ kind: 'patron', patron: { cardNumber: card } });
    await kiosk.close();
    for (const file of [join(dir.path, 'kiosk.sqlite'), oldBackup]) expect(readFileSync(file).includes(Buffer.from(key.toString('base64')))).toBe(false);
    dir.remove();
  });

  it('exports the key sealed with a passphrase for a new PC, under technician sign-in only', async () => {
    const t = await openTestKiosk();
    await registerByCccd(t);
    const usb = tempDir();
    const staff = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    await expect(t.call('technician.exportCccdKey', { staffToken: staff, destination: usb.path, passphrase: 'một câu thật dài' })).rejects.toMatchObject({
      apiError: { reason: 'technician_only' },
    });
    await expect(t.call('technician.exportCccdKey', { staffToken: await technicianToken(t), destination: usb.path, passphrase: 'ngắn' })).rejects.toMatchObject(
      { apiError: { reason: 'weak_passphrase' } },
    );
    const exported = await t.call<{ file: string }>('technician.exportCccdKey', {
      staffToken: await technicianToken(t),
      destination: usb.path,
      passphrase: 'một câu thật dài',
    });
    const sealed = readFileSync(exported.file);
    const key = fileKeyVault(join(t.dataDir, KEYS_DIR)).load(CCCD_KEY_NAME)!;
    expect(sealed.includes(key)).toBe(false);
    expect(sealed.includes(Buffer.from(key.toString('base64')))).toBe(false);

    const newPc = fileKeyVault(join(tempDir().path, KEYS_DIR));
    expect(() => importCccdKey(newPc, sealed, 'một câu sai dài lắm')).toThrow(/Mật khẩu không đúng/);
    expect(newPc.load(CCCD_KEY_NAME)).toBeUndefined();
    importCccdKey(newPc, sealed, 'một câu thật dài');
    expect(newPc.load(CCCD_KEY_NAME)?.equals(key)).toBe(true);
    expect(existsSync(exported.file)).toBe(true);
    usb.remove();
  });
});
