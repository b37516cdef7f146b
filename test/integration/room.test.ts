// The reading room of several PCs (issue #18), with real processes on loopback: a hub and kiosks,
// each its own data folder and host, paired through the `kiosk room` CLI. A book borrowed at PC 1 is
// returned at PC 2; pairing codes are single-use, expire and die after a few wrong guesses.
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fresh, kiosk } from '../support/cli';
import { joinRoom as join, pairCode, pairedPcs, ProcessClock, readStore, startHub, startPc, stopAll, type RoomPc } from '../support/room';

const running: (RoomPc | undefined)[] = [];
afterEach(() => stopAll(...running.splice(0)));

function lendable(dir: string): string {
  return readStore(
    dir,
    (db) =>
      (
        db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available' GROUP BY record_id ORDER BY MIN(id) LIMIT 1").get() as {
          barcode: string;
        }
      ).barcode,
  );
}

async function signIn(pc: RoomPc, card: string): Promise<string> {
  const reply = await pc.ws.call('circulation.signIn', { method: 'card', card });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return (reply.value as { residentToken: string }).residentToken;
}

describe('pairing', () => {
  it('pairs with a one-time code that works once; the paired PC leaves loans to the hub', async () => {
    const hub = await startHub();
    running.push(hub);
    const first = fresh();
    const code = pairCode(hub);
    const paired = join(first, hub, code.toLowerCase(), 'Máy 1');
    expect(paired.code, paired.stdout + paired.stderr).toBe(0);
    expect(paired.json()).toMatchObject({ ok: true, role: 'kiosk', pcId: 1, name: 'Máy 1' });
    expect(readStore(hub.dir, (db) => db.prepare('SELECT id, name, revoked_at AS revokedAt FROM room_pcs').all())).toEqual([
      { id: 1, name: 'Máy 1', revokedAt: null },
    ]);
    // Loans and patrons are the hub's now: the CLI refuses to touch this PC's own store for them.
    expect(kiosk('checkin', 'XX000001', '--data-dir', first, '--json').json()).toMatchObject({ ok: false, error: { reason: 'room_store_on_hub' } });

    // Used once: a second kiosk cannot pair with it, and stays standalone.
    const second = fresh();
    expect(join(second, hub, code, 'Máy 2').json()).toMatchObject({ ok: false, error: { reason: 'room_code_invalid' } });
    expect(existsSync(joinPath(second, 'room.json'))).toBe(false);
  }, 90_000);

  it('refuses a wrong code and an expired one, writing nothing on the kiosk (guessing: room-hostile.test.ts)', async () => {
    const hub = await startHub();
    running.push(hub);
    const dir = fresh();
    const code = pairCode(hub);
    const wrong = join(dir, hub, code === 'ABCD-EFGH' ? 'ABCD-EFGJ' : 'ABCD-EFGH', 'Máy 1');
    expect(wrong.code).toBe(1);
    expect(wrong.json()).toMatchObject({ ok: false, error: { reason: 'room_code_invalid' } });
    expect(wrong.json().error.message).toMatch(/Mã ghép máy không đúng.*kiosk room pair-code/);

    // A code issued eleven minutes before the hub's clock started has expired.
    const old = pairCode(hub, new ProcessClock(hub.startedAt - 11 * 60_000));
    expect(join(dir, hub, old, 'Máy 1').json()).toMatchObject({ ok: false, error: { reason: 'room_code_invalid' } });
    expect(existsSync(joinPath(dir, 'room.json'))).toBe(false);
    expect(readStore(hub.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM room_pcs').get())).toEqual({ n: 0 });
  }, 90_000);

  it('refuses a code that is not a code, and an address where no hub listens, with a sentence', () => {
    const dir = fresh();
    expect(kiosk('room', 'join', '127.0.0.1:1', 'AB', '--data-dir', dir, '--json').json()).toMatchObject({ ok: false, error: { reason: 'room_code_format' } });
    const nobody = kiosk('room', 'join', '127.0.0.1:1', 'ABCD-EFGH', '--data-dir', dir, '--json').json();
    expect(nobody).toMatchObject({ ok: false, error: { reason: 'room_hub_unreachable' } });
    expect(nobody.error.message).toMatch(/Không kết nối được máy trung tâm/);
    expect(kiosk('room', 'pair-code', '--data-dir', dir, '--json').json()).toMatchObject({ ok: false, error: { reason: 'room_not_hub' } });
  }, 60_000);
});

describe('a hub and two kiosks', () => {
  it('a book borrowed at PC 1 is returned at PC 2; loans, patrons and staff lists come from the hub', async () => {
    const hub = await startHub();
    running.push(hub);
    const [pc1, pc2] = (await pairedPcs(hub, 'Máy 1', 'Máy 2')) as [RoomPc, RoomPc];
    running.push(pc1, pc2);
    const item = lendable(hub.dir);

    const token1 = await signIn(pc1, 'BD000003');
    const loan = await pc1.ws.call('circulation.checkout', { residentToken: token1, item });
    expect(loan, JSON.stringify(loan)).toMatchObject({ ok: true, value: { item } });
    // The loan is the hub's: PC 1's own store lent nothing.
    expect(readStore(pc1.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans').get())).toEqual({ n: 0 });
    expect(readStore(hub.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans WHERE returned_at IS NULL').get())).toEqual({ n: 1 });

    // At PC 2 the same resident sees the loan, and the book can be returned there.
    const token2 = await signIn(pc2, 'BD000003');
    const seen = await pc2.ws.call('circulation.loans', { residentToken: token2 });
    expect((seen.value as { loans: { item: string }[] }).loans.map((l) => l.item)).toEqual([item]);
    const returned = await pc2.ws.call('circulation.checkin', { item });
    expect(returned, JSON.stringify(returned)).toMatchObject({ ok: true });
    expect(readStore(hub.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans WHERE returned_at IS NULL').get())).toEqual({ n: 0 });
    expect(readStore(pc2.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans').get())).toEqual({ n: 0 });
    // A resident token of PC 1's sign-in is the hub's: it means nothing to PC 2's own store but works through it.
    expect((await pc2.ws.call('circulation.loans', { residentToken: token1 })).ok).toBe(true);

    // Staff signed in at PC 2 (its own PIN check) act on the hub's patrons.
    const staff = await pc2.ws.call('staff.signIn', { card: 'NV0001', pin: '147258' });
    const staffToken = (staff.value as { token: string }).token;
    const shown = await pc2.ws.call('patrons.show', { staffToken, card: 'BD000003' });
    expect(shown, JSON.stringify(shown)).toMatchObject({ ok: true, value: { cardNumber: 'BD000003' } });
    // Staff sign-in itself is not the room's: PC 2 checked the PIN and recorded it, the hub did not.
    const signedIn = (dir: string) => readStore(dir, (db) => db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'staff.signed_in'").get());
    expect([signedIn(pc2.dir), signedIn(hub.dir)]).toEqual([{ n: 1 }, { n: 0 }]);

    // The hub saw both PCs (what `kiosk room status` lists).
    const seenAt = readStore(hub.dir, (db) => db.prepare('SELECT name, last_seen_at AS lastSeenAt FROM room_pcs ORDER BY id').all()) as {
      name: string;
      lastSeenAt: string | null;
    }[];
    expect(seenAt.map((pc) => pc.name)).toEqual(['Máy 1', 'Máy 2']);
    expect(seenAt.every((pc) => pc.lastSeenAt !== null)).toBe(true);

    // The hub goes away: the kiosk says so in a sentence and lends nothing from its own store.
    hub.host.proc.kill('SIGKILL');
    await hub.host.exited;
    const down = await pc1.ws.call('circulation.checkout', { residentToken: token1, item });
    expect(down).toMatchObject({ ok: false, error: { code: 'unavailable', reason: 'room_hub_unreachable' } });
    expect(down.error!.message).toMatch(/Không kết nối được máy trung tâm/);
    expect(readStore(pc1.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans').get())).toEqual({ n: 0 });
  }, 120_000);

  it('a standalone kiosk beside the room lends from its own store', async () => {
    const alone = await startPc(fresh());
    running.push(alone);
    const item = lendable(alone.dir);
    const token = await signIn(alone, 'BD000003');
    expect((await alone.ws.call('circulation.checkout', { residentToken: token, item })).ok).toBe(true);
    expect(readStore(alone.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans').get())).toEqual({ n: 1 });
    expect(kiosk('room', 'status', '--data-dir', alone.dir, '--json').json()).toMatchObject({ role: 'standalone', roomId: null, pcs: [] });
  }, 60_000);
});
