// Card renewal by staff (issue #21): an expired card is extended by the card period or to a day,
// recorded with who and why, and the resident can borrow again; through the API and the CLI.
import { describe, expect, it } from 'vitest';
import type { SignedInPatron } from '#contract/circulation';
import type { PatronSummary } from '#contract/patrons';
import { addYears, localDay } from '../../common/calendar';
import { fresh, kiosk } from '../support/cli';
import { openTestKiosk, refusal, staffToken, type TestKiosk } from '../support/kiosk';

function renewals(t: TestKiosk): Record<string, unknown>[] {
  return (t.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'patron.card_renewed' ORDER BY id").all() as { payload: string }[]).map((r) =>
    JSON.parse(r.payload),
  );
}

describe('staff renew a card', () => {
  it('extends an expired card by the card period from today, records who and why, and the resident can sign in again', async () => {
    const t = await openTestKiosk();
    const staffToken_ = await staffToken(t);
    // BD000006 is the demo's expired card.
    const signIn = () => t.call<SignedInPatron>('circulation.signIn', { method: 'manual', card: 'BD000006' });
    expect((await signIn()).standing).toMatchObject({ canBorrow: false, reason: 'card_expired' });
    const today = localDay(t.clock.now());
    const years = t.kiosk.ctx.config.circulation.cardValidityYears;
    const renewed = await t.call<PatronSummary>('patrons.renewCard', { staffToken: staffToken_, card: 'bd000006', reason: 'gia hạn hằng năm' });
    expect(renewed).toMatchObject({ cardNumber: 'BD000006', cardExpiry: addYears(today, years), expired: false });
    expect(renewals(t)).toEqual([
      expect.objectContaining({ expiry: addYears(today, years), from: '2025-12-31', reason: 'gia hạn hằng năm', staffId: expect.any(Number) }),
    ]);
    expect((await signIn()).standing).toMatchObject({ canBorrow: true });
  });

  it('a card still valid runs on from its own expiry, or to a chosen day; past, earlier and far-off days are refused', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const years = t.kiosk.ctx.config.circulation.cardValidityYears;
    expect(await t.call<PatronSummary>('patrons.renewCard', { staffToken: token, card: 'BD000001', reason: 'gia hạn sớm' })).toMatchObject({
      cardExpiry: addYears('2027-12-31', years),
    });
    const today = localDay(t.clock.now());
    expect(await refusal(t.call('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: 'thử', until: today }))).toMatchObject({
      reason: 'renew_date_past',
    });
    expect(await refusal(t.call('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: 'thử', until: '2027-06-30' }))).toMatchObject({
      reason: 'renew_not_later',
    });
    expect(await refusal(t.call('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: 'thử', until: addYears(today, 11) }))).toMatchObject({
      reason: 'renew_too_far',
    });
    expect(await refusal(t.call('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: 'thử', until: '2028-02-30' }))).toMatchObject({
      code: 'invalid_request',
    });
    expect(await refusal(t.call('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: ' ' }))).toMatchObject({ code: 'invalid_request' });
    expect(
      await t.call<PatronSummary>('patrons.renewCard', { staffToken: token, card: 'BD000002', reason: 'học sinh lên lớp', until: '2028-02-29' }),
    ).toMatchObject({ cardExpiry: '2028-02-29' });
    // Only the two that succeeded were written.
    expect(renewals(t)).toHaveLength(2);
    // A resident's token is not a staff token.
    expect(await refusal(t.call('patrons.renewCard', { staffToken: await t.residentToken('BD000003'), card: 'BD000003', reason: 'tự gia hạn' }))).toMatchObject(
      { reason: 'staff_signed_out' },
    );
  });
});

// The CLI runs on the test clock (2 December 2026 unless a test sets another).
describe('kiosk patron renew', () => {
  it('extends to a day, says what to fix on bad input and writes nothing then', () => {
    const dir = fresh();
    const bad = kiosk('patron', 'renew', 'BD000006', '--until', '31/12/2027', '--reason', 'gia hạn', '--data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('NNNN-TT-NN');
    expect(kiosk('patron', 'renew', 'BD000006', '--until', '2026-11-30', '--reason', 'gia hạn', '--data-dir', dir).stderr).toContain('không sau hôm nay');
    const done = kiosk('patron', 'renew', 'BD000006', '--until', '2030-12-31', '--reason', 'gia hạn hằng năm', '--data-dir', dir, '--json');
    expect(done.code).toBe(0);
    expect(done.json()).toMatchObject({ ok: true, patron: { cardNumber: 'BD000006', cardExpiry: '2030-12-31', expired: false } });
    expect(kiosk('patron', 'show', 'BD000006', '--data-dir', dir).stdout).toContain('Hạn thẻ: 2030-12-31');
  });
});
