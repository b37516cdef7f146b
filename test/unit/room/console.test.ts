// The room's console below the transport (issue #18, item 4): a standalone kiosk's console is its
// one PC; on a hub, each paired PC's heartbeat sets its state, staff's requests ride back in the
// answers until the PC acknowledges them (carried out once), a refusal is shown, and a PC that stops
// reporting is offline after three missed heartbeats. Fake clock only.
import { describe, expect, it } from 'vitest';
import { ROOM_HEARTBEAT_MS, type PcInternetReport, type RoomConsoleView } from '#contract/room';
import { FakeClock } from '../../../electron/core/clock';
import { noteHeartbeat } from '../../../electron/core/room/console';
import { internetOf } from '../../../electron/core/internet/context';
import { internetReport, reportShape, stateShape } from '../../../electron/core/internet/room-report';
import { internetState } from '../../../electron/core/internet/state';
import { addPc } from '../../../electron/core/room/pcs';
import { makeHub, roomStatus } from '../../../electron/core/room/setup';
import { events, openTestKiosk, staffToken, type TestKiosk } from '../../support/kiosk';

const BUSY: PcInternetReport = {
  phase: 'active',
  session: { id: 7, who: 'Trần Văn Minh', guest: false, minutesLeft: 42, awayEndsInSeconds: null, locked: false, moreTimeRequested: true },
  heldForTicket: null,
  waiting: 1,
};
const FREE: PcInternetReport = { phase: 'free', session: null, heldForTicket: null, waiting: 0 };

const open = () => openTestKiosk({ clock: new FakeClock('2026-12-09T10:00:00+07:00') });
/** One staff sign-in per kiosk in this file: each checks the PIN with scrypt, slow on purpose (its clock moves minutes at most). */
const tokens = new WeakMap<TestKiosk, Promise<string>>();
const tokenOf = (t: TestKiosk) => tokens.get(t) ?? (tokens.set(t, staffToken(t)), tokens.get(t)!);
const consoleOf = async (t: TestKiosk) => t.call<RoomConsoleView>('room.console', { staffToken: await tokenOf(t) });

describe("a standalone kiosk's console", () => {
  it('shows its one PC, and acts on its session at once', async () => {
    const t = await open();
    expect(await consoleOf(t)).toMatchObject({ role: 'standalone', pcs: [{ id: 0, name: 'Máy này', state: 'free', pending: 0 }] });
    await t.call('internet.signIn', { kind: 'card', text: 'BD000003' });
    const busy = await consoleOf(t);
    expect(busy.pcs[0]).toMatchObject({ state: 'in_session', internet: { session: { guest: false, minutesLeft: 60 } } });
    // The kiosk's heartbeat compares the published state's shape with its last report's: the two agree.
    const ic = internetOf(t.kiosk.ctx);
    expect(stateShape(internetState(ic))).toBe(reportShape(internetReport(ic)));
    const token = await staffToken(t);
    const sessionId = busy.pcs[0]!.internet!.session!.id;
    expect(await t.call('room.console.act', { staffToken: token, pcId: 0, sessionId, action: 'extend', minutes: 10 })).toEqual({ applied: true });
    expect((await consoleOf(t)).pcs[0]!.internet?.session?.minutesLeft).toBe(70);
    expect(events(t, 'staff.action').map((e) => e.action)).toContain('internet.extend_session');
    // No other PC here; and the request is checked at the boundary.
    await expect(t.call('room.console.act', { staffToken: token, pcId: 3, sessionId, action: 'end' })).rejects.toMatchObject({
      apiError: { reason: 'room_pc_unknown' },
    });
    // A request for a session that is over never reaches the next resident's.
    await expect(t.call('room.console.act', { staffToken: token, pcId: 0, sessionId: sessionId + 1, action: 'end' })).rejects.toMatchObject({
      apiError: { reason: 'session_changed' },
    });
    expect((await consoleOf(t)).pcs[0]!.state).toBe('in_session');
    await expect(t.call('room.console.act', { staffToken: token, pcId: 0, sessionId, action: 'extend', minutes: 10_000 })).rejects.toMatchObject({
      apiError: { code: 'invalid_request' },
    });
    await expect(t.call('room.console.act', { staffToken: token, pcId: 0, sessionId, action: 'lock' })).rejects.toMatchObject({
      apiError: { code: 'invalid_request' },
    });
    await expect(t.call('room.console', {})).rejects.toMatchObject({ apiError: { code: 'invalid_request' } });
  });

  it('goes into maintenance and back: out of service for residents, not while someone browses', async () => {
    const t = await open();
    const token = await staffToken(t);
    await t.call('internet.signIn', { kind: 'card', text: 'BD000003' });
    await expect(t.call('room.console.maintenance', { staffToken: token, pcId: 0, on: true })).rejects.toMatchObject({
      apiError: { reason: 'room_pc_in_use' },
    });
    await t.call('internet.end', {});
    const seen: unknown[] = [];
    t.kiosk.ctx.bus.on('system.maintenance', (event) => seen.push(event));
    const on = await t.call<RoomConsoleView>('room.console.maintenance', { staffToken: token, pcId: 0, on: true });
    expect(on.pcs[0]).toMatchObject({ state: 'maintenance', maintenance: { by: expect.any(String), at: '2026-12-09T03:00:00.000Z' } });
    expect(await t.call('system.info', {})).toMatchObject({ maintenance: { at: '2026-12-09T03:00:00.000Z' } });
    await expect(t.call('internet.signIn', { kind: 'card', text: 'BD000003' })).rejects.toMatchObject({ apiError: { reason: 'maintenance' } });
    const off = await t.call<RoomConsoleView>('room.console.maintenance', { staffToken: token, pcId: 0, on: false });
    expect(off.pcs[0]).toMatchObject({ state: 'free', maintenance: null });
    expect(seen).toEqual([{ maintenance: { by: expect.any(String), at: '2026-12-09T03:00:00.000Z' } }, { maintenance: null }]);
    expect(events(t, 'staff.action').map((e) => e.action)).toEqual(['room.pc_maintenance_on', 'room.pc_maintenance_off']);
  });

  it('closes its own internet in an emergency, ending the session, and reopens it', async () => {
    const t = await open();
    await t.call('internet.signIn', { kind: 'card', text: 'BD000003' });
    const token = await staffToken(t);
    const closed = await t.call<RoomConsoleView>('room.console.emergency', { staffToken: token, closed: true });
    expect(closed).toMatchObject({ emergency: { by: expect.any(String), at: '2026-12-09T03:00:00.000Z' }, pcs: [{ state: 'closed' }] });
    expect(events(t, 'internet.session_ended').map((e) => e.reason)).toEqual(['emergency']);
    const reopened = await t.call<RoomConsoleView>('room.console.emergency', { staffToken: token, closed: false });
    expect(reopened).toMatchObject({ emergency: null, pcs: [{ state: 'free' }] });
    expect(events(t, 'staff.action').map((e) => e.action)).toEqual(['internet.close_all', 'internet.emergency_close', 'internet.reopen']);
    await expect(t.call('room.console.emergency', { closed: true })).rejects.toMatchObject({ apiError: { code: 'invalid_request' } });
  });
});

describe("a hub's console", () => {
  async function hubWithTwoPcs() {
    const t = await open();
    await makeHub(t.kiosk.ctx, { listen: 'loopback', port: 0, pairingPort: 0 });
    const one = addPc(t.kiosk.ctx.db, 'Máy 1', 'ab'.repeat(32), t.clock.now());
    const two = addPc(t.kiosk.ctx.db, 'Máy 2', 'cd'.repeat(32), t.clock.now());
    return { t, one, two, ctx: t.kiosk.ctx };
  }

  it('shows each PC as its heartbeat says, and offline after three missed heartbeats', async () => {
    const { t, one, two, ctx } = await hubWithTwoPcs();
    // Not heard from yet: offline.
    expect((await consoleOf(t)).pcs.map((pc) => [pc.name, pc.state])).toEqual([
      ['Máy trung tâm', 'free'],
      ['Máy 1', 'offline'],
      ['Máy 2', 'offline'],
    ]);
    noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    noteHeartbeat(ctx, two, { internet: { ...FREE, heldForTicket: 4, waiting: 1 }, done: [] });
    const seen = await consoleOf(t);
    expect(seen.pcs.map((pc) => pc.state)).toEqual(['free', 'in_session', 'held']);
    expect(seen.pcs[1]).toMatchObject({ internet: BUSY, lastSeenAt: '2026-12-09T03:00:00.000Z' });
    // Stepped away is shown as such.
    noteHeartbeat(ctx, one, { internet: { ...BUSY, session: { ...BUSY.session!, awayEndsInSeconds: 300 } }, done: [] });
    expect((await consoleOf(t)).pcs[1]!.state).toBe('away');
    // Restarted mid-session, the PC runs no session: said as such, never shown as someone still in use.
    noteHeartbeat(ctx, one, { internet: { ...FREE, phase: 'suspended' }, done: [] });
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'interrupted', internet: { session: null } });
    noteHeartbeat(ctx, one, { internet: { ...BUSY, session: { ...BUSY.session!, awayEndsInSeconds: 300 } }, done: [] });

    t.clock.advance(3 * ROOM_HEARTBEAT_MS);
    expect((await consoleOf(t)).pcs[1]!.state).toBe('away');
    t.clock.advance(1);
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'offline', internet: null, lastSeenAt: '2026-12-09T03:00:00.000Z' });
    // An offline PC's session cannot be reached from the console: said, not queued.
    await expect(t.call('room.console.act', { staffToken: await tokenOf(t), pcId: one, sessionId: 7, action: 'end' })).rejects.toMatchObject({
      apiError: { reason: 'room_pc_offline' },
    });
  });

  it("sends staff's request with each answer until the PC acknowledges it, and shows what the PC refused", async () => {
    const { t, one, two, ctx } = await hubWithTwoPcs();
    noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    noteHeartbeat(ctx, two, { internet: FREE, done: [] });
    const token = await staffToken(t);
    // A free PC has no session to act on.
    await expect(t.call('room.console.act', { staffToken: token, pcId: two, sessionId: 7, action: 'message', text: 'Chào bạn' })).rejects.toMatchObject({
      apiError: { reason: 'no_session' },
    });

    // Staff saw session 7; once another resident sits down, nothing is sent for them.
    await expect(t.call('room.console.act', { staffToken: token, pcId: one, sessionId: 8, action: 'end' })).rejects.toMatchObject({
      apiError: { reason: 'session_changed' },
    });
    expect(await t.call('room.console.act', { staffToken: token, pcId: one, sessionId: 7, action: 'extend', minutes: 30 })).toEqual({ applied: false });
    expect(await t.call('room.console.act', { staffToken: token, pcId: one, sessionId: 7, action: 'message', text: 'Sắp đóng cửa' })).toEqual({
      applied: false,
    });
    expect((await consoleOf(t)).pcs[1]!.pending).toBe(2);
    const sent = noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    expect(sent).toEqual([
      expect.objectContaining({ action: 'extend', minutes: 30, sessionId: 7 }),
      expect.objectContaining({ action: 'message', text: 'Sắp đóng cửa', sessionId: 7 }),
    ]);
    // The answer was lost: the next heartbeat (nothing acknowledged) gets the same two again, same numbers.
    expect(noteHeartbeat(ctx, one, { internet: BUSY, done: [] })).toEqual(sent);
    // Acknowledged, one refused: gone from the list, the refusal shown; a repeated acknowledgement changes nothing.
    const [extend, message] = [sent[0]!, sent[1]!];
    expect(noteHeartbeat(ctx, one, { internet: BUSY, done: [{ id: extend.id, refused: 'Không thể gia hạn vì phiên đã chạy đến giờ đóng cửa.' }] })).toEqual([
      expect.objectContaining({ id: message.id }),
    ]);
    expect(
      noteHeartbeat(ctx, one, {
        internet: BUSY,
        done: [
          { id: message.id, refused: null },
          { id: extend.id, refused: null },
        ],
      }),
    ).toEqual([]);
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ pending: 0, lastRefusal: 'Không thể gia hạn vì phiên đã chạy đến giờ đóng cửa.' });
    // Who asked, of which PC, is the hub's record.
    expect(events(t, 'staff.action').filter((e) => String(e.action).startsWith('room.'))).toEqual([
      expect.objectContaining({ action: 'room.internet_extend', target: `room_pc:${one}` }),
      expect.objectContaining({ action: 'room.internet_message', target: `room_pc:${one}` }),
    ]);
  });

  it('drops the requests a PC has not taken when it goes offline, and says so; never more than 20 wait', async () => {
    const { t, one, ctx } = await hubWithTwoPcs();
    noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    const token = await tokenOf(t);
    const act = async () => t.call('room.console.act', { staffToken: token, pcId: one, sessionId: 7, action: 'extend', minutes: 10 });
    for (let i = 0; i < 20; i++) await act();
    await expect(act()).rejects.toMatchObject({ apiError: { reason: 'room_pc_requests_waiting', params: { name: 'Máy 1', count: 20 } } });
    // One heartbeat takes them all; taken, they wait for the PC's acknowledgement whatever the clock says.
    const sent = noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    expect(sent).toHaveLength(20);
    t.clock.advance(61_000);
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'offline', pending: 20, lastRefusal: null });
    noteHeartbeat(ctx, one, { internet: BUSY, done: sent.map((c) => ({ id: c.id, refused: null })) });
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'in_session', pending: 0 });

    // Not taken before the PC went offline: dropped, said on the card, never sent on its return.
    await act();
    t.clock.advance(16_000);
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'offline', pending: 0, lastRefusal: expect.stringContaining('không đến được máy') });
    expect(noteHeartbeat(ctx, one, { internet: BUSY, done: [] })).toEqual([]);
  });

  it('stores what each PC reports, without the name, for `kiosk room status` in another process', async () => {
    const { t, one, ctx } = await hubWithTwoPcs();
    noteHeartbeat(ctx, one, { internet: BUSY, done: [] });
    const stored = roomStatus(ctx).pcs;
    expect(stored.map((pc) => [pc.name, pc.activity])).toEqual([
      ['Máy 1', 'in_session'],
      ['Máy 2', 'offline'],
    ]);
    expect(stored[0]!.internet?.session).toMatchObject({ who: '', minutesLeft: 42 });
    const rows = JSON.stringify(ctx.db.prepare('SELECT * FROM room_pcs').all());
    expect(rows).not.toContain('Trần Văn Minh');

    // The minutes left change every beat: stored again only after a minute, or at once when the state changes.
    t.clock.advance(30_000);
    noteHeartbeat(ctx, one, { internet: { ...BUSY, session: { ...BUSY.session!, minutesLeft: 41 } }, done: [] });
    expect(roomStatus(ctx).pcs[0]!.internet?.session?.minutesLeft).toBe(42);
    noteHeartbeat(ctx, one, { internet: FREE, done: [] });
    expect(roomStatus(ctx).pcs[0]).toMatchObject({ activity: 'free', internet: FREE });
    // A PC staff put into maintenance says so, and its next heartbeat's answer tells it.
    await t.call('room.console.maintenance', { staffToken: await tokenOf(t), pcId: one, on: true });
    expect(roomStatus(ctx).pcs[0]).toMatchObject({ activity: 'maintenance' });
    expect((await consoleOf(t)).pcs[1]).toMatchObject({ state: 'maintenance', maintenance: { by: expect.any(String) } });
    await t.call('room.console.maintenance', { staffToken: await tokenOf(t), pcId: one, on: false });
    // Nothing stored for two minutes: offline, whatever the last report said.
    t.clock.advance(2 * 60_000 + 1);
    expect(roomStatus(ctx).pcs[0]).toMatchObject({ activity: 'offline', internet: null });
  });

  it('lists no revoked PC', async () => {
    const { t, two } = await hubWithTwoPcs();
    const technician = await t.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' });
    await t.call('room.revoke', { staffToken: technician.token, pcId: two });
    expect((await consoleOf(t)).pcs.map((pc) => pc.name)).toEqual(['Máy trung tâm', 'Máy 1']);
  });
});
