// The audit of every indicator against its definition (docs/indicators.md; issue #24). Each
// scenario is one hand-built day of events; the expected figure is worked out by hand in the
// comment from the definition, then read from the commune's report AND from the upload payload
// the collector validates and stores. The day is 29 February 2028 (a leap day), in Vietnam time.
import { describe, expect, it } from 'vitest';
import { DAY_INDICATORS, PERIOD_INDICATORS, type IndicatorKey } from '#contract/statistics';
import { freshStore } from './event-log-fixture';
import { addPatron, audit, boy, Day, giveBack, grandpa, guest, lend, renew, signIn, woman } from './audit-support';

const LEAP_DAY = '2028-02-29';
const AFTER = '2028-03-01 08:00';

/** Reports and uploads the leap day; checks the report and the upload agree with `expected`. */
function expectFigures(d: Day, expected: Partial<Record<IndicatorKey, number>>, period = LEAP_DAY, now = AFTER) {
  const a = audit(d.db, period, now);
  for (const [key, value] of Object.entries(expected) as [IndicatorKey, number][]) {
    expect(a.reported(key), `report: ${key}`).toBe(value);
    if ((DAY_INDICATORS as readonly string[]).includes(key)) expect(a.stored(key), `upload: ${key}`).toBe(value);
  }
  return a;
}

describe('audit: every indicator on a hand-built day (report and upload)', () => {
  it('lists 19 indicators: the 18 audited and residents served, each with a scenario below', () => {
    expect([...PERIOD_INDICATORS, ...DAY_INDICATORS]).toHaveLength(19);
  });

  it('users vs active cards vs visits: one resident twice in a day, a return alone, a renewal by phone', () => {
    const d = new Day(freshStore());
    // Cards: Lan (1), Minh (2) and Hùng (3) hold cards valid on 29/02; Hoa (4) is blocked; Tú (5)'s card
    // ended on 28/02; Nam (6) registered at 05:30 on 1 March (22:30 UTC on 29 February).
    for (const [card, expiry, created, status] of [
      ['BD1', '2028-12-31', '2027-05-01T02:00:00.000Z', 'active'],
      ['BD2', '2028-12-31', '2027-05-01T02:00:00.000Z', 'active'],
      ['BD3', '2028-02-29', '2027-05-01T02:00:00.000Z', 'active'],
      ['BD4', '2028-12-31', '2027-05-01T02:00:00.000Z', 'blocked'],
      ['BD5', '2028-02-28', '2027-05-01T02:00:00.000Z', 'active'],
      ['BD6', '2029-02-28', '2028-02-29T22:30:00.000Z', 'active'],
    ] as const)
      addPatron(d.db, card, expiry, created, status);
    // Lan comes at 08:00 and borrows; comes back at 15:00 for the internet.
    signIn(d, '2028-02-29 08:00', 1, woman);
    lend(d, '2028-02-29 08:01', 11, 1, woman);
    signIn(d, '2028-02-29 15:00', 1, woman, 'internet');
    d.at('2028-02-29 15:00', 'internet.session_started', { sessionId: 1, patronId: 1, guest: false, allowanceMinutes: 60, ...woman });
    // Someone brings back Minh's book lent in January: a return identifies the book, not who came.
    giveBack(d, '2028-02-29 10:00', 5, 2, boy);
    // Hùng phones; staff renew his loan at the desk.
    renew(d, '2028-02-29 11:00', 6, 3, grandpa);
    // active cards = Lan, Minh, Hùng (expiry on the day itself is still valid) = 3; not Hoa
    //   (blocked), Tú (expired the day before), Nam (registered after the day ended in Vietnam).
    // users = Lan (signed in, borrowed, internet) + Hùng (renewal is use) = 2; Minh only returned.
    // visits = Lan once (two comings the same day are one visit by the kiosk's rule) = 1; Hùng's
    //   renewal was by phone, so renewals are not presence.
    expectFigures(d, { active_cards: 3, users: 2, visits: 1, residents_first_served: 2, loans: 1, internet_sessions: 1, returns: 1, renewals: 1 });
  });

  it('cards_new: registrations of the day, from the kiosk, the desk and an import', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 08:00', 'patron.registered', { patronId: 1, via: 'self', status: 'active', ...woman });
    d.at('2028-02-29 09:00', 'patron.registered', { patronId: 2, via: 'staff', status: 'active', ...boy });
    d.at('2028-02-29 23:59', 'patron.registered', { patronId: 3, via: 'import', status: 'pending', ...grandpa });
    d.at('2028-03-01 00:00', 'patron.registered', { patronId: 4, via: 'self', status: 'active', ...woman });
    // 3 on the leap day (the 00:00 registration of 1 March belongs to the next day) = 3.
    const a = expectFigures(d, { cards_new: 3 }, LEAP_DAY, '2028-03-02 08:00');
    expect(a.uploaded.find((u) => u.day === LEAP_DAY)!.figures.cards_new!.by!.category).toEqual({ adult: 1, child: 1, senior: 1 });
  });

  it('visits: identified residents once a day, from any service; guests are not visits', () => {
    const d = new Day(freshStore());
    signIn(d, '2028-02-29 08:00', 1, woman);
    signIn(d, '2028-02-29 17:00', 1, woman, 'internet');
    lend(d, '2028-02-29 09:00', 1, 2, boy); // borrowed at the staff desk, no sign-in: still came
    d.at('2028-02-29 10:00', 'eresource.opened', { resourceId: 1, topic: 'Nông nghiệp', format: 'pdf', patronId: 3 });
    d.at('2028-02-29 10:30', 'internet.session_started', { sessionId: 2, patronId: null, guest: true, allowanceMinutes: 30, ...guest });
    // Lan (twice: 1) + the boy (desk loan) + resident 3 (e-resource with card) = 3; the guest: 0.
    const a = expectFigures(d, { visits: 3, users: 3 });
    // Dimensions come from the events that carry them; the e-resource open carries none.
    expect(a.uploaded[0]!.figures.visits!.by!.category).toEqual({ adult: 1, child: 1, unknown: 1 });
  });

  it('residents_first_served: once per resident per calendar year, on the first day of use', () => {
    const d = new Day(freshStore());
    signIn(d, '2027-12-31 16:00', 1, woman); // last year: does not make her "served before" in 2028
    signIn(d, '2028-01-10 08:00', 2, boy);
    signIn(d, '2028-02-29 08:00', 1, woman);
    signIn(d, '2028-02-29 09:00', 2, boy);
    renew(d, '2028-02-29 10:00', 9, 3, grandpa);
    // On 29/02: Lan (first use of 2028) + Hùng (renewal) = 2; the boy was first served on 10/01.
    expectFigures(d, { residents_first_served: 2, users: 3 });
    // From 1 January to 29 February the uploaded days add up to the distinct residents: 3.
    const ytd = audit(d.db, '2028-01-01..2028-02-29', AFTER, 30);
    expect(ytd.stored('residents_first_served')).toBe(3);
    expect(ytd.reported('users')).toBe(3);
    // 3 of 30 residents = 10 %, year to date: the yearly 14–20 % target is not judged before 31/12.
    expect(ytd.report.residents).toMatchObject({
      served: 3,
      servedFrom: '2028-01-01',
      servedTo: '2028-02-29',
      usersPct: 10,
      yearToDate: true,
      targetMet: null,
    });
  });

  it('items_served: loans, renewals and e-resource opens, rotation books included; returns are not', () => {
    const d = new Day(freshStore());
    lend(d, '2028-02-29 08:00', 1, 1, woman);
    lend(d, '2028-02-29 08:01', 2, 1, woman, 'rotation');
    renew(d, '2028-02-29 09:00', 3, 2, boy);
    giveBack(d, '2028-02-29 09:30', 4, 2, boy);
    d.at('2028-02-29 10:00', 'eresource.opened', { resourceId: 1, topic: 'Pháp luật', format: 'pdf', patronId: null });
    // 2 loans + 1 renewal + 1 e-resource open = 4; the return adds nothing.
    expectFigures(d, { items_served: 4, loans: 2, renewals: 1, returns: 1, eresource_opens: 1 });
  });

  it('loans: initial loans of own and rotation books; a renewal is not a loan', () => {
    const d = new Day(freshStore());
    lend(d, '2028-02-29 08:00', 1, 1, woman);
    lend(d, '2028-02-29 08:00', 2, 1, woman, 'rotation');
    renew(d, '2028-02-29 08:05', 1, 1, woman);
    // 2 (the renewal of loan 1 is counted under renewals).
    const a = expectFigures(d, { loans: 2 });
    expect(a.uploaded[0]!.figures.loans!.by!.collection).toEqual({ own: 1, rotation: 1 });
  });

  it('renewals: each extension counts once and is an item served (the rule in docs/indicators.md)', () => {
    const d = new Day(freshStore());
    lend(d, '2028-01-30 08:00', 1, 1, woman);
    renew(d, '2028-02-29 08:00', 1, 1, woman);
    renew(d, '2028-02-29 08:10', 2, 2, boy, 'rotation');
    // 2 renewals on the day; items served = the 2 renewals (the January loan is outside the day).
    expectFigures(d, { renewals: 2, items_served: 2, loans: 0 });
  });

  it('returns: a book lent before the period comes back in it', () => {
    const d = new Day(freshStore());
    lend(d, '2028-01-15 08:00', 1, 1, woman);
    giveBack(d, '2028-02-29 16:00', 1, 1, woman);
    // February: 1 return, 0 loans (the loan was in January), 0 users (a return alone is not use).
    expectFigures(d, { returns: 1, loans: 0, users: 0, visits: 0 }, '2028-02', AFTER);
    // January still shows its loan, and its user.
    expectFigures(d, { loans: 1, users: 1, returns: 0 }, '2028-01', AFTER);
  });

  it('rotation_loans: rotation books lent are served, and counted as rotation loans', () => {
    const d = new Day(freshStore());
    lend(d, '2028-02-29 08:00', 1, 1, woman, 'rotation');
    lend(d, '2028-02-29 08:01', 2, 2, boy, 'rotation');
    lend(d, '2028-02-29 08:02', 3, 2, boy);
    // Rotation loans 2; loans 3 and items served 3 include them.
    expectFigures(d, { rotation_loans: 2, loans: 3, items_served: 3 });
  });

  it('rotation batches and items received, acquisitions unchanged by them', () => {
    const d = new Day(freshStore());
    for (let i = 1; i <= 3; i++) d.at('2028-02-28 15:00', 'item.added', { itemId: i, recordId: i, collectionKind: 'rotation', source: 'rotation' });
    d.at('2028-02-29 08:00', 'rotation.batch_received', { collectionId: 2, items: 3 });
    // The batch announced on 28/02 (3 books, in transit) and received on 29/02:
    // batches received 1, items received 3 (on the day of receipt), acquisitions 0 (both days).
    expectFigures(d, { rotation_batches_received: 1, rotation_items_received: 3, items_added: 0 });
    expectFigures(d, { items_added: 0, rotation_items_received: 0 }, '2028-02-28');
  });

  it('rotation_batches_returned: a batch sent back to the provincial library', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 16:00', 'rotation.batch_returned', { collectionId: 2, items: 3 });
    // 1 batch returned; nothing else moves.
    expectFigures(d, { rotation_batches_returned: 1, rotation_batches_received: 0, items_added: 0 });
  });

  it('items_added: the own collection only; a donation counts, rotation books and demo seeding do not', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 08:00', 'item.added', { itemId: 1, recordId: 1, collectionKind: 'own', source: 'import' });
    d.at('2028-02-29 08:00', 'item.added', { itemId: 2, recordId: 1, collectionKind: 'own', source: 'import' });
    d.at('2028-02-29 09:00', 'item.added', { itemId: 3, recordId: 2, collectionKind: 'own', source: 'manual' }); // a donated book
    d.at('2028-02-29 09:00', 'item.added', { itemId: 4, recordId: 3, collectionKind: 'rotation', source: 'rotation' });
    d.at('2028-02-29 09:00', 'item.added', { itemId: 5, recordId: 3, collectionKind: 'own', source: 'demo' });
    // 2 bought + 1 donated = 3; the rotation book and the demo item are not acquisitions.
    const a = expectFigures(d, { items_added: 3 });
    expect(a.uploaded[0]!.figures.items_added).toEqual({ total: 3 });
  });

  it('internet_sessions and internet_minutes across midnight in Vietnam', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 23:50', 'internet.session_started', { sessionId: 1, patronId: 1, guest: false, allowanceMinutes: 60, ...woman });
    d.at('2028-03-01 00:20', 'internet.session_ended', {
      sessionId: 1,
      patronId: 1,
      guest: false,
      minutesUsed: 30,
      reason: 'resident',
      pagesPrinted: 0,
      ...woman,
    });
    d.at('2028-02-29 14:00', 'internet.session_started', { sessionId: 2, patronId: null, guest: true, allowanceMinutes: 30, ...guest });
    d.at('2028-02-29 14:25', 'internet.session_ended', {
      sessionId: 2,
      patronId: null,
      guest: true,
      minutesUsed: 24.6,
      reason: 'resident',
      pagesPrinted: 0,
      ...guest,
    });
    // 29/02: sessions 2 (started that day, guest included); minutes 25 (the guest's 24.6, rounded;
    //   the 23:50 session ended on 1 March, so its 30 minutes belong to 1 March).
    expectFigures(d, { internet_sessions: 2, internet_minutes: 25 }, LEAP_DAY, '2028-03-02 08:00');
    // 1/03: no session started, 30 minutes.
    expectFigures(d, { internet_sessions: 0, internet_minutes: 30 }, '2028-03-01', '2028-03-02 08:00');
    // The month adds up: 55 minutes, 2 sessions.
    expectFigures(d, { internet_sessions: 2, internet_minutes: 55 }, '2028-02-01..2028-03-01', '2028-03-02 08:00');
  });

  it('eresource_opens: an anonymous and a signed-in resident; only the second is a visit and a user', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 10:00', 'eresource.opened', { resourceId: 1, topic: 'Thiếu nhi', format: 'epub', patronId: null });
    d.at('2028-02-29 10:05', 'eresource.opened', { resourceId: 2, topic: 'Nông nghiệp', format: 'pdf', patronId: 7 });
    // Opens 2 (both), items served 2, visits 1 and users 1 (resident 7 only).
    expectFigures(d, { eresource_opens: 2, items_served: 2, visits: 1, users: 1 });
  });

  it('eresource_minutes: reading time summed, rounded once a day', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 10:20', 'eresource.closed', { resourceId: 1, topic: 'Thiếu nhi', format: 'epub', minutes: 4.4, completed: null });
    d.at('2028-02-29 10:40', 'eresource.closed', { resourceId: 2, topic: 'Nông nghiệp', format: 'video', minutes: 5.3, completed: true });
    // 4.4 + 5.3 = 9.7 → 10.
    expectFigures(d, { eresource_minutes: 10 });
  });

  it('printed_pages: pages printed, not counted again from the session end', () => {
    const d = new Day(freshStore());
    d.at('2028-02-29 08:02', 'print.pages', { pages: 1, service: 'circulation' });
    d.at('2028-02-29 14:20', 'print.pages', { pages: 3, service: 'internet' });
    d.at('2028-02-29 14:25', 'internet.session_ended', {
      sessionId: 1,
      patronId: 1,
      guest: false,
      minutesUsed: 20,
      reason: 'resident',
      pagesPrinted: 3,
      ...woman,
    });
    // 1 receipt + 3 internet pages = 4 (the session's pagesPrinted repeats the 3).
    expectFigures(d, { printed_pages: 4 });
  });

  it('a resident erased under the privacy rules: their history stays in the figures', () => {
    // The erase function of #16 is not on main yet. This builds what it leaves, as the events table
    // allows it: events are append-only (0001 triggers), so the resident's events stay with their
    // local number and dimensions only (no name was ever in them) while the patron row is removed.
    const db = freshStore();
    const d = new Day(db);
    const hoa = addPatron(db, 'BD9', '2028-12-31', '2027-01-01T02:00:00.000Z');
    signIn(d, '2028-02-29 08:00', hoa, woman);
    lend(d, '2028-02-29 08:01', 1, hoa, woman, 'rotation');
    d.at('2028-02-29 09:00', 'internet.session_started', { sessionId: 1, patronId: hoa, guest: false, allowanceMinutes: 60, ...woman });
    d.at('2028-02-29 09:45', 'internet.session_ended', {
      sessionId: 1,
      patronId: hoa,
      guest: false,
      minutesUsed: 45,
      reason: 'resident',
      pagesPrinted: 0,
      ...woman,
    });
    const expected = {
      users: 1,
      visits: 1,
      residents_first_served: 1,
      loans: 1,
      rotation_loans: 1,
      items_served: 1,
      internet_sessions: 1,
      internet_minutes: 45,
    };
    const before = expectFigures(d, { ...expected, active_cards: 1 });
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.prepare('DELETE FROM patrons WHERE id = ?').run(hoa);
    // Every event-based figure is unchanged; the card itself no longer exists (active cards are state).
    const after = expectFigures(d, { ...expected, active_cards: 0 }, LEAP_DAY, '2028-03-05 08:00');
    expect(after.report.residents.served).toBe(before.report.residents.served);
    // Nothing was re-sent: the day's figures did not change.
    expect(after.uploaded).toEqual([]);
  });
});

describe('audit: residents served stay distinct when an event lands on a past day', () => {
  it('a late event moves the first use earlier: the later day is re-sent without it', () => {
    const d = new Day(freshStore());
    signIn(d, '2028-02-10 08:00', 1, woman);
    // 10/02: Lan's first use of 2028 = 1; uploaded and acknowledged.
    expect(audit(d.db, '2028-02-10', '2028-02-11 08:00').stored('residents_first_served')).toBe(1);
    // The PC's clock had been set back: an event lands on 5 January (a replay after an outage does the same).
    signIn(d, '2028-01-05 08:00', 1, woman);
    const ytd = audit(d.db, '2028-01-01..2028-02-29', AFTER);
    // Her first use is now 5 January; 10 February is re-sent with 0, so the year still holds 1 resident.
    expect(ytd.uploaded.map((u) => [u.day, u.figures.residents_first_served?.total ?? 0])).toEqual([
      ['2028-01-05', 1],
      ['2028-02-10', 0],
    ]);
    expect(ytd.stored('residents_first_served')).toBe(1);
    expect(ytd.report.residents.served).toBe(1);
  });
});
