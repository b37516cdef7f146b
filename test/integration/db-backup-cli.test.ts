// `kiosk db backup FILE` (issue #16: copies that leave the PC are encrypted), through the built CLI:
// a file inside the data folder may be a plain database; one outside it is refused without a
// passphrase, with a sentence that says what to do, and sealed with one (nothing readable in it);
// `kiosk db restore` of that file works with the passphrase and, with a wrong one, says what to do
// and changes nothing. Links that lead out of the data folder count as outside.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fresh, kioskArgv } from '../support/cli';
import { openTestKiosk } from '../support/kiosk';
import { backupToFile } from '../../electron/core/backup/to-file';
import type { KioskError } from '../../electron/core/errors';

const PASSPHRASE = 'mưa dầm thấm lâu 2026';

function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8', env: { ...process.env, KIOSK_PASSPHRASE: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function names(dataDir: string, name: string): number {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM patrons WHERE full_name = ?').get(name) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('kiosk db backup', () => {
  it('writes a plain copy inside the data folder, refuses one outside it without a passphrase (links count), and seals it with one', async () => {
    const t = await openTestKiosk();
    const staffToken = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    await t.call('patrons.add', { staffToken, fullName: 'Vàng Thị Dung', category: 'adult', phone: '0987654321' });
    const { db } = t.kiosk;

    // Inside the data folder: a plain database, like the daily backups.
    mkdirSync(join(t.dataDir, 'backups'), { recursive: true });
    const inside = await backupToFile(db, t.dataDir, join(t.dataDir, 'backups', 'truoc-nang-cap.sqlite'), undefined);
    expect(inside).toMatchObject({ sealed: false, file: join(t.dataDir, 'backups', 'truoc-nang-cap.sqlite') });
    expect(readFileSync(inside.file).includes(Buffer.from('Vàng Thị Dung'))).toBe(true);

    // Outside, without a passphrase: refused, with what to do, and nothing written.
    const usb = fresh();
    const outside = await backupToFile(db, t.dataDir, join(usb, 'kiosk.sqlite'), undefined).catch((e: KioskError) => e);
    expect(outside).toMatchObject({ reason: 'backup_needs_passphrase' });
    expect((outside as Error).message).toContain(join(t.dataDir, 'backups', 'kiosk.sqlite'));
    // A link inside the data folder that leads to the stick is outside too.
    symlinkSync(usb, join(t.dataDir, 'usb-link'));
    expect(await backupToFile(db, t.dataDir, join(t.dataDir, 'usb-link', 'kiosk.sqlite'), undefined).catch((e: KioskError) => e)).toMatchObject({
      reason: 'backup_needs_passphrase',
    });
    // A weak passphrase is refused before anything is written.
    expect(await backupToFile(db, t.dataDir, join(usb, 'kiosk.sqlite'), 'ngắn').catch((e: KioskError) => e)).toMatchObject({ reason: 'weak_passphrase' });
    expect(readdirSync(usb)).toEqual([]);

    // With the passphrase: sealed, named .sealed, nothing readable in the bytes, no plain copy left behind.
    const sealed = await backupToFile(db, t.dataDir, join(usb, 'kiosk.sqlite'), PASSPHRASE);
    expect(sealed).toMatchObject({ sealed: true, file: join(usb, 'kiosk.sqlite.sealed') });
    expect(readdirSync(usb)).toEqual(['kiosk.sqlite.sealed']);
    const bytes = readFileSync(sealed.file);
    for (const text of ['Vàng Thị Dung', '0987654321', 'SQLite format 3']) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    expect(readdirSync(t.dataDir).filter((n) => n.startsWith('.backup-to-file'))).toEqual([]);
  });

  // Two tests of two commands each, rather than one of four: each stays within its time on a loaded machine.
  it('from the command line: refuses a plain file outside the data folder with what to do, and seals one with KIOSK_PASSPHRASE', async () => {
    const t = await openTestKiosk();
    const staffToken = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    await t.call('patrons.add', { staffToken, fullName: 'Thào A Lử', category: 'adult' });
    await t.kiosk.close();
    const usb = fresh();

    const refused = cli(['db', 'backup', join(usb, 'sao-luu.sqlite'), '--data-dir', t.dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nằm ngoài thư mục dữ liệu của kiosk');
    expect(refused.stderr).toContain('KIOSK_PASSPHRASE');
    expect(readdirSync(usb)).toEqual([]);

    const made = cli(['db', 'backup', join(usb, 'sao-luu.sqlite'), '--data-dir', t.dataDir, '--json'], { KIOSK_PASSPHRASE: PASSPHRASE });
    expect(made.code).toBe(0);
    const file = (JSON.parse(made.stdout) as { file: string }).file;
    expect(file).toBe(join(usb, 'sao-luu.sqlite.sealed'));
    expect(readdirSync(usb)).toEqual(['sao-luu.sqlite.sealed']);
    const bytes = readFileSync(file);
    for (const text of ['Thào A Lử', 'SQLite format 3']) expect(bytes.includes(Buffer.from(text)), text).toBe(false);
  });

  it('from the command line: restores a sealed copy only with the right passphrase, and a wrong one changes nothing', async () => {
    const t = await openTestKiosk();
    const staffToken = (await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' })).token;
    const card = (await t.call<{ cardNumber: string }>('patrons.add', { staffToken, fullName: 'Thào A Lử', category: 'adult' })).cardNumber;
    const { file } = await backupToFile(t.kiosk.db, t.dataDir, join(fresh(), 'sao-luu.sqlite'), PASSPHRASE);
    // After the copy the resident's name is corrected: restoring brings the store back to before it.
    t.kiosk.db.prepare('UPDATE patrons SET full_name = ? WHERE card_number = ?').run('Thào A Lử (sửa)', card);
    await t.kiosk.close();
    const dataDir = t.dataDir;

    const wrong = cli(['db', 'restore', file, '--data-dir', dataDir], { KIOSK_PASSPHRASE: 'không phải mật khẩu này' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Mật khẩu trong KIOSK_PASSPHRASE không mở được');
    expect(wrong.stderr).toContain('Dữ liệu hiện tại của kiosk chưa bị thay đổi');
    expect(names(dataDir, 'Thào A Lử (sửa)')).toBe(1);
    expect(existsSync(join(dataDir, 'kiosk.sqlite.unsealed'))).toBe(false);

    const restored = cli(['db', 'restore', file, '--data-dir', dataDir, '--json'], { KIOSK_PASSPHRASE: PASSPHRASE });
    expect(restored.code).toBe(0);
    expect(names(dataDir, 'Thào A Lử (sửa)')).toBe(0);
    expect(names(dataDir, 'Thào A Lử')).toBe(1);
  });
});
