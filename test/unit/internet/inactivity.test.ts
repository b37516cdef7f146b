// The inactivity rule of a running session (issue #21): after internet.inactivityMinutes without input
// the screens ask "Bạn còn dùng máy không?" for a minute, then the session ends as 'inactive' through
// the one end path (wiped); input seen on the session's screens or pages keeps it. Fake clock only.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../electron/core/clock';
import { internetOf } from '../../../electron/core/internet/context';
import { tick } from '../../../electron/core/internet/countdown';
import type { InternetState } from '#contract/internet';
import { openTestKiosk, type TestKiosk } from '../../support/kiosk';

const MIN = 60_000;
const ADULT = 'BD000003';

async function running() {
  const t = await openTestKiosk({ clock: new FakeClock('2028-02-29T16:50:00+07:00') });
  const internet = internetOf(t.kiosk.ctx);
  const ended: { reason: string; wipe: string[] }[] = [];
  t.kiosk.ctx.bus.on('internet.ended', (e) => ended.push(e));
  await t.call('internet.signIn', { kind: 'card', text: ADULT });
  tick(internet); // the countdown starts, as it does within a second of sign-in
  return { t, internet, ended };
}
const status = (t: TestKiosk) => t.call<InternetState>('internet.status');
const endedEvents = (t: TestKiosk) =>
  (t.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'internet.session_ended'").all() as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as { reason: string },
  );

describe('inactivity in an internet session', () => {
  it('asks after five minutes without input, then ends and wipes a minute later', async () => {
    const { t, internet, ended } = await running();
    t.clock.advance(5 * MIN - 1000);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBeNull();
    t.clock.advance(1000);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBe(60);
    t.clock.advance(59_000);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBe(1);
    t.clock.advance(1000);
    tick(internet);
    const after = await status(t);
    expect(after.phase).toBe('free');
    expect(endedEvents(t)).toEqual([expect.objectContaining({ reason: 'inactive' })]);
    expect(ended).toEqual([expect.objectContaining({ reason: 'inactive', wipe: expect.arrayContaining(['cookies', 'localStorage', 'history', 'tabs']) })]);
    expect(t.kiosk.db.prepare('SELECT end_reason AS r FROM internet_sessions').get()).toEqual({ r: 'inactive' });
  });

  it('input reported through internet.activity keeps the session and takes the question away', async () => {
    const { t, internet } = await running();
    for (let i = 0; i < 6; i++) {
      t.clock.advance(4 * MIN);
      tick(internet);
      await t.call('internet.activity');
    }
    expect((await status(t)).phase).toBe('active');
    t.clock.advance(5 * MIN);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBe(60);
    t.clock.advance(30_000);
    await t.call('internet.activity');
    expect((await status(t)).session?.inactiveEndsInSeconds).toBeNull();
    t.clock.advance(4 * MIN);
    tick(internet);
    expect((await status(t)).phase).toBe('active');
    expect(endedEvents(t)).toEqual([]);
  });

  it('a clock that jumps far still shows the question for its full minute before the end', async () => {
    const { t, internet } = await running();
    t.clock.advance(20 * MIN);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBe(60);
    t.clock.advance(30_000);
    tick(internet);
    expect((await status(t)).phase).toBe('active');
    t.clock.advance(30_000);
    tick(internet);
    expect(endedEvents(t)).toEqual([expect.objectContaining({ reason: 'inactive' })]);
  });

  it('time running out is time up, not inactivity; 0 minutes turns the question off', async () => {
    const { t, internet } = await running();
    (internet.config as { inactivityMinutes: number }).inactivityMinutes = 0;
    t.clock.advance(30 * MIN);
    tick(internet);
    expect((await status(t)).session?.inactiveEndsInSeconds).toBeNull();
    t.clock.advance(30 * MIN);
    tick(internet);
    expect(endedEvents(t)).toEqual([expect.objectContaining({ reason: 'time_up' })]);
  });

  it('input with no session running changes nothing', async () => {
    const t = await openTestKiosk({ clock: new FakeClock('2028-02-29T16:50:00+07:00') });
    await expect(t.call('internet.activity')).resolves.toEqual({ ok: true });
    expect((await status(t)).phase).toBe('free');
  });
});
