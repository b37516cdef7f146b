import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from '../../../common/calendar';
import { appendEvent } from '../../../electron/core/store/event-log';
import { latestVersion } from '../../../electron/core/store/migrations';
import { openDatabase, StoreRefusedError } from '../../../electron/core/store/open';
import { backupDatabase } from '../../../electron/core/store/backup';
import { tempDir } from '../../support/temp-dir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function dir() {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the store', () => {
  it('creates a fresh database with WAL, foreign keys, full sync and every migration', () => {
    const db = openDatabase(join(dir(), 'kiosk.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('refuses a corrupted file with a clear message and leaves it untouched', () => {
    const file = join(dir(), 'kiosk.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    // Scribble over the second page (the schema's tables) as a failing disk would.
    bytes.fill(0xa5, 4096, 4096 + 2000);
    writeFileSync(file, bytes);
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(StoreRefusedError);
    expect(() => openDatabase(file)).toThrow(/bị hỏng.*sao lưu/s);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database at all', () => {
    const file = join(dir(), 'kiosk.sqlite');
    writeFileSync(file, 'this is a spreadsheet, not a database'.repeat(200));
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/bị hỏng/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a database written by a newer kiosk', () => {
    const file = join(dir(), 'kiosk.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion() + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/phiên bản kiosk mới hơn/);
  });

  it('refuses a database with a migration this kiosk does not know, even below its highest number', () => {
    const file = join(dir(), 'kiosk.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES ('0031-from-a-newer-kiosk', '2026-12-01T00:00:00Z')").run();
    raw.close();
    const before = sha(file);
    expect(() => openDatabase(file)).toThrow(/0031-from-a-newer-kiosk/);
    expect(sha(file)).toBe(before);
  });

  it('keeps the event log append-only', () => {
    const db = openDatabase(join(dir(), 'kiosk.sqlite'));
    const id = appendEvent(db, Date.parse('2026-03-02T23:30:00Z'), 'test.event', { n: 1 });
    expect(db.prepare('SELECT day FROM events WHERE id = ?').get(id)).toEqual({ day: '2026-03-03' });
    expect(() => db.prepare('UPDATE events SET type = ? WHERE id = ?').run('x', id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });

  it('computes the local day in Vietnam time', () => {
    expect(localDay(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(localDay(Date.parse('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });

  it('backs up online into a valid database file', async () => {
    const base = dir();
    const db = openDatabase(join(base, 'kiosk.sqlite'));
    db.prepare("INSERT INTO meta (key, value) VALUES ('answer', '42')").run();
    const result = await backupDatabase(db, join(base, 'backups', 'copy.sqlite'));
    db.close();
    const copy = new Database(result.file, { readonly: true });
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'answer'").get()).toEqual({ value: '42' });
    expect(result.version).toBe(latestVersion());
    copy.close();
  });
});

describe('migrations', () => {
  it('applies a migration that lands with a lower number than one already applied', async () => {
    const { migrate } = await import('../../../electron/core/store/migrations');
    const base = dir();
    const db = new Database(join(base, 'm.sqlite'));
    const first = [
      { version: 1, name: '0001-a.sql', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 50, name: '0050-c.sql', sql: 'CREATE TABLE c (x INTEGER);' },
    ];
    expect(migrate(db, first).applied).toEqual(['0001-a.sql', '0050-c.sql']);
    const later = [...first.slice(0, 1), { version: 20, name: '0020-b.sql', sql: 'CREATE TABLE b (x INTEGER);' }, first[1]!];
    expect(migrate(db, later).applied).toEqual(['0020-b.sql']);
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    expect(migrate(db, later).applied).toEqual([]);
    db.close();
  });
});
