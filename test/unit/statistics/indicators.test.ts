// Each indicator on a hand-made event log, with the expected number written out.
import { describe, expect, it } from 'vitest';
import { dayFiguresBetween, dayFiguresOf, distinctUsers, sumFigures, activeCards } from '../../../electron/core/statistics/aggregate';
import { INDICATORS } from '../../../electron/core/statistics/indicators';
import { DAY_INDICATORS, PERIOD_INDICATORS } from '#contract/statistics';
import { ageBand } from '../../../electron/core/patrons/demographics';
import { adultWoman, at, boy, checkout, freshStore, signIn, studentGirl } from './event-log-fixture';

describe('indicator definitions', () => {
  it('define every indicator of the contract once, with a Vietnamese name and a definition', () => {
    expect(INDICATORS.map((d) => d.key).sort()).toEqual([...PERIOD_INDICATORS, ...DAY_INDICATORS].sort());
    for (const d of INDICATORS) {
      expect(d.nameVi.length).toBeGreaterThan(3);
      expect(d.definition).toMatch(/ISO 2789|No ISO 2789|Programme indicator/);
    }
  });
});

describe('day indicators on a hand-made log', () => {
  it('cards_new counts registrations with their dimensions', () => {
    const db = freshStore();
    at(db, '2026-03-02 08:00', 'patron.registered', { patronId: 1, via: 'self', status: 'active', ...adultWoman });
    at(db, '2026-03-02 09:00', 'patron.registered', { patronId: 2, via: 'staff', status: 'active', ...boy });
    at(db, '2026-03-03 09:00', 'patron.registered', { patronId: 3, via: 'import', status: 'active', ...boy });
    expect(dayFiguresOf(db, '2026-03-02').cards_new).toEqual({
      total: 2,
      by: { category: { adult: 1, child: 1 }, gender: { female: 1, male: 1 }, ageBand: { '36-59': 1, '6-14': 1 } },
    });
    expect(dayFiguresOf(db, '2026-03-03').cards_new?.total).toBe(1);
  });

  it('visits counts each resident once per day, whatever the services', () => {
    const db = freshStore();
    signIn(db, '2026-03-02 08:00', 1, adultWoman);
    signIn(db, '2026-03-02 10:00', 1, adultWoman, 'internet');
    signIn(db, '2026-03-02 11:00', 2, boy);
    signIn(db, '2026-03-03 08:00', 1, adultWoman);
    expect(dayFiguresOf(db, '2026-03-02').visits?.total).toBe(2);
    expect(dayFiguresOf(db, '2026-03-03').visits?.total).toBe(1);
    // Three visits over the two days, but only two distinct users.
    expect(sumFigures(dayFiguresBetween(db, '2026-03-01', '2026-03-31').values()).totals.visits).toBe(3);
    expect(distinctUsers(db, '2026-03-01', '2026-03-31')).toBe(2);
  });

  it('loans, renewals, returns and rotation loans, split by collection', () => {
    const db = freshStore();
    checkout(db, '2026-03-02 08:00', 1, 1, 'own', adultWoman);
    checkout(db, '2026-03-02 08:01', 2, 1, 'rotation', adultWoman);
    checkout(db, '2026-03-02 08:02', 3, 2, 'rotation', boy);
    at(db, '2026-03-02 09:00', 'loan.renew', { loanId: 1, patronId: 1, itemId: 1, collectionKind: 'own', dueDate: '2026-04-01', ...adultWoman });
    at(db, '2026-03-02 10:00', 'loan.return', { loanId: 2, patronId: 1, itemId: 2, collectionKind: 'rotation', overdueDays: 0, ...adultWoman });
    const f = dayFiguresOf(db, '2026-03-02');
    expect(f.loans?.total).toBe(3);
    expect(f.loans?.by?.collection).toEqual({ own: 1, rotation: 2 });
    expect(f.renewals?.total).toBe(1);
    expect(f.returns).toEqual({ total: 1, by: { category: { adult: 1 }, gender: { female: 1 }, ageBand: { '36-59': 1 }, collection: { rotation: 1 } } });
    expect(f.rotation_loans).toEqual({
      total: 2,
      by: { category: { adult: 1, child: 1 }, gender: { female: 1, male: 1 }, ageBand: { '36-59': 1, '6-14': 1 } },
    });
  });

  it('items_served = loans + renewals + e-resource opens', () => {
    const db = freshStore();
    checkout(db, '2026-03-02 08:00', 1, 1, 'own', adultWoman);
    checkout(db, '2026-03-02 08:01', 2, 3, 'own', studentGirl);
    at(db, '2026-03-02 09:00', 'loan.renew', { loanId: 1, patronId: 1, itemId: 1, collectionKind: 'own', dueDate: '2026-04-01', ...adultWoman });
    at(db, '2026-03-02 09:30', 'eresource.opened', { resourceId: 4, topic: 'nong-nghiep', format: 'pdf', patronId: null });
    at(db, '2026-03-02 09:31', 'eresource.opened', { resourceId: 5, topic: 'suc-khoe', format: 'video', patronId: 1 });
    at(db, '2026-03-02 10:00', 'loan.return', { loanId: 1, patronId: 1, itemId: 1, collectionKind: 'own', overdueDays: 2, ...adultWoman });
    expect(dayFiguresOf(db, '2026-03-02').items_served?.total).toBe(5);
    expect(dayFiguresOf(db, '2026-03-02').eresource_opens?.total).toBe(2);
  });

  it("acquisitions count the own collection's added items, not rotation books nor demo seeding; rotation batches count batches and items", () => {
    const db = freshStore();
    at(db, '2026-03-02 08:00', 'item.added', { itemId: 1, recordId: 1, collectionKind: 'own', source: 'manual' });
    at(db, '2026-03-02 08:00', 'item.added', { itemId: 2, recordId: 1, collectionKind: 'own', source: 'import' });
    at(db, '2026-03-02 08:00', 'item.added', { itemId: 3, recordId: 2, collectionKind: 'rotation', source: 'rotation' });
    at(db, '2026-03-02 08:00', 'item.added', { itemId: 4, recordId: 2, collectionKind: 'own', source: 'demo' });
    at(db, '2026-03-02 08:05', 'rotation.batch_received', { collectionId: 7, items: 120 });
    at(db, '2026-03-09 08:05', 'rotation.batch_returned', { collectionId: 6, items: 100 });
    // Items 1 and 2 (own, manual and import); item 3 is a rotation book, item 4 demo seeding.
    expect(dayFiguresOf(db, '2026-03-02').items_added).toEqual({ total: 2 });
    expect(dayFiguresOf(db, '2026-03-02').rotation_batches_received?.total).toBe(1);
    expect(dayFiguresOf(db, '2026-03-02').rotation_items_received?.total).toBe(120);
    expect(dayFiguresOf(db, '2026-03-09').rotation_batches_returned?.total).toBe(1);
  });

  it('internet sessions and minutes (minutes rounded once per day), e-resource minutes, printed pages', () => {
    const db = freshStore();
    const end = (sessionId: number, minutesUsed: number, who = adultWoman) =>
      at(db, '2026-03-02 11:00', 'internet.session_ended', { sessionId, patronId: 1, guest: false, minutesUsed, reason: 'time_up', pagesPrinted: 2, ...who });
    at(db, '2026-03-02 10:00', 'internet.session_started', { sessionId: 1, patronId: 1, guest: false, allowanceMinutes: 60, ...adultWoman });
    at(db, '2026-03-02 10:10', 'internet.session_started', {
      sessionId: 2,
      patronId: null,
      guest: true,
      allowanceMinutes: 30,
      category: 'guest',
      gender: 'unknown',
      ageBand: 'unknown',
    });
    end(1, 44.4);
    end(2, 15.3);
    at(db, '2026-03-02 11:00', 'print.pages', { pages: 2, service: 'internet' });
    at(db, '2026-03-02 11:05', 'print.pages', { pages: 5, service: 'circulation' });
    at(db, '2026-03-02 12:00', 'eresource.closed', { resourceId: 4, topic: 't', format: 'pdf', minutes: 12.5, completed: true });
    at(db, '2026-03-02 12:30', 'eresource.closed', { resourceId: 5, topic: 't', format: 'pdf', minutes: 3, completed: null });
    const f = dayFiguresOf(db, '2026-03-02');
    expect(f.internet_sessions).toEqual({
      total: 2,
      by: { category: { adult: 1, guest: 1 }, gender: { female: 1, unknown: 1 }, ageBand: { '36-59': 1, unknown: 1 } },
    });
    expect(f.internet_minutes?.total).toBe(60); // 44.4 + 15.3 = 59.7 → 60
    expect(f.eresource_minutes?.total).toBe(16); // 15.5 → 16
    // pagesPrinted on the session end is the same paper as print.pages: counted once.
    expect(f.printed_pages?.total).toBe(7);
  });

  it('uses the local Vietnam day: 23:30 on the 2nd and 00:30 on the 3rd are different days', () => {
    const db = freshStore();
    signIn(db, '2026-03-02 23:30', 1, adultWoman);
    signIn(db, '2026-03-03 00:30', 1, adultWoman);
    expect([...dayFiguresBetween(db, '2026-03-01', '2026-03-31').keys()]).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('free-text dimension values never pass through: they become "other"', () => {
    const db = freshStore();
    at(db, '2026-03-02 08:00', 'patron.registered', {
      patronId: 1,
      via: 'self',
      status: 'active',
      category: 'Nguyễn Văn A',
      gender: 'female',
      ageBand: '18-35',
    });
    expect(dayFiguresOf(db, '2026-03-02').cards_new?.by?.category).toEqual({ other: 1 });
  });
});

describe('active cards (state, not events)', () => {
  it('counts active patrons whose card is valid on the last day and who existed by then', () => {
    const db = freshStore();
    const insert = db.prepare(
      `INSERT INTO patrons (card_number, full_name, birth_year, gender, category, card_expiry, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run('TV001', 'A', 1980, 'female', 'adult', '2027-01-01', 'active', '2025-05-01T00:00:00Z');
    insert.run('TV002', 'B', 2015, 'male', 'child', '2026-06-29', 'active', '2025-05-01T00:00:00Z'); // expires before the end
    insert.run('TV003', 'C', 1950, 'male', 'senior', '2027-01-01', 'blocked', '2025-05-01T00:00:00Z');
    insert.run('TV004', 'D', 2009, 'female', 'student', '2027-01-01', 'active', '2026-07-15T00:00:00Z'); // registered later
    insert.run('TV005', 'E', 2010, 'female', 'student', '2026-06-30', 'active', '2026-01-15T00:00:00Z');
    const cards = activeCards(db, '2026-06-30', (y) => ageBand(y, 2026));
    expect(cards.total).toBe(2);
    expect(cards.by.category).toEqual({ adult: 1, student: 1 });
    expect(cards.by.ageBand).toEqual({ '36-59': 1, '15-17': 1 });
  });
});
