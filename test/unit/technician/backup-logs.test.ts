// Backups rotation, removable media, rotating logs without personal data, secrets redaction, PIN policy.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, backupTime, isBackupDue } from '../../../electron/core/backup/rotation';
import { createFileLogger, scrubFields } from '../../../electron/core/logs/file-logger';
import { redactSecrets, REDACTED } from '../../../electron/core/logs/diagnostics';
import { listRemovableMedia, parseRemovableMounts } from '../../../electron/core/technician/removable-media';
import { pinProblem, setupTarget } from '../../../electron/core/technician/setup';
import { tempDir } from '../../support/temp-dir';

describe('backup rotation', () => {
  it('names backups in Vietnam time and reads the time back', () => {
    const at = Date.parse('2026-12-01T23:30:05+07:00');
    expect(backupFileName(at)).toBe('kiosk-20261201-233005.sqlite');
    expect(backupTime(backupFileName(at))).toBe(at);
    expect(backupTime('notes.txt')).toBeUndefined();
  });
  it('keeps the newest seven and never touches other files', () => {
    const names = Array.from({ length: 10 }, (_, i) => backupFileName(Date.parse('2026-12-01T02:00:00+07:00') + i * 86_400_000));
    const removed = backupsToDelete([...names, 'README.txt', 'before-restore-x'], 7);
    expect(removed).toEqual(names.slice(0, 3).reverse());
  });
  it('is due after a day, or when the newest is from the future', () => {
    const now = Date.parse('2026-12-02T10:00:00+07:00');
    expect(isBackupDue([], now)).toBe(true);
    expect(isBackupDue([backupFileName(now - 3600_000)], now)).toBe(false);
    expect(isBackupDue([backupFileName(now - 86_400_000)], now)).toBe(true);
    expect(isBackupDue([backupFileName(now + 3 * 86_400_000)], now)).toBe(true);
  });
  it('name/time round-trip for any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 946_684_800_000, max: 4_000_000_000_000 }), (ms) => {
        const at = Math.floor(ms / 1000) * 1000;
        return backupTime(backupFileName(at)) === at;
      }),
    );
  });
});

describe('removable media', () => {
  const mounts = [
    'sysfs /sys sysfs rw 0 0',
    '/dev/sda1 / ext4 rw 0 0',
    '/dev/sdb1 /media/kiosk/USB\\040THU\\040VIEN vfat rw 0 0',
    '/dev/sdc1 /run/media/kt/KINGSTON exfat rw 0 0',
    '/dev/sr0 /media/cdrom iso9660 ro 0 0',
  ].join('\n');
  it('lists mount points under /media and /run/media, decoding spaces', () => {
    expect(parseRemovableMounts(mounts)).toEqual(['/media/cdrom', '/media/kiosk/USB THU VIEN', '/run/media/kt/KINGSTON']);
    expect(listRemovableMedia({ platform: 'linux', mounts: () => mounts, exists: () => false })).toContainEqual({
      path: '/media/kiosk/USB THU VIEN',
      label: 'USB THU VIEN',
    });
  });
  it('lists drive letters other than the system drive on Windows', () => {
    const present = new Set(['C:\\', 'E:\\', 'F:\\']);
    expect(listRemovableMedia({ platform: 'win32', mounts: () => undefined, exists: (p) => present.has(p), systemDrive: 'C:' })).toEqual([
      { path: 'E:\\', label: 'E:' },
      { path: 'F:\\', label: 'F:' },
    ]);
  });
  it('never throws on arbitrary mount tables (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => parseRemovableMounts(text).every((p) => /^\/(run\/)?media\//.test(p))));
  });
});

describe('file logs', () => {
  it('rotate by size and keep a bounded number of files', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir: dir.path, maxBytes: 400, keep: 2, now: () => 0 });
    for (let i = 0; i < 40; i += 1) log.log('info', 'loan.checkout', { count: i });
    const files = readdirSync(dir.path).sort();
    expect(files).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    for (const file of files) expect(readFileSync(join(dir.path, file), 'utf8').length).toBeLessThanOrEqual(400);
    const last = readFileSync(join(dir.path, 'kiosk.log'), 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ level: 'info', event: 'loan.checkout', count: 39 });
    dir.remove();
  });
  it('mask personal data even when a caller passes it', () => {
    expect(scrubFields({ name: 'Nguyễn Văn A', note: 'CCCD 001203004567 gọi 0912 345 678', count: 3 })).toEqual({
      name: '[ẩn]',
      note: 'CCCD 001*******67 gọi [ẩn]',
      count: 3,
    });
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), (id) => !JSON.stringify(scrubFields({ message: `id ${id}` })).includes(id)));
  });
  it('skip levels below the minimum', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir: dir.path, minimum: 'warn' });
    log.log('info', 'x');
    expect(existsSync(join(dir.path, 'kiosk.log')) ? readFileSync(join(dir.path, 'kiosk.log'), 'utf8') : '').toBe('');
    dir.remove();
  });
});

describe('secrets and PINs', () => {
  it('removes secrets from the configuration copy', () => {
    const redacted = redactSecrets({ upload: { url: 'https://u:p4ss@collector.vn/api', secret: 'abc', enabled: true }, staff: { maxPinAttempts: 5 } });
    expect(redacted).toEqual({ upload: { url: `https://${REDACTED}@collector.vn/api`, secret: REDACTED, enabled: true }, staff: { maxPinAttempts: 5 } });
    // A catalogue server's account (copy cataloguing) keeps its user name and loses its password.
    const target = { name: 'Libol tỉnh', protocol: 'z3950', user: 'thuvienxa', password: 'mat-khau-2026' };
    expect(redactSecrets({ copyCataloguing: { targets: [target] } })).toEqual({ copyCataloguing: { targets: [{ ...target, password: REDACTED }] } });
  });
  it('refuses guessable PINs for real accounts', () => {
    for (const pin of ['1111', '1234', '9876', '0123', '123']) expect(pinProblem(pin, 4)).toBeDefined();
    expect(pinProblem('482617', 4)).toBeUndefined();
    expect(pinProblem('4826', 6)).toMatch(/6–12 chữ số/);
  });
  it('moves a demo kiosk from <default>/demo to the default folder', () => {
    expect(setupTarget('/var/lib/commune-kiosk/demo', '/var/lib/commune-kiosk')).toBe('/var/lib/commune-kiosk');
    expect(setupTarget('/srv/kiosk-data', '/var/lib/commune-kiosk')).toBe('/srv/kiosk-data');
  });
});
