// Staff lock a session from the room's console (issue #18, item 4): the pages step aside and fall
// silent, nothing the resident does lifts it (not their card, not a restart of the program), the
// countdown keeps running and the inactivity question is not asked; unlocked, the session goes on.
// Fake clock only.
import { describe, expect, it } from 'vitest';
import type { InternetState } from '#contract/internet';
import type { RoomConsoleView } from '#contract/room';
import { FakeClock } from '../../../electron/core/clock';
import { internetOf } from '../../../electron/core/internet/context';
import { tick } from '../../../electron/core/internet/countdown';
import { internetState } from '../../../electron/core/internet/state';
import { tabsAside } from '../../../electron/core/internet/tabs-aside';
import { createKiosk } from '../../../electron/core/kiosk';
import { silentLogger } from '../../../electron/core/log';
import { events, openTestKiosk, staffToken, type TestKiosk } from '../../support/kiosk';

const MIN = 60_000;
const ADULT = 'BD000003';
const CHILD = 'BD000001';

const status = (t: TestKiosk) => t.call<InternetState>('internet.status');
const refusal = (promise: Promise<unknown>, reason: string) => expect(promise).rejects.toMatchObject({ apiError: { reason } });

async function inSession() {
  // Mid-morning on 29 February: the hour after is open, so what decides below is the lock, not the closing.
  const t = await openTestKiosk({ clock: new FakeClock('2028-02-29T09:30:00+07:00') });
  const internet = internetOf(t.kiosk.ctx);
  await t.call('internet.signIn', { kind: 'card', text: ADULT });
  tick(internet);
  const sessionId = (await status(t)).session!.id;
  // Staff sign in at each request: the clock moves on by more than a staff sign-in lasts.
  const lock = async (locked: boolean, id = sessionId) =>
    t.call('room.console.act', { staffToken: await staffToken(t), pcId: 0, sessionId: id, action: 'lock', locked });
  return { t, internet, lock, sessionId };
}

describe('a session locked by staff', () => {
  it('hides the pages, refuses the resident everything but the end, and goes on when unlocked', async () => {
    const { t, internet, lock } = await inSession();
    expect(await lock(true)).toEqual({ applied: true });
    const locked = await status(t);
    expect(locked.session).toMatchObject({ locked: true, awayEndsInSeconds: null });
    expect(tabsAside(locked)).toEqual({ asking: false, withheld: true });
    // The console shows it (the heartbeat's report carries it to a hub's console too).
    const view = await t.call<RoomConsoleView>('room.console', { staffToken: await staffToken(t) });
    expect(view.pcs[0]).toMatchObject({ state: 'in_session', internet: { session: { locked: true } } });

    // Whoever is at the screen cannot browse, pick files, ask for time, step away, or lift it with the card.
    await refusal(t.call('internet.browse', { action: 'navigate', url: 'https://dichvucong.gov.vn' }), 'session_locked');
    await refusal(t.call('internet.requestMoreTime'), 'session_locked');
    await refusal(t.call('internet.stepAway'), 'session_locked');
    await refusal(t.call('internet.signIn', { kind: 'card', text: ADULT }), 'session_locked');
    await refusal(t.call('internet.signIn', { kind: 'card', text: CHILD }), 'pc_busy');

    // The countdown runs on (a lock never lengthens a session); nobody is asked "Bạn còn dùng máy không?".
    t.clock.advance(20 * MIN);
    tick(internet);
    expect((await status(t)).session).toMatchObject({ locked: true, inactiveEndsInSeconds: null, remainingSeconds: 40 * 60 });

    // Locking again changes nothing; unlocked, the inactivity rule counts from the unlock.
    await lock(true);
    await lock(false);
    const open = await status(t);
    expect(open.session).toMatchObject({ locked: false, inactiveEndsInSeconds: null });
    expect(tabsAside(open)).toEqual({ asking: false, withheld: false });
    t.clock.advance(internet.config.inactivityMinutes * MIN - 1000);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBeNull();
    await expect(t.call('internet.browse', { action: 'reload' })).resolves.toMatchObject({ handled: false });
    expect(events(t, 'staff.action').map((e) => e.action)).toEqual(['internet.lock', 'internet.unlock']);
  });

  it('ends as any session does, and its lock means nothing to the next one', async () => {
    const { t, internet, lock, sessionId } = await inSession();
    await lock(true);
    t.clock.advance(60 * MIN);
    tick(internet);
    expect(events(t, 'internet.session_ended')).toEqual([expect.objectContaining({ sessionId, reason: 'time_up' })]);
    await t.call('internet.signIn', { kind: 'card', text: CHILD });
    expect((await status(t)).session).toMatchObject({ locked: false });
    // A request for the session that ended never reaches the next resident.
    await refusal(lock(true, sessionId), 'session_changed');
  });

  it('stays locked across a restart of the kiosk program: the card does not resume it', async () => {
    const { t, internet, lock } = await inSession();
    await lock(true);
    t.clock.advance(6_000);
    tick(internet); // a checkpoint
    await t.kiosk.close();
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      expect(internetState(internetOf(again.ctx)).phase).toBe('suspended');
      expect(await again.registry.dispatch('internet.signIn', { kind: 'card', text: ADULT })).toMatchObject({
        ok: false,
        error: { reason: 'session_locked', message: expect.stringContaining('gặp cán bộ') },
      });
    } finally {
      await again.close();
    }
  });

  it('is checked at the boundary: a lock names whether it locks', async () => {
    const { t, sessionId } = await inSession();
    const token = await staffToken(t);
    for (const bad of [{}, { locked: 'yes' }, { locked: true, extra: 1 }]) {
      await expect(t.call('room.console.act', { staffToken: token, pcId: 0, sessionId, action: 'lock', ...bad })).rejects.toMatchObject({
        apiError: { code: 'invalid_request' },
      });
    }
    await expect(t.call('room.console.act', { pcId: 0, sessionId, action: 'lock', locked: true })).rejects.toMatchObject({
      apiError: { code: 'invalid_request' },
    });
  });
});
