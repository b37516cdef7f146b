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
    const { id, title } = db.prepare("SELECT id, title FROM records WHERE title GLOB '*[a-z][a-z][a-z]*' ORDER BY id LIMIT 1").get() as { id: number; title: string };
    db.close();

    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(title, 'utf8'));
    expect(at).toBeGreaterThan(0);
    const text = Buffer.from(title, 'utf8');
    const letter = [...text].findIndex((b) => b >= 0x61 && b <= 0x79);
    bytes[at + letter] = bytes[at + letter]! + 1; // one letter becomes the next: same length, still valid UTF-8
    writeFileSync(file, bytes);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const selfTest = kiosk('self-test', '--data-dir', dir, '--json');
    const rows = (selfTest.json().checks as { id: string; status: string; message: string; detail: { damaged: { table: string; rows: number[] }[] } }[]).find((c) => c.id === 'rows')!;
    expect(rows.status).toBe('error');
    expect(rows.message).toContain('danh mục sách');
    expect(rows.detail.damaged).toEqual([{ table: 'records', rows: [id], count: 1 }]);

    const host = startHostProcess(dir);
    await host.ready;
    await until(() => host.stderr().includes('store.rows_damaged'), 50, 200);
    expect(host.stderr()).toContain(`records:1 (${id})`);
  }, 180_000);
});
