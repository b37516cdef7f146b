// A partition between one kiosk and its hub (issue #18): real processes on loopback, with a TCP proxy
// on the kiosk's link that delays, drops the hub's answers, or swallows everything. The kiosk must say
// so in a sentence and never leave anything half-done; the hub's console must show it offline; and when
// the link heals, scanning again completes what was asked exactly once.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { RoomConsoleView } from '#contract/room';
import { fresh } from '../support/cli';
import { eventually, joinRoom, pairCode, readStore, staffTokenAt, startHub, startPc, stopAll, type RoomPc } from '../support/room';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const running: (RoomPc | undefined)[] = [];
const proxies: TcpProxy[] = [];
afterEach(async () => {
  stopAll(...running.splice(0));
  for (const proxy of proxies.splice(0)) await proxy.close();
});

/** Copies on the hub's shelf, one per title (the hub's store is the room's). */
function lendable(dir: string, count: number): string[] {
  return readStore(dir, (db) =>
    (
      db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available' GROUP BY record_id ORDER BY MIN(id) LIMIT ?").all(count) as {
        barcode: string;
      }[]
    ).map((row) => row.barcode),
  );
}

const loansOf = (dir: string, item: string) =>
  readStore(dir, (db) => ({
    open: (
      db.prepare('SELECT COUNT(*) AS n FROM loans l JOIN items i ON i.id = l.item_id WHERE i.barcode = ? AND l.returned_at IS NULL').get(item) as { n: number }
    ).n,
    events: (
      db
        .prepare(
          "SELECT COUNT(*) AS n FROM events e JOIN items i ON i.id = json_extract(e.payload, '$.itemId') WHERE e.type = 'loan.checkout' AND i.barcode = ?",
        )
        .get(item) as { n: number }
    ).n,
  }));

it("a kiosk behind a link that delays, drops and swallows: refused with why, nothing half-done, offline on the hub's console, whole again once healed", async () => {
  const hub = await startHub();
  running.push(hub);
  const dir = fresh();
  const joined = joinRoom(dir, hub, pairCode(hub), 'Máy 1');
  expect(joined.code, joined.stdout + joined.stderr).toBe(0);
  // The kiosk reaches the hub through the proxy: its room.json names the proxy as the hub's address,
  // as a technician's configuration would name the hub's.
  const [host, port] = hub.calls.split(':') as [string, string];
  const proxy = await startTcpProxy(host, Number(port));
  proxies.push(proxy);
  const roomFile = join(dir, 'room.json');
  const state = JSON.parse(readFileSync(roomFile, 'utf8')) as { hub: { host: string; port: number } };
  writeFileSync(roomFile, JSON.stringify({ ...state, hub: { host: '127.0.0.1', port: proxy.port } }));
  const pc = await startPc(dir);
  running.push(pc);

  const staffToken = await staffTokenAt(hub);
  const stateOnHub = () =>
    hub.ws.call('room.console', { staffToken }).then((reply) => (reply.value as RoomConsoleView).pcs.find((p) => p.name === 'Máy 1')?.state);
  await eventually(stateOnHub, (s) => s === 'free');

  const signIn = await pc.ws.call('circulation.signIn', { method: 'card', card: 'BD000003' });
  expect(signIn.ok, JSON.stringify(signIn)).toBe(true);
  const residentToken = (signIn.value as { residentToken: string }).residentToken;
  const [first, second, third, fourth] = lendable(hub.dir, 4) as [string, string, string, string];
  const borrow = (item: string) => pc.ws.call('circulation.checkout', { residentToken, item });

  // Slow but whole: every byte a second late each way, and the loan is made once.
  expect(await borrow(first)).toMatchObject({ ok: true });
  proxy.delay(1000);
  expect(await borrow(second)).toMatchObject({ ok: true });
  expect(loansOf(hub.dir, second)).toEqual({ open: 1, events: 1 });
  proxy.delay(0);

  // The hub's answers are lost: the request may have arrived and been done. The kiosk says it does not
  // know, and scanning again once the link heals answers with the one loan the hub has.
  proxy.mode('drop-replies');
  const lost = await borrow(third);
  expect(lost).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  expect(['room_hub_no_answer', 'room_hub_unreachable']).toContain((lost.error as { reason?: string }).reason);
  expect(lost.error!.message).toMatch(/máy trung tâm/i);
  expect(loansOf(hub.dir, third).open).toBeLessThanOrEqual(1);

  // The cable is pulled: nothing gets through either way. The kiosk lends nothing from its own store,
  // and the hub shows the PC offline after three missed heartbeats.
  proxy.mode('blackhole');
  const cut = await borrow(fourth);
  expect(cut).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  expect(readStore(dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM loans').get())).toEqual({ n: 0 });
  await eventually(stateOnHub, (s) => s === 'offline', 40_000);

  // Healed: the PC reports again, and the same scans complete what was asked, each exactly once.
  proxy.mode('pass');
  await eventually(stateOnHub, (s) => s === 'free', 40_000);
  expect(await borrow(third)).toMatchObject({ ok: true, value: { item: third } });
  expect(await borrow(fourth)).toMatchObject({ ok: true, value: { item: fourth } });
  for (const item of [first, second, third, fourth]) expect(loansOf(hub.dir, item)).toEqual({ open: 1, events: 1 });
  const loans = await pc.ws.call('circulation.loans', { residentToken });
  expect((loans.value as { loans: { item: string }[] }).loans.map((l) => l.item).sort()).toEqual([first, second, third, fourth].sort());
}, 180_000);
