// Finding the hub by mDNS (issue #18, item 2), with real processes: a hub listening on the LAN
// announces itself; the technician's `kiosk room find` lists it, and pairing with the address found
// works. When the hub is no longer where the kiosk paired with it (a new address from the router), the
// kiosk finds its own room's hub again, checks it by the room's TLS, moves there and keeps it in room.json.
// A stranger announcing the same room (pointing at another room's hub) is tried and refused by that TLS.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Bonjour from 'bonjour-service';
import { afterEach, expect, it } from 'vitest';
import { FIND_HUBS_MS, findHubs, ROOM_SERVICE_TYPE } from '../../electron/core/room/discovery';
import { randomBytes } from 'node:crypto';
import { fresh, kiosk } from '../support/cli';
import { eventually, joinRoom, pairCode, readStore, startHub, startPc, stopAll, type Hub, type RoomPc } from '../support/room';

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

it('hostile: a stranger announcing our room moves nobody; a kiosk finds its real hub past it, or stays put', async () => {
  // Room A's hub announces itself; room C's hub does not (a network without multicast).
  const [hubA, hubC] = await Promise.all([startHub('lan'), startHub('lan', { mdns: false })]);
  running.push(hubA, hubC);
  const roomOf = (hub: RoomPc) => (kiosk('room', 'status', '--data-dir', hub.dir, '--json').json() as { roomId: string }).roomId;
  const [roomA, roomC] = [roomOf(hubA), roomOf(hubC)];
  const portOf = (address: string) => Number(address.split(':').at(-1));

  // The stranger claims each room, pointing at the other room's hub: a real hub with a real
  // certificate for the hub's name, issued by another room's CA.
  const rogue = new Bonjour();
  const claim = (room: string, at: { calls: string; pairing: string }, n: number) =>
    rogue.publish({
      name: `kiosk-room-${room}-${n}`,
      type: ROOM_SERVICE_TYPE,
      port: portOf(at.pairing),
      txt: { room, call: String(portOf(at.calls)), v: '1' },
    });
  claim(roomA, hubC, 1);
  claim(roomC, hubA, 2);
  try {
    const paired = async (hub: Hub, name: string) => {
      const dir = fresh();
      const joined = joinRoom(dir, hub, pairCode(hub), name);
      expect(joined.code, joined.stdout + joined.stderr).toBe(0);
      // The hub "moved": the address each kiosk keeps no longer answers.
      const roomFile = join(dir, 'room.json');
      const state = JSON.parse(readFileSync(roomFile, 'utf8')) as { hub: { host: string; port: number } };
      const gone = { host: '127.0.0.1', port: await deadPort() };
      writeFileSync(roomFile, JSON.stringify({ ...state, hub: gone }));
      return { dir, roomFile, gone };
    };
    const [a, c] = [await paired(hubA, 'Máy A'), await paired(hubC, 'Máy C')];
    const [pcA, pcC] = await Promise.all([startPc(a.dir), startPc(c.dir)]);
    running.push(pcA, pcC);
    const hubOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { hub: { host: string; port: number } }).hub;

    // Room A: the stranger's answer fails the room's TLS; the real announcement passes it.
    await eventually(
      () => pcA.ws.call('circulation.signIn', { method: 'card', card: 'BD000002' }),
      (reply) => reply.ok,
      40_000,
    );
    expect(hubOf(a.roomFile).port).toBe(portOf(hubA.calls));
    expect(pcA.host.stderr()).toContain('room.hub_moved');

    // Room C: only the stranger answers; the kiosk stays where it was and says nobody passed.
    await pcC.ws.call('circulation.signIn', { method: 'card', card: 'BD000002' });
    await eventually(
      async () => pcC.host.stderr(),
      (log) => log.includes('room.hub_not_found'),
      40_000,
    );
    expect(hubOf(c.roomFile)).toEqual(c.gone);
    expect(pcC.host.stderr()).not.toContain('room.hub_moved');
    const refused = await pcC.ws.call('circulation.signIn', { method: 'card', card: 'BD000002' });
    expect(refused).toMatchObject({ ok: false });
  } finally {
    await new Promise<void>((resolve) => rogue.unpublishAll(() => rogue.destroy(() => resolve())));
  }
}, 120_000);

it('hostile: a search for one room hears every answer claiming it, so the first stranger to answer cannot hide the hub', async () => {
  const room = randomBytes(8).toString('hex');
  const announcers = [new Bonjour(), new Bonjour()];
  announcers.forEach((b, i) =>
    b.publish({ name: `kiosk-room-${room}-${i}`, type: ROOM_SERVICE_TYPE, port: 40_000 + i, txt: { room, call: String(41_000 + i), v: '1' } }),
  );
  try {
    const log = { log: () => undefined } as never;
    const found = await findHubs({ log }, FIND_HUBS_MS, room);
    expect(found.map((h) => h.callPort).sort()).toEqual([41_000, 41_001]);
  } finally {
    await Promise.all(announcers.map((b) => new Promise<void>((resolve) => b.unpublishAll(() => b.destroy(() => resolve())))));
  }
}, 30_000);
