// Issue #22: a backup finishes on a busy kiosk. SQLite restarts an online backup whenever another
// connection writes between two of its steps; copied 100 pages a turn, the backup of a large store
// started over at every checkout and never finished (found by bench/store-responsiveness.bench.ts:
// 18 minutes on a 126 MB store). Here a real 30 MB store is backed up by the backup thread while
// this thread keeps writing, one event a millisecond or so, as a busy reading room does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/core/store/backup';
import { appendEvent } from '../../electron/core/store/event-log';
import { openDatabase } from '../../electron/core/store/open';
import { tempDir } from '../support/temp-dir';

describe('a backup while the kiosk keeps writing (issue #22)', () => {
  it('finishes, and holds what was there when it began', async () => {
    const dir = tempDir('kiosk-backup-busy-');
    const db = openDatabase(join(dir.path, 'kiosk.sqlite'));
    try {
      db.exec('CREATE TABLE bulk (data BLOB NOT NULL)');
      db.transaction(() => {
        const insert = db.prepare('INSERT INTO bulk (data) VALUES (?)');
        for (let i = 0; i < 1000; i++) insert.run(randomBytes(30_000));
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      const destination = join(dir.path, 'backups', 'kiosk-busy.sqlite');
      let finished = false;
      const backup = backupDatabase(db, destination).finally(() => (finished = true));
      // Writes from the moment the copy has begun (its .partial file exists), boundedly many.
      let writesDuringCopy = 0;
      const at = Date.parse('2026-12-02T09:00:00+07:00');
      for (let i = 0; !finished && writesDuringCopy < 4000; i++) {
        appendEvent(db, at + i, 'staff.action', { staffId: 1, action: 'busy', target: null });
        if (existsSync(`${destination}.partial`)) writesDuringCopy++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      expect(finished, `the backup was still copying after ${writesDuringCopy} writes`).toBe(true);
      const result = await backup;
      const copy = new Database(result.file, { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(1000);
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      copy.close();
    } finally {
      db.close();
      dir.remove();
    }
  }, 120_000);
});
