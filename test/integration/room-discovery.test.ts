// Finding the hub by mDNS (issue #18, item 2), with real processes: a hub listening on the LAN
// announces itself; the technician's `kiosk room find` lists it, and pairing with the address found
// works. When the hub is no longer where the kiosk paired with it (a new address from the router), the
// kiosk finds its own room's hub again, checks it by the room's TLS, moves there and keeps it in room.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fresh, kiosk } from '../support/cli';
import { eventually, joinRoom, pairCode, readStore, startHub, startPc, stopAll, type RoomPc } from '../support/room';

const running: (RoomPc | undefined)[] = [];
afterEach(() => stopAll(...running.splice(0)));

/** A port nothing listens on: bound once, then let go. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Found {
  roomId: string;
  host: string;
  pairingPort: number;
  callPort: number;
}

it('a hub on the LAN is found, paired by what was found, and found again by its kiosk after it moved', async () => {
  const hub = await startHub('lan');
  running.push(hub);
  const roomId = (kiosk('room', 'status', '--data-dir', hub.dir, '--json').json() as { roomId: string }).roomId;
  const pairingPort = Number(hub.pairing.split(':').at(-1));
  const callPort = Number(hub.calls.split(':').at(-1));

  // The technician's search (other tests' hubs may answer too: this one is known by its room).
  const found = kiosk('room', 'find', '--seconds', '4', '--json').json() as { ok: boolean; hubs: Found[] };
  const ours = found.hubs.find((h) => h.roomId === roomId);
  expect(ours, JSON.stringify(found)).toMatchObject({ pairingPort, callPort });

  const dir = fresh();
  const joined = joinRoom(dir, { ...hub, pairing: `${ours!.host}:${ours!.pairingPort}` }, pairCode(hub), 'Máy 1');
  expect(joined.code, joined.stdout + joined.stderr).toBe(0);

  // The hub "moved": the address the kiosk keeps no longer answers.
  const roomFile = join(dir, 'room.json');
  const state = JSON.parse(readFileSync(roomFile, 'utf8')) as { hub: { host: string; port: number } };
  const gone = { host: '127.0.0.1', port: await deadPort() };
  writeFileSync(roomFile, JSON.stringify({ ...state, hub: gone }));
  const pc = await startPc(dir);
  running.push(pc);

  // The first calls find nobody there; within seconds the kiosk has found its hub again and lends.
  const item = readStore(
    hub.dir,
    (db) => (db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available'").get() as { barcode: string }).barcode,
  );
  const signedIn = await eventually(
    () => pc.ws.call('circulation.signIn', { method: 'card', card: 'BD000002' }),
    (reply) => reply.ok,
    40_000,
  );
  const residentToken = (signedIn.value as { residentToken: string }).residentToken;
  expect(await pc.ws.call('circulation.checkout', { residentToken, item })).toMatchObject({ ok: true, value: { item } });
  const moved = (JSON.parse(readFileSync(roomFile, 'utf8')) as { hub: { host: string; port: number } }).hub;
  expect(moved).toEqual({ host: ours!.host, port: callPort });
  expect(pc.host.stderr()).toContain('room.hub_moved');
}, 120_000);
