// Stepping out of a running session and back (issue #21, item 7): the session is kept for
// internet.stepAwayMinutes and keeps counting; the browsing answers nobody while the resident is away;
// only the same card, CCCD or guest code brings it back; past the limit it ends as 'inactive' and is
// wiped. Fake clock only.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../electron/core/clock';
import { internetOf } from '../../../electron/core/internet/context';
import { tick } from '../../../electron/core/internet/countdown';
import type { InternetState } from '#contract/internet';
import { events, openTestKiosk, staffToken, type TestKiosk } from '../../support/kiosk';

const MIN = 60_000;
const ADULT = 'BD000003';
const CHILD = 'BD000001';

async function running(text = ADULT, kind = 'card') {
  const t = await openTestKiosk({ clock: new FakeClock('2028-02-29T09:00:00+07:00') });
  const internet = internetOf(t.kiosk.ctx);
  const ended: { reason: string; wipe: string[] }[] = [];
  t.kiosk.ctx.bus.on('internet.ended', (e) => ended.push(e));
  return { t, internet, ended, start: () => signIn(t, text, kind).then(() => tick(internet)) };
}
const status = (t: TestKiosk) => t.call<InternetState>('internet.status');
const signIn = (t: TestKiosk, text: string, kind = 'card') =>
  t.call<{ resumed: boolean; allowanceMinutes: number; state: InternetState }>('internet.signIn', { kind, text });
const refusal = (promise: Promise<unknown>, reason: string) => expect(promise).rejects.toMatchObject({ apiError: { reason } });

describe('stepping away from an internet session', () => {
  it('keeps the session for ten minutes, counting, and gives it back to the same card only', async () => {
    const { t, internet, start } = await running();
    await start();
    expect(await t.call('internet.stepAway')).toEqual({ keptMinutes: 10 });
    t.clock.advance(4 * MIN);
    tick(internet);
    const away = await status(t);
    expect(away.phase).toBe('active');
    expect(away.session).toMatchObject({ awayEndsInSeconds: 6 * 60, usedSeconds: 4 * 60, inactiveEndsInSeconds: null });

    // Whoever is at the screen now cannot browse, ask for time, or take the session with another card.
    await refusal(t.call('internet.browse', { action: 'navigate', url: 'https://dichvucong.gov.vn' }), 'session_away');
    await refusal(t.call('internet.requestMoreTime'), 'session_away');
    await refusal(signIn(t, CHILD), 'pc_busy');
    // Input seen elsewhere is not the holder's: it does not keep the session.
    await t.call('internet.activity');
    expect((await status(t)).session?.awayEndsInSeconds).toBe(6 * 60);
    // Staff see who stepped away and for how long the session is kept.
    const overview = await t.call<{ current: { awayEndsInSeconds: number | null } }>('internet.staff.overview', { staffToken: await staffToken(t) });
    expect(overview.current.awayEndsInSeconds).toBe(6 * 60);

    const back = await signIn(t, ADULT);
    expect(back).toMatchObject({ resumed: true, allowanceMinutes: 56 });
    expect(back.state.session).toMatchObject({ awayEndsInSeconds: null, usedSeconds: 4 * 60 });
    await expect(t.call('internet.browse', { action: 'reload' })).resolves.toMatchObject({ handled: false });
    expect(events(t, 'internet.session_started')).toHaveLength(1);
  });

  it('ends and wipes the session, as inactive, when nobody comes back in time', async () => {
    const { t, internet, ended, start } = await running();
    await start();
    await t.call('internet.stepAway');
    // Away, the inactivity question is not asked: nobody is there to answer it.
    t.clock.advance(10 * MIN - 1000);
    tick(internet);
    expect((await status(t)).session).toMatchObject({ awayEndsInSeconds: 1, inactiveEndsInSeconds: null });
    t.clock.advance(1000);
    tick(internet);
    expect((await status(t)).phase).toBe('free');
    expect(ended).toEqual([expect.objectContaining({ reason: 'inactive', wipe: expect.arrayContaining(['cookies', 'history', 'tabs']) })]);
  });

  it('after coming back, the inactivity rule counts from the return', async () => {
    const { t, internet, start } = await running();
    await start();
    await t.call('internet.stepAway');
    t.clock.advance(8 * MIN);
    tick(internet);
    await signIn(t, ADULT);
    // Not asked a second before five minutes from the return; asked at five.
    for (const [wait, asked] of [
      [5 * MIN - 1000, null],
      [1000, 60],
    ] as const) {
      t.clock.advance(wait);
      tick(internet);
      expect((await status(t)).session?.inactiveEndsInSeconds).toBe(asked);
    }
  });

  it('a guest comes back with the same one-time code, which stays spent for anyone else', async () => {
    const t0 = await running();
    const token = await staffToken(t0.t);
    const { passes } = await t0.t.call<{ passes: { code: string }[] }>('internet.staff.createGuestPasses', { staffToken: token, minutes: 30, count: 2 });
    const [mine, other] = passes.map((p) => p.code);
    await signIn(t0.t, mine!, 'guest');
    tick(t0.internet);
    await t0.t.call('internet.stepAway');
    await refusal(signIn(t0.t, other!, 'guest'), 'pc_busy');
    // Typed without its prefix and in lower case, as on the sign-in screen.
    expect(await signIn(t0.t, mine!.slice('KHACH-'.length).toLowerCase(), 'card')).toMatchObject({ resumed: true });
  });

  it("keeps staff's message and the time warning for the resident who comes back, and shows neither while away", async () => {
    const { t, internet, start } = await running();
    await start();
    // Present and busy for 48 of the adult's 60 minutes.
    for (let minute = 0; minute < 48; minute++) {
      t.clock.advance(MIN);
      await t.call('internet.activity');
      tick(internet);
    }
    expect((await status(t)).session).toMatchObject({ lastWarningMinutes: null, staffMessage: null });
    await t.call('internet.stepAway');
    await t.call('internet.staff.message', { staffToken: await staffToken(t), text: 'Phòng đọc sắp đóng cửa, bạn lưu bài nhé.' });
    // Four minutes left: the five-minute warning is given while they are away.
    t.clock.advance(8 * MIN);
    tick(internet);
    expect((await status(t)).session).toMatchObject({ lastWarningMinutes: null, staffMessage: null });
    // Nobody else may dismiss the message.
    await refusal(t.call('internet.messageSeen'), 'session_away');

    await signIn(t, ADULT);
    expect((await status(t)).session).toMatchObject({
      lastWarningMinutes: 5,
      staffMessage: { text: 'Phòng đọc sắp đóng cửa, bạn lưu bài nhé.', at: '2028-02-29T02:48:00.000Z' },
    });
    await t.call('internet.messageSeen');
    expect((await status(t)).session?.staffMessage).toBeNull();
    // More time granted: the warning is behind them.
    await t.call('internet.staff.extend', { staffToken: await staffToken(t), minutes: 20, scope: 'session' });
    expect((await status(t)).session?.lastWarningMinutes).toBeNull();
  });

  it('is refused with what to do when the kiosk does not offer it, and when nobody is signed in', async () => {
    const { t, internet, start } = await running();
    await refusal(t.call('internet.stepAway'), 'no_session');
    await start();
    (internet.config as { stepAwayMinutes: number }).stepAwayMinutes = 0;
    await refusal(t.call('internet.stepAway'), 'step_away_off');
    expect((await status(t)).stepAwayMinutes).toBe(0);
  });
});
