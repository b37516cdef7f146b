// The instants where time-dependent behaviour turns, chosen on purpose (test/support/clock.ts): the
// internet closing at night, the Vietnamese day against the UTC day just after midnight, 29 February
// and New Year's Eve — in the core (FakeClock) and through the `kiosk` command (--test-clock).
import { describe, expect, it } from 'vitest';
import type { LoanView } from '#contract/circulation';
import { FakeClock } from '../../electron/core/clock';
import { fresh, kiosk, useCliClock } from '../support/cli';
import { INSTANTS, ProcessClock } from '../support/clock';
import { openTestKiosk } from '../support/kiosk';

async function checkoutAt(instant: string, card: string, item: string): Promise<LoanView> {
  const t = await openTestKiosk({ clock: new FakeClock(instant) });
  return t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken(card), item });
}

describe('due dates on the days that turn', () => {
  it('counts from the Vietnamese day, not the UTC day, just after midnight', async () => {
    // Monday 00:05 in Vietnam is still Sunday 17:05 in UTC: an adult's 21 days run from Monday the 7th.
    expect((await checkoutAt(INSTANTS.afterMidnight, 'BD000003', 'TV000002')).dueDate).toBe('2026-12-28');
  });

  it('crosses 29 February and the new year', async () => {
    expect((await checkoutAt(INSTANTS.leapDay, 'BD000003', 'TV000002')).dueDate).toBe('2028-03-21');
    // A child (14 days) borrowing 30 seconds before the new year.
    expect((await checkoutAt(INSTANTS.yearEnd, 'BD000001', 'TV000002')).dueDate).toBe('2027-01-14');
  });

  it('keeps the demo cards valid whatever year the demo is seeded in, and BD000006 expired', async () => {
    const t = await openTestKiosk({ clock: new FakeClock(INSTANTS.leapDay) });
    await expect(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item: 'TV000002' })).resolves.toMatchObject({
      dueDate: '2028-03-14',
    });
    const expired = t.residentToken('BD000006').then((residentToken) => t.call('circulation.checkout', { residentToken, item: 'TV000004' }));
    await expect(expired).rejects.toMatchObject({ apiError: { reason: 'card_expired' } });
  });
});

describe('the kiosk command at chosen instants', () => {
  it('cuts an internet session to the closing time at Sunday 23:50 (demo hours end 23:59)', () => {
    useCliClock(new ProcessClock(INSTANTS.sundayLate, 60_000, 0));
    const started = kiosk('session', 'start', 'BD000003', '--data-dir', fresh(), '--json');
    expect(started.code, started.stderr).toBe(0);
    expect(started.json()).toMatchObject({ allowanceMinutes: 9, limitedBy: 'closing' });
  });

  it('gives the full hour on 29 February 2028, on a demo seeded that day', () => {
    useCliClock(new ProcessClock(INSTANTS.leapDay, 60_000, 0));
    const started = kiosk('session', 'start', 'BD000003', '--data-dir', fresh(), '--json');
    expect(started.code, started.stderr).toBe(0);
    expect(started.json()).toMatchObject({ allowanceMinutes: 60 });
  });
});
