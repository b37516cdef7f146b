// Damage inside a row, for real: bytes of a book title flipped in the database file between two
// runs of the kiosk. quick_check and integrity_check do not see it (SQLite keeps no page checksums);
// the per-row hashes (store/row-checks.ts) do, in the self-test and when the kiosk starts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fresh, kiosk } from '../support/cli';
import { startHostProcess, until } from '../support/host-process';

describe('bit rot inside a row', () => {
  it('a flipped byte in a title is reported by the self-test and at start, though quick_check passes', async () => {
    const dir = fresh();
    expect(kiosk('patron', 'show', 'BD000001', '--data-dir', dir, '--json').code).toBe(0);
    const file = join(dir, 'kiosk.sqlite');
    const db = new Database(file, { readonly: true });
    const { id, title } = db.prepare("SELECT id, title FROM records WHERE title GLOB '*[a-z][a-z][a-z]*' ORDER BY id LIMIT 1").get() as {
      id: number;
      title: string;
    };
    db.close();

    // Every stored copy of the title (the search index keeps one too) gets one letter changed into
    // the next: same length, still valid UTF-8, as a bit flip on a failing disk would do.
    const bytes = readFileSync(file);
    const text = Buffer.from(title, 'utf8');
    const letter = [...text].findIndex((b) => b >= 0x61 && b <= 0x79);
    let flipped = 0;
    for (let at = bytes.indexOf(text); at >= 0; at = bytes.indexOf(text, at + 1)) {
      bytes[at + letter] = bytes[at + letter]! + 1;
      flipped++;
    }
    expect(flipped).toBeGreaterThan(0);
    writeFileSync(file, bytes);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const selfTest = kiosk('self-test', '--data-dir', dir, '--json');
    const rows = (selfTest.json().checks as { id: string; status: string; message: string; detail: { damaged: { table: string; rows: number[] }[] } }[]).find(
      (c) => c.id === 'rows',
    )!;
    expect(rows.status).toBe('error');
    expect(rows.message).toContain('danh mục sách');
    // The demo catalogue has titles twice: every record holding a changed copy is named.
    expect(rows.detail.damaged).toHaveLength(1);
    expect(rows.detail.damaged[0]).toMatchObject({ table: 'records' });
    expect(rows.detail.damaged[0]!.rows).toContain(id);

    const host = startHostProcess(dir);
    await host.ready;
    await until(() => host.stderr().includes('store.rows_damaged'), 50, 200);
    expect(host.stderr()).toMatch(new RegExp(`records:\\d+ \\((\\d+,)*${id}[,)]`));
  }, 180_000);
});
