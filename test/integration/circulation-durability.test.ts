// Durability of circulation: a process killed with SIGKILL in the middle of a stream of checkouts
// leaves every acknowledged loan and no half-written one; two processes scanning the same item at
// once produce one loan. Also the CLI commands end to end.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { kioskArgv } from '../support/cli';

const child = fileURLToPath(new URL('./circulation-stream.child.ts', import.meta.url));
const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function fresh(): string {
  const d = tempDir();
  dirs.push(d);
  return d.path;
}

function kiosk(...args: string[]) {
  const run = spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

function kioskAsync(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, kioskArgv(args));
    let stdout = '';
    proc.stdout.on('data', (c) => (stdout += String(c)));
    proc.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('circulation durability', () => {
  it('keeps every acknowledged loan and no half-written one after SIGKILL', async () => {
    const dir = fresh();
    const acks: { loanId: number; item: string; card: string }[] = [];
    const killAfter = 40 + Math.floor(Math.random() * 40);
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, signal) => resolve(signal)));
    proc.stdout.on('data', (chunk) => {
      buffer += String(chunk);
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const match = /^ACK (\d+) (\S+) (\S+)$/.exec(line);
        if (match) acks.push({ loanId: Number(match[1]), item: match[2]!, card: match[3]! });
        if (acks.length === killAfter) proc.kill('SIGKILL');
      }
    });
    expect(await exited).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(killAfter);

    const db = new Database(join(dir, 'kiosk.sqlite'));
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      const loan = db.prepare(
        'SELECT l.id, i.barcode, p.card_number AS card, l.returned_at FROM loans l JOIN items i ON i.id = l.item_id JOIN patrons p ON p.id = l.patron_id WHERE l.id = ?',
      );
      for (const ack of acks) expect(loan.get(ack.loanId)).toEqual({ id: ack.loanId, barcode: ack.item, card: ack.card, returned_at: null });
      // Whatever committed after the last acknowledgement is complete too: loan, item status and event together.
      const loans = (db.prepare('SELECT COUNT(*) AS n FROM loans').get() as { n: number }).n;
      expect(loans).toBeGreaterThanOrEqual(acks.length);
      expect(db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'loan.checkout'").get()).toEqual({ n: loans });
      expect(db.prepare("SELECT COUNT(*) AS n FROM items WHERE status = 'on_loan'").get()).toEqual({ n: loans });
    } finally {
      db.close();
    }
    // The kiosk opens again on the same store and lists the loans.
    const first = acks[0]!;
    const listed = kiosk('loans', first.card, '--data-dir', dir, '--json');
    expect(listed.code).toBe(0);
    expect(listed.json().loans.map((l: { item: string }) => l.item)).toContain(first.item);
  }, 60_000);

  it('two processes checking out the same item at once make one loan', async () => {
    const dir = fresh();
    expect(kiosk('patron', 'show', 'BD000001', '--data-dir', dir, '--json').code).toBe(0); // seeds the demo data
    const [a, b] = await Promise.all([
      kioskAsync('checkout', 'BD000001', 'TV000002', '--data-dir', dir, '--json'),
      kioskAsync('checkout', 'BD000001', 'TV000002', '--data-dir', dir, '--json'),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout).loans[0].loanId).toBe(JSON.parse(b.stdout).loans[0].loanId);
    const loans = kiosk('loans', 'BD000001', '--data-dir', dir, '--json').json().loans;
    expect(loans).toHaveLength(1);
  }, 90_000);
});

describe('kiosk patron / checkout / checkin / loans', () => {
  it('adds and shows a patron, lends, lists and takes back books, one JSON document each', () => {
    const dir = fresh();
    const added = kiosk(
      'patron',
      'add',
      '--name',
      'Hoàng Văn Nam',
      '--category',
      'student',
      '--birth-year',
      '2009',
      '--village',
      'Thôn Bắc',
      '--data-dir',
      dir,
      '--json',
    );
    expect(added.code).toBe(0);
    // New cards end in a check character (issue #16).
    const card = added.json().patron.cardNumber as string;
    expect(card).toMatch(/^BD000007[A-Z]$/);
    expect(added.json().patron).toMatchObject({ categoryName: 'Học sinh - sinh viên', village: 'Thôn Bắc', status: 'active' });
    expect(kiosk('patron', 'show', card.toLowerCase(), '--data-dir', dir, '--json').json().patron.fullName).toBe('Hoàng Văn Nam');

    const out = kiosk('checkout', card, 'TV000002', 'TV000001', '--data-dir', dir, '--json');
    expect(out.code).toBe(1); // TV000001 is reference-only
    expect(out.json()).toMatchObject({ ok: false, loans: [{ item: 'TV000002' }], refused: [{ item: 'TV000001', reason: 'reference_only' }] });
    expect(kiosk('loans', card, '--data-dir', dir, '--json').json().loans).toHaveLength(1);

    const back = kiosk('checkin', 'TV000002', '--data-dir', dir, '--json');
    expect(back.code).toBe(0);
    expect(back.json().returned).toEqual([expect.objectContaining({ item: 'TV000002', shelf: 'open' })]);
    expect(kiosk('loans', card, '--data-dir', dir, '--json').json().loans).toEqual([]);
  }, 90_000);

  it('fails with a clear Vietnamese message and writes nothing on bad input', () => {
    const dir = fresh();
    const bad = kiosk('patron', 'add', '--name', 'X', '--category', 'adult', '--phone', '123', '--data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('họ tên cần ít nhất 2 ký tự');
    expect(bad.stderr).toContain('Hãy sửa rồi chạy lại lệnh.');
    const unknown = kiosk('loans', 'BD999999', '--data-dir', dir, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.json().error).toMatchObject({ reason: 'unknown_card' });
    expect(unknown.json().error.message).toMatch(/Không tìm thấy thẻ số BD999999/);
    expect(kiosk('patron', 'show', 'BD000007', '--data-dir', dir, '--json').code).toBe(1);
  }, 90_000);
});
