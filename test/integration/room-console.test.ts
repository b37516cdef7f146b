// The room's console (issue #18, item 4), with real processes on loopback: a hub and two kiosks.
// Staff signed in at PC 2 see every PC of the room, message, lock and end the session running on PC 1
// (which carries each out at its next heartbeat, once), close and reopen the whole room's internet in an
// emergency, put PC 1 into maintenance and back, and see PC 1 offline when it stops reporting;
// `kiosk room status` on the hub lists the same states. A kiosk killed mid-session and started again
// leaves no ghost session on the console.
import { afterEach, expect, it } from 'vitest';
import type { RoomConsoleView } from '#contract/room';
import { spawnSync } from 'node:child_process';
import { kioskArgv } from '../support/cli';
import { eventually, pairedPcs, ProcessClock, readStore, staffTokenAt, startHub, startPc, stopAll, type RoomPc } from '../support/room';

const running: (RoomPc | undefined)[] = [];
afterEach(() => stopAll(...running.splice(0)));

it('staff at PC 2 see every PC, message and end the session on PC 1, and see PC 1 go offline', async () => {
  const hub = await startHub();
  running.push(hub);
  const [pc1, pc2] = (await pairedPcs(hub, 'Máy 1', 'Máy 2')) as [RoomPc, RoomPc];
  running.push(pc1, pc2);
  const started = await pc1.ws.call('internet.signIn', { kind: 'card', text: 'BD000003' });
  expect(started.ok, JSON.stringify(started)).toBe(true);

  const staffToken = await staffTokenAt(pc2);
  const view = () => pc2.ws.call('room.console', { staffToken }).then((reply) => reply.value as RoomConsoleView);
  const stateOf = (v: RoomConsoleView, name: string) => v.pcs.find((pc) => pc.name === name)?.state;
  const seen = await eventually(view, (v) => stateOf(v, 'Máy 1') === 'in_session' && stateOf(v, 'Máy 2') === 'free');
  expect(seen.role).toBe('hub');
  expect(seen.pcs.map((pc) => [pc.id === 0 ? 'hub' : pc.name, pc.state])).toEqual([
    ['hub', 'free'],
    ['Máy 1', 'in_session'],
    ['Máy 2', 'free'],
  ]);
  const one = seen.pcs.find((pc) => pc.name === 'Máy 1')!;
  const two = seen.pcs.find((pc) => pc.name === 'Máy 2')!;
  expect(one.internet?.session).toMatchObject({ guest: false, awayEndsInSeconds: null, moreTimeRequested: false });
  expect(one.internet!.session!.who.length).toBeGreaterThan(0);
  expect(one.internet!.session!.minutesLeft).toBeGreaterThan(0);
  const sessionId = one.internet!.session!.id;

  // The technician's `kiosk room status` on the hub (another process) says the same, without names.
  // On the hub's own clock (each test command otherwise starts a minute after the one before); the hub
  // stores a PC's new state within one heartbeat.
  const roomStatus = async () => {
    const run = spawnSync(process.execPath, kioskArgv(['room', 'status', '--data-dir', hub.dir, '--json'], new ProcessClock(hub.startedAt)), {
      encoding: 'utf8',
    });
    return JSON.parse(run.stdout) as { pcs: { name: string; activity: string; internet: unknown }[] };
  };
  const status = await eventually(roomStatus, (st) => st.pcs.map((pc) => pc.activity).join() === 'in_session,free');
  expect(status.pcs.map((pc) => pc.name)).toEqual(['Máy 1', 'Máy 2']);
  expect(JSON.stringify(status)).not.toContain(one.internet!.session!.who);

  // Without a staff token, nothing; a PC without a session has nothing to end.
  expect(await pc2.ws.call('room.console', {})).toMatchObject({ ok: false });
  expect(await pc2.ws.call('room.console.act', { staffToken, pcId: two.id, sessionId: 1, action: 'end' })).toMatchObject({
    ok: false,
    error: { reason: 'no_session' },
  });

  // A message reaches the resident at PC 1 with its next heartbeat.
  const text = 'Máy 1 ơi, phòng đọc sắp đóng cửa, bạn lưu bài nhé.';
  expect(await pc2.ws.call('room.console.act', { staffToken, pcId: one.id, sessionId, action: 'message', text })).toMatchObject({
    ok: true,
    value: { applied: false },
  });
  await eventually(
    () => pc1.ws.call('internet.status', {}).then((r) => r.value as { session: { staffMessage: { text: string } | null } | null }),
    (s) => s.session?.staffMessage?.text === text,
  );

  // Locked from PC 2: PC 1's pages step aside and the resident there can do nothing with them; the
  // console shows the lock; unlocked, the session goes on.
  const sessionAt1 = () => pc1.ws.call('internet.status', {}).then((r) => r.value as { session: { locked: boolean } | null });
  expect(await pc2.ws.call('room.console.act', { staffToken, pcId: one.id, sessionId, action: 'lock', locked: true })).toMatchObject({
    ok: true,
    value: { applied: false },
  });
  await eventually(sessionAt1, (s) => s.session?.locked === true);
  expect(await pc1.ws.call('internet.browse', { action: 'reload' })).toMatchObject({ ok: false, error: { reason: 'session_locked' } });
  await eventually(view, (v) => v.pcs.find((pc) => pc.name === 'Máy 1')?.internet?.session?.locked === true);
  expect(await pc2.ws.call('room.console.act', { staffToken, pcId: one.id, sessionId, action: 'lock', locked: false })).toMatchObject({ ok: true });
  await eventually(sessionAt1, (s) => s.session?.locked === false);

  // Ended from PC 2: PC 1's session ends as staff's, once, and the console shows it free.
  expect(await pc2.ws.call('room.console.act', { staffToken, pcId: one.id, sessionId, action: 'end' })).toMatchObject({ ok: true });
  await eventually(
    () => pc1.ws.call('internet.status', {}).then((r) => r.value as { phase: string }),
    (s) => s.phase === 'free',
  );
  await eventually(view, (v) => stateOf(v, 'Máy 1') === 'free' && v.pcs.every((pc) => pc.pending === 0));
  const ended = readStore(pc1.dir, (db) => db.prepare("SELECT payload FROM events WHERE type = 'internet.session_ended'").all()) as { payload: string }[];
  expect(ended.map((e) => (JSON.parse(e.payload) as { reason: string }).reason)).toEqual(['staff']);
  // The hub recorded who asked, and of which PC.
  const asked = readStore(hub.dir, (db) => db.prepare("SELECT payload FROM events WHERE type = 'staff.action' ORDER BY id").all()) as { payload: string }[];
  expect(asked.map((e) => JSON.parse(e.payload) as { action: string; target: string })).toEqual([
    expect.objectContaining({ action: 'room.internet_message', target: `room_pc:${one.id}` }),
    expect.objectContaining({ action: 'room.internet_lock', target: `room_pc:${one.id}` }),
    expect.objectContaining({ action: 'room.internet_unlock', target: `room_pc:${one.id}` }),
    expect.objectContaining({ action: 'room.internet_end', target: `room_pc:${one.id}` }),
  ]);

  // PC 1 stops reporting: after three missed heartbeats it is offline, and a request to it is refused with why.
  pc1.host.proc.kill('SIGKILL');
  await pc1.host.exited;
  await eventually(view, (v) => stateOf(v, 'Máy 1') === 'offline');
  const refused = await pc2.ws.call('room.console.act', { staffToken, pcId: one.id, sessionId, action: 'end' });
  expect(refused).toMatchObject({ ok: false, error: { reason: 'room_pc_offline' } });
  expect(refused.error!.message).toMatch(/Máy 1 đang mất kết nối/);
}, 120_000);

it("staff at PC 2 close the whole room's internet in an emergency and reopen it, and put PC 1 into maintenance and back", async () => {
  const hub = await startHub();
  running.push(hub);
  const [pc1, pc2] = (await pairedPcs(hub, 'Máy 1', 'Máy 2')) as [RoomPc, RoomPc];
  running.push(pc1, pc2);
  const staffToken = await staffTokenAt(pc2);
  const view = () => pc2.ws.call('room.console', { staffToken }).then((reply) => reply.value as RoomConsoleView);
  const stateOf = (v: RoomConsoleView, name: string) => v.pcs.find((pc) => pc.name === name)?.state;
  const one = (await eventually(view, (v) => stateOf(v, 'Máy 1') === 'free')).pcs.find((pc) => pc.name === 'Máy 1')!;

  // An emergency: staff at PC 2 had closed their own PC's internet; now they close the whole room's.
  // PC 1's new session ends as an emergency and PC 1, the hub and PC 2 are closed. Reopening the room
  // reopens PC 1 and the hub, while PC 2 stays closed until staff reopen it there.
  expect(await pc2.ws.call('internet.staff.emergencyClose', { staffToken })).toMatchObject({ ok: true });
  expect(await pc1.ws.call('internet.signIn', { kind: 'card', text: 'BD000004' })).toMatchObject({ ok: true });
  const phaseAt = (pc: RoomPc) => () => pc.ws.call('internet.status', {}).then((r) => r.value as { phase: string; closedReason: string | null });
  const closedRoom = await pc2.ws.call('room.console.emergency', { staffToken, closed: true });
  expect(closedRoom).toMatchObject({ ok: true, value: { emergency: { by: expect.any(String) } } });
  await eventually(phaseAt(pc1), (s) => s.phase === 'closed' && s.closedReason === 'emergency');
  await eventually(view, (v) => v.emergency !== null && v.pcs.every((pc) => pc.state === 'closed'));
  const reasons = readStore(pc1.dir, (db) => db.prepare("SELECT payload FROM events WHERE type = 'internet.session_ended' ORDER BY id").all()) as {
    payload: string;
  }[];
  expect(reasons.map((e) => (JSON.parse(e.payload) as { reason: string }).reason)).toEqual(['emergency']);
  expect(await pc1.ws.call('internet.signIn', { kind: 'card', text: 'BD000004' })).toMatchObject({ ok: false });

  expect(await pc2.ws.call('room.console.emergency', { staffToken, closed: false })).toMatchObject({ ok: true, value: { emergency: null } });
  await eventually(phaseAt(pc1), (s) => s.phase === 'free');
  const reopened = await eventually(view, (v) => stateOf(v, 'Máy 1') === 'free' && v.pcs[0]!.state === 'free');
  expect(stateOf(reopened, 'Máy 2')).toBe('closed');
  expect(await phaseAt(pc2)()).toMatchObject({ phase: 'closed', closedReason: 'emergency' });
  const roomActions = readStore(hub.dir, (db) => db.prepare("SELECT payload FROM events WHERE type = 'staff.action' ORDER BY id").all()) as {
    payload: string;
  }[];
  expect(
    roomActions
      .map((e) => (JSON.parse(e.payload) as { action: string }).action)
      .filter((a) => a.startsWith('room.internet_close_all') || a === 'room.internet_reopen'),
  ).toEqual(['room.internet_close_all', 'room.internet_reopen']);

  // Maintenance: staff at PC 2 take PC 1 out of service; PC 1 hears it with its next heartbeat and
  // refuses residents, and comes back into service the same way.
  const infoAt = (pc: RoomPc) => () => pc.ws.call('system.info', {}).then((r) => r.value as { maintenance: { by: string } | null });
  expect(await pc2.ws.call('room.console.maintenance', { staffToken, pcId: one.id, on: true })).toMatchObject({ ok: true });
  await eventually(infoAt(pc1), (info) => info.maintenance !== null);
  expect(await pc1.ws.call('internet.signIn', { kind: 'card', text: 'BD000004' })).toMatchObject({ ok: false, error: { reason: 'maintenance' } });
  await eventually(view, (v) => stateOf(v, 'Máy 1') === 'maintenance');
  expect(await pc2.ws.call('room.console.maintenance', { staffToken, pcId: one.id, on: false })).toMatchObject({ ok: true });
  await eventually(infoAt(pc1), (info) => info.maintenance === null);
  await eventually(view, (v) => stateOf(v, 'Máy 1') === 'free');
}, 120_000);

it('a kiosk killed during an internet session and started again leaves no ghost: offline, then interrupted, then its resident resumes', async () => {
  const hub = await startHub();
  running.push(hub);
  const [pc1] = (await pairedPcs(hub, 'Máy 1')) as [RoomPc];
  running.push(pc1);
  const staffToken = await staffTokenAt(hub);
  const one = () => hub.ws.call('room.console', { staffToken }).then((reply) => (reply.value as RoomConsoleView).pcs.find((pc) => pc.name === 'Máy 1')!);
  expect(await pc1.ws.call('internet.signIn', { kind: 'card', text: 'BD000004' })).toMatchObject({ ok: true });
  await eventually(one, (pc) => pc.state === 'in_session');

  // The kiosk program dies: the hub stops hearing it and says so, with nobody shown on it.
  pc1.host.proc.kill('SIGKILL');
  await pc1.host.exited;
  expect(await eventually(one, (pc) => pc.state === 'offline')).toMatchObject({ internet: null });

  // Started again (same boot): its session was cut short and waits for its resident; the console says
  // that within a heartbeat, not that someone is using it.
  const again = await startPc(pc1.dir);
  running.push(again);
  expect(await eventually(one, (pc) => pc.state === 'interrupted')).toMatchObject({ internet: { phase: 'suspended', session: null } });
  expect(await again.ws.call('internet.signIn', { kind: 'card', text: 'BD000004' })).toMatchObject({ ok: true, value: { resumed: true } });
  expect(await eventually(one, (pc) => pc.state === 'in_session')).toMatchObject({ internet: { session: { guest: false } } });
}, 120_000);
