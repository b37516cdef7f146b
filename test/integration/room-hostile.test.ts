// The hub's two ports as a stranger on the LAN meets them (issue #18): at the TLS level, a client
// without a certificate, or with one from another room, gets nothing; at the HTTP level, garbage,
// oversized bodies, wrong paths and methods that are not the room's are refused; guessing a pairing
// code kills it; a heartbeat must keep its strict shape; and a revoked kiosk is cut off at once, even
// on a connection it kept open.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'node:https';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOM_CALL_PATH, ROOM_HEARTBEAT_PATH, ROOM_HUB_NAME, ROOM_PAIR_PATH, ROOM_WAIT_PATH } from '#contract/room';
import { createKioskRequest, createRoomAuthority, keyPem, signKioskRequest } from '../../electron/core/room/certificates';
import { fileKeyVault } from '../../electron/core/security/key-vault';
import { fresh, kiosk } from '../support/cli';
import { joinRoom, pairCode, readStore, staffTokenAt, startHub, stopAll, type Hub } from '../support/room';

const running: Hub[] = [];
afterEach(() => stopAll(...running.splice(0)));

function address(hostPort: string): { host: string; port: number } {
  const at = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, at), port: Number(hostPort.slice(at + 1)) };
}

/**
 * Opens TLS to the port and sends a call as soon as the client side is up; resolves with the bytes
 * the server sent before the connection ended (TLS 1.3 finishes the client's side before the server
 * has judged its certificate, so a refusal shows as an alert or a reset after that).
 */
function tlsProbe(hostPort: string, options: { ca?: string; cert?: string; key?: string }): Promise<{ data: string; error: string | null }> {
  return new Promise((resolve) => {
    let data = '';
    const socket = connect({ ...address(hostPort), servername: ROOM_HUB_NAME, rejectUnauthorized: false, ...options }, () => {
      socket.write(`POST ${ROOM_CALL_PATH} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    });
    socket.on('data', (chunk) => (data += String(chunk)));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ data, error: error.code ?? error.message }));
    socket.on('close', () => resolve({ data, error: null }));
  });
}

interface Answer {
  status: number;
  body: string;
}

function post(hostPort: string, path: string, body: string | Buffer, tls: Record<string, unknown>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { ...address(hostPort), path, method: 'POST', servername: ROOM_HUB_NAME, headers: { 'Content-Type': 'application/json' }, ...tls },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The TLS credentials a paired kiosk keeps (room.json and its key in the vault). */
function credentialsOf(dir: string) {
  const state = JSON.parse(readFileSync(join(dir, 'room.json'), 'utf8')) as { ca: string; certificate: string };
  const key = fileKeyVault(join(dir, 'keys')).load('room-kiosk')!;
  return { ca: state.ca, cert: state.certificate, key: keyPem(key) };
}

const call = (id: number, method: string, params: unknown = {}) => JSON.stringify({ kind: 'call', id, method, params });

describe("the hub's ports against strangers", () => {
  it('an unpaired client gets nothing at the TLS level, and neither does a certificate of another room', async () => {
    const hub = await startHub();
    running.push(hub);
    const bare = await tlsProbe(hub.calls, {});
    expect(bare.data).toBe('');

    const other = await createRoomAuthority('0123456789abcdef');
    const stranger = await createKioskRequest('stranger');
    const foreign = await signKioskRequest(other.ca, stranger.request);
    const forged = await tlsProbe(hub.calls, { cert: foreign, key: keyPem(stranger.key) });
    expect(forged.data).toBe('');
    expect(readStore(hub.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM room_pcs').get())).toEqual({ n: 0 });
  }, 60_000);

  it('the pairing port refuses garbage, oversized bodies and wrong paths; guesses kill the code', async () => {
    const hub = await startHub();
    running.push(hub);
    const tls = { rejectUnauthorized: false, agent: false };
    expect(await post(hub.pairing, '/elsewhere', '{}', tls)).toMatchObject({ status: 404 });
    expect(await post(hub.pairing, ROOM_PAIR_PATH, 'not json', tls)).toMatchObject({ status: 400 });
    expect(await post(hub.pairing, ROOM_PAIR_PATH, JSON.stringify({ name: 'x', csr: 'AAAA', proof: 'f'.repeat(64), extra: 1 }), tls)).toMatchObject({
      status: 400,
    });
    expect((await post(hub.pairing, ROOM_PAIR_PATH, Buffer.alloc(64 * 1024, 0x41), tls).catch(() => ({ status: 413, body: '' }))).status).toBe(413);

    // Without a live code every attempt is refused; with one, seven wrong proofs sent at once are all
    // refused, and they kill the code, so its holder cannot pair with it afterwards.
    const guess = () => post(hub.pairing, ROOM_PAIR_PATH, JSON.stringify({ name: 'guess', csr: 'AAAA', proof: '0'.repeat(64) }), tls);
    expect(JSON.parse((await guess()).body)).toMatchObject({ ok: false, reason: 'room_code_invalid' });
    const code = pairCode(hub);
    const answers = await Promise.all(Array.from({ length: 7 }, guess));
    expect(answers.map((a) => a.status)).toEqual(Array(7).fill(403));
    expect(readStore(hub.dir, (db) => db.prepare('SELECT failed_attempts AS n FROM room_pairing_codes ORDER BY id DESC LIMIT 1').get())).toEqual({ n: 5 });
    expect(joinRoom(fresh(), hub, code, 'Máy 1').json()).toMatchObject({ ok: false, error: { reason: 'room_code_invalid' } });
    expect(readStore(hub.dir, (db) => db.prepare('SELECT COUNT(*) AS n FROM room_pcs').get())).toEqual({ n: 0 });
  }, 90_000);

  it('a paired kiosk reaches only the room methods, and revoking it cuts it off at once', async () => {
    const hub = await startHub();
    running.push(hub);
    const dir = fresh();
    expect(joinRoom(dir, hub, pairCode(hub), 'Máy 1').code).toBe(0);
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ...credentialsOf(dir) });
    const tls = { agent };

    const served = await post(hub.calls, ROOM_CALL_PATH, call(1, 'circulation.checkin', { item: 'XX999999' }), tls);
    expect(served.status).toBe(200);
    expect(JSON.parse(served.body)).toMatchObject({ kind: 'reply', id: 1, reply: { ok: false, error: { reason: 'unknown_item' } } });
    const notRoom = JSON.parse((await post(hub.calls, ROOM_CALL_PATH, call(2, 'technician.backupNow', { staffToken: 'x'.repeat(20) }), tls)).body);
    expect(notRoom).toMatchObject({ id: 2, reply: { ok: false, error: { code: 'unknown_method', reason: 'room_not_served' } } });
    // A staff method with no vouched staff, or a staff card the hub does not know, does nothing.
    const noStaff = JSON.parse((await post(hub.calls, ROOM_CALL_PATH, call(3, 'circulation.overdue', { staffToken: 'x'.repeat(20) }), tls)).body);
    expect(noStaff).toMatchObject({ reply: { ok: false, error: { reason: 'room_staff_unknown' } } });
    const unknownCard = JSON.stringify({
      kind: 'call',
      id: 4,
      method: 'circulation.overdue',
      params: { staffToken: 'x'.repeat(20) },
      staff: { card: 'NV9999', role: 'technician' },
    });
    expect(JSON.parse((await post(hub.calls, ROOM_CALL_PATH, unknownCard, tls)).body)).toMatchObject({
      reply: { ok: false, error: { reason: 'room_staff_unknown' } },
    });
    expect(await post(hub.calls, ROOM_CALL_PATH, '{"kind":"call"', tls)).toMatchObject({ status: 400 });
    expect(await post(hub.calls, '/api', call(5, 'circulation.checkin', { item: 'XX999999' }), tls)).toMatchObject({ status: 404 });

    // The heartbeat for the room's console: its own strict shape; it can only speak for the PC its certificate names.
    const free = { phase: 'free', session: null, heldForTicket: null, waiting: 0 };
    expect(await post(hub.calls, ROOM_HEARTBEAT_PATH, JSON.stringify({ internet: free, done: [] }), tls)).toMatchObject({
      status: 200,
      body: '{"commands":[],"room":{"emergency":null,"maintenance":null}}',
    });
    for (const bad of [
      '{"internet":',
      JSON.stringify({ internet: { ...free, phase: 'hacked' }, done: [] }),
      JSON.stringify({
        internet: {
          ...free,
          session: { id: 1, who: 'x'.repeat(121), guest: false, minutesLeft: 1, awayEndsInSeconds: null, locked: false, moreTimeRequested: false },
        },
        done: [],
      }),
      JSON.stringify({ internet: free, done: [], pcId: 2 }),
      JSON.stringify({ internet: free, done: Array.from({ length: 51 }, (_, i) => ({ id: i + 1, refused: null })) }),
    ]) {
      expect(await post(hub.calls, ROOM_HEARTBEAT_PATH, bad, tls)).toMatchObject({ status: 400 });
    }
    // The console itself is a staff method: nothing without a staff card the hub knows.
    const consoleReply = JSON.parse((await post(hub.calls, ROOM_CALL_PATH, call(9, 'room.console', { staffToken: 'x'.repeat(20) }), tls)).body);
    expect(consoleReply).toMatchObject({ reply: { ok: false, error: { reason: 'room_staff_unknown' } } });

    // Revoked on the hub: the connection the kiosk kept open is refused at its next call ...
    expect(kiosk('room', 'revoke', 'Máy 1', '--data-dir', hub.dir, '--json').json()).toMatchObject({ ok: true, pc: { id: 1 } });
    const cut = await post(hub.calls, ROOM_CALL_PATH, call(6, 'circulation.checkin', { item: 'XX999999' }), tls);
    expect(cut.status).toBe(403);
    expect(JSON.parse(cut.body)).toMatchObject({ ok: false, reason: 'room_pc_revoked' });
    // ... and on a new connection every call is answered only that this PC was removed from the room
    // (so its screen can say so), whatever it asks.
    agent.destroy();
    const reconnecting = new Agent({ keepAlive: false, ...credentialsOf(dir) });
    for (const [id, method] of [
      [7, 'circulation.checkin'],
      [8, 'circulation.overdue'],
    ] as const) {
      const again = await post(hub.calls, ROOM_CALL_PATH, call(id, method, { item: 'TV000001', staffToken: 'x'.repeat(20) }), { agent: reconnecting });
      expect(again.status).toBe(403);
      expect(JSON.parse(again.body)).toEqual({ ok: false, reason: 'room_pc_revoked', message: expect.stringContaining('đã bị gỡ khỏi phòng đọc') });
    }
    expect(await post(hub.calls, ROOM_HEARTBEAT_PATH, JSON.stringify({ internet: free, done: [] }), { agent: reconnecting })).toMatchObject({ status: 403 });
    reconnecting.destroy();
    expect(kiosk('room', 'status', '--data-dir', hub.dir, '--json').json()).toMatchObject({ pcs: [{ id: 1, state: 'revoked' }] });
  }, 90_000);

  it("a paired kiosk's wait for staff's requests: strict, one per PC, answered the moment staff ask something of that PC", async () => {
    const hub = await startHub();
    running.push(hub);
    const dir = fresh();
    expect(joinRoom(dir, hub, pairCode(hub), 'Máy 1').code).toBe(0);
    const staffToken = await staffTokenAt(hub);
    // Each wait on a connection of its own, as two copies of one PC's key would make them.
    const connection = () => ({ agent: new Agent({ keepAlive: false, ...credentialsOf(dir) }) });
    const wait = () => post(hub.calls, ROOM_WAIT_PATH, '{}', connection());
    for (const bad of ['{"pcId":2}', '[]', 'null', '{']) expect(await post(hub.calls, ROOM_WAIT_PATH, bad, connection())).toMatchObject({ status: 400 });
    expect(await post(hub.calls, ROOM_WAIT_PATH, `{"x":"${'a'.repeat(100)}"}`, connection())).toMatchObject({ status: 413 });

    // Two waits from the same PC: the hub keeps one, and answers the other at once that nothing came.
    const waits = [wait(), wait()];
    const replaced = await Promise.race(waits);
    expect(replaced).toEqual({ status: 200, body: '{"wake":false}' });
    // Staff at the hub put Máy 1 into maintenance: the wait still held is answered at once.
    expect(await hub.ws.call('room.console.maintenance', { staffToken, pcId: 1, on: true })).toMatchObject({ ok: true });
    const [a, b] = await Promise.all(waits);
    expect([a!.body, b!.body].sort()).toEqual(['{"wake":false}', '{"wake":true}']);
    // Back in service while no wait was held: owed until the PC's next heartbeat, so its waits learn it at once.
    expect(await hub.ws.call('room.console.maintenance', { staffToken, pcId: 1, on: false })).toMatchObject({ ok: true });
    expect(await wait()).toEqual({ status: 200, body: '{"wake":true}' });
    const free = { phase: 'free', session: null, heldForTicket: null, waiting: 0 };
    expect(await post(hub.calls, ROOM_HEARTBEAT_PATH, JSON.stringify({ internet: free, done: [] }), connection())).toMatchObject({ status: 200 });
    // Heard from: the next wait is held, until staff close the whole room's internet.
    const held = wait();
    const closed = await hub.ws.call('room.console.emergency', { staffToken, closed: true });
    expect(closed).toMatchObject({ ok: true });
    expect(await held).toEqual({ status: 200, body: '{"wake":true}' });
  }, 90_000);
});
