// Residents' rights (Decree 13/2023, issue #16) through the contract on a demo kiosk: the own
// record, correction, erasure on request (statistics unchanged, nothing personal left, an audit
// line without personal data, a receipt), the retention rule, and the resident PIN a category
// requires at every card sign-in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoanView, SignedInPatron } from '#contract/circulation';
import { CONSENT_VERSION, type PatronSummary } from '#contract/patrons';
import type { ErasureReceipt, PatronRecord, RetentionView } from '#contract/rights';
import { DEMO_STAFF } from '../../electron/core/demo/seed';
import { createPatron } from '../../electron/core/patrons/records';
import { hashPin } from '../../electron/core/staff/pin';
import { openTestKiosk, refusal, staffToken, type TestKiosk } from '../support/kiosk';

const DAY = 86_400_000;

function lendable(t: TestKiosk, n: number): string[] {
  return (
    t.kiosk.db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available' GROUP BY record_id ORDER BY MIN(id) LIMIT ?").all(n) as {
      barcode: string;
    }[]
  ).map((r) => r.barcode);
}

/** Every byte the store holds for one patron row, and the events written about them. */
function patronRow(t: TestKiosk, card: string): Record<string, unknown> {
  return t.kiosk.db.prepare('SELECT * FROM patrons WHERE card_number = ?').get(card) as Record<string, unknown>;
}

interface Report {
  rows: { indicator: string; current: number }[];
  series: { points: { bucket: string; values: Record<string, number> }[] };
}

/** The statistics report as staff see it, without the instant it was made. */
async function report(t: TestKiosk, token: string, period: string): Promise<Report> {
  const { generatedAt: _at, ...rest } = await t.call<Report & { generatedAt: string }>('statistics.report', { staffToken: token, period });
  return rest;
}

/** The report without the one state indicator an erasure changes from its day on: cards active at the period's end. */
function withoutActiveCards(r: Report): unknown {
  return {
    ...r,
    rows: r.rows.filter((row) => row.indicator !== 'active_cards'),
    series: {
      ...r.series,
      points: r.series.points.map((p) => ({ ...p, values: Object.fromEntries(Object.entries(p.values).filter(([k]) => k !== 'active_cards')) })),
    },
  };
}
const activeCards = (r: Report) => r.rows.find((row) => row.indicator === 'active_cards')!.current;

describe("residents' rights", () => {
  it('erases a resident on request: personal fields gone, loans anonymous, the same statistics, an audit line without personal data, a receipt', async () => {
    const t = await openTestKiosk();
    const desk = await staffToken(t);
    const before = patronRow(t, 'BD000002');
    const [item] = lendable(t, 1);
    await t.call('circulation.signIn', { method: 'card', card: 'BD000002' });
    const loan = await t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item: item! });
    // Books on loan come back first.
    expect(await refusal(t.call('rights.erase', { staffToken: desk, card: 'BD000002', reason: 'resident_request' }))).toMatchObject({
      reason: 'erase_open_loans',
    });
    t.clock.advance(DAY);
    await t.call('circulation.checkin', { item: loan.item });
    t.clock.advance(DAY);
    const token = await staffToken(t);
    const month = await report(t, token, '2026-12');
    const year = await report(t, token, '2026');
    const beforeToday = await report(t, token, '2026-12-01..2026-12-02');

    const receipt = await t.call<ErasureReceipt>('rights.erase', { staffToken: token, card: 'bd000002', reason: 'resident_request' });
    expect(receipt).toMatchObject({ card: 'BD000002', reason: 'resident_request', anonymousLoans: 1 });
    expect(receipt.text).toContain('BD000002');
    expect(receipt.text).not.toContain(String(before.full_name));

    // Nothing that names the resident is left in the row; the loan is still there, anonymous.
    const after = patronRow(t, 'BD000002');
    expect(after).toMatchObject({ full_name: '', birth_year: null, gender: null, village: null, phone: null, cccd_hash: null, consent_version: null });
    expect(after.erased_at).toEqual(expect.any(String));
    expect(t.kiosk.db.prepare('SELECT count(*) AS n FROM loans WHERE patron_id = ?').get(after.id)).toEqual({ n: 1 });
    const everything = JSON.stringify(t.kiosk.db.prepare('SELECT * FROM events').all());
    expect(everything).not.toContain(String(before.full_name));
    const audit = t.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'patron.erased'").all() as { payload: string }[];
    expect(audit.map((r) => JSON.parse(r.payload))).toEqual([{ patronId: after.id, staffId: expect.any(Number), reason: 'resident_request' }]);

    // The statistics report reads the same: every figure of the days before, and every count of
    // visits, loans and users including today's. Only the cards active at the end of today are one
    // fewer (the card no longer exists). The erased card is gone from staff's lists and, scanned, is
    // told it was cancelled.
    expect(await report(t, token, '2026-12-01..2026-12-02')).toEqual(beforeToday);
    for (const [period, was] of [
      ['2026-12', month],
      ['2026', year],
    ] as const) {
      const now = await report(t, token, period);
      expect(withoutActiveCards(now)).toEqual(withoutActiveCards(was));
      expect(activeCards(now)).toBe(activeCards(was) - 1);
    }
    const list = await t.call<PatronSummary[]>('patrons.list', { staffToken: token });
    expect(list.map((p) => p.cardNumber)).not.toContain('BD000002');
    const scanned = await t.call<SignedInPatron>('circulation.signIn', { method: 'card', card: 'BD000002' });
    expect(scanned.standing).toMatchObject({ canBorrow: false, reason: 'card_erased' });
    expect(await refusal(t.call('rights.erase', { staffToken: token, card: 'BD000002', reason: 'resident_request' }))).toMatchObject({
      reason: 'already_erased',
    });
  });

  it('shows staff the whole record, corrects fields recording only their names, and records the consent given at the desk', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const added = await t.call<PatronSummary>('patrons.add', {
      staffToken: token,
      fullName: 'Giàng Thị Mỷ',
      category: 'adult',
      village: 'Thôn Nà Hẩu',
      phone: '0912345678',
      consent: true,
    });
    const corrected = await t.call<PatronSummary>('rights.correct', {
      staffToken: token,
      card: added.cardNumber,
      changes: { phone: '0987654321', village: 'Thôn Nà Hẩu' },
    });
    expect(corrected).toMatchObject({ phone: '0987654321', village: 'Thôn Nà Hẩu' });
    const events = (t.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'patron.corrected'").all() as { payload: string }[]).map((r) => r.payload);
    expect(events.map((p) => JSON.parse(p))).toEqual([expect.objectContaining({ fields: ['phone'] })]);
    expect(events.join()).not.toContain('0987654321');
    expect(await refusal(t.call('rights.correct', { staffToken: token, card: added.cardNumber, changes: { phone: '0987654321' } }))).toMatchObject({
      reason: 'nothing_changed',
    });
    const record = await t.call<PatronRecord>('rights.record', { staffToken: token, card: added.cardNumber });
    expect(record).toMatchObject({
      fullName: 'Giàng Thị Mỷ',
      phone: '0987654321',
      complete: true,
      hasPin: false,
      consent: { version: CONSENT_VERSION, at: expect.any(String), by: 'staff' },
    });
  });

  it('finds residents not seen for the retention period, and anonymises them only after staff confirm the count they saw', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const now = await t.call<RetentionView>('rights.retention', { staffToken: token });
    expect(now).toMatchObject({ years: 3, due: 0 });
    // Three years and a day later nobody has come back: every demo card without a book out is due.
    t.clock.advance(3 * 366 * DAY);
    const token2 = await staffToken(t);
    const later = await t.call<RetentionView>('rights.retention', { staffToken: token2 });
    const withLoans = (t.kiosk.db.prepare('SELECT count(DISTINCT patron_id) AS n FROM loans WHERE returned_at IS NULL').get() as { n: number }).n;
    const patrons = (t.kiosk.db.prepare('SELECT count(*) AS n FROM patrons').get() as { n: number }).n;
    expect(later.due).toBe(patrons - withLoans);
    expect(later.residents[0]).toMatchObject({ card: expect.any(String), fullName: expect.any(String) });
    // Nobody was told yet (the daily run had not seen them), so the automatic day is 30 days on; the
    // staff home says how many and when, and sends staff to Bạn đọc và thẻ, where they may act now.
    expect(later).toMatchObject({ scheduled: later.due, next: { day: '2030-01-02', count: later.due } });
    const overview = await t.call<{ attention: { id: string; count: number | null; page: string | null }[] }>('technician.staffOverview', {
      staffToken: token2,
    });
    expect(overview.attention).toContainEqual({ id: 'retention_notice', severity: 'warning', count: later.due, page: 'patrons', day: '2030-01-02' });
    expect(await refusal(t.call('rights.applyRetention', { staffToken: token2, expected: later.due + 1 }))).toMatchObject({ reason: 'retention_changed' });
    expect(await t.call('rights.applyRetention', { staffToken: token2, expected: later.due })).toEqual({ anonymised: later.due });
    expect((await t.call<RetentionView>('rights.retention', { staffToken: token2 })).due).toBe(0);
    const reasons = (
      t.kiosk.db.prepare("SELECT json_extract(payload, '$.reason') AS reason FROM events WHERE type = 'patron.erased'").all() as { reason: string }[]
    ).map((r) => r.reason);
    expect(new Set(reasons)).toEqual(new Set(['retention']));
  });

  it('a visit resets the retention clock', async () => {
    const t = await openTestKiosk();
    t.clock.advance(2 * 366 * DAY);
    await t.call('circulation.signIn', { method: 'card', card: 'BD000003' });
    t.clock.advance(366 * DAY + DAY);
    const view = await t.call<RetentionView>('rights.retention', { staffToken: await staffToken(t) });
    expect(view.residents.map((r) => r.card)).not.toContain('BD000003');
    expect(view.due).toBeGreaterThan(0);
  });
});

/** A kiosk whose adult residents must give their PIN at every sign-in with the library card. */
async function pinRequired(): Promise<TestKiosk & { adult: string }> {
  const t = await openTestKiosk({
    configure: (dir) =>
      writeFileSync(
        join(dir, 'kiosk.config.json'),
        JSON.stringify({
          library: { name: 'Thư viện xã Thử', communeCode: '12345' },
          circulation: {
            categories: [
              { id: 'adult', name: 'Người lớn', policy: { loanDays: 21, maxLoans: 5, renewals: 2 }, requirePin: true },
              { id: 'child', name: 'Trẻ em', policy: { loanDays: 14, maxLoans: 3, renewals: 1 } },
              { id: 'student', name: 'Học sinh', policy: { loanDays: 14, maxLoans: 5, renewals: 1 } },
              { id: 'senior', name: 'Người cao tuổi', policy: { loanDays: 30, maxLoans: 5, renewals: 3 } },
            ],
          },
        }),
      ),
  });
  t.kiosk.db
    .prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Cán bộ', 'staff', ?, '2026-01-01')")
    .run(await hashPin(DEMO_STAFF[0].pin));
  // A card issued before the category required a PIN: it has none yet.
  const adult = createPatron(t.kiosk.ctx, { fullName: 'Hờ A Chứ', category: 'adult' }, { via: 'staff', status: 'active' }).cardNumber;
  return { ...t, adult };
}

describe('a category that requires the resident PIN', () => {
  it('asks it for a scanned or typed card, counts wrong tries atomically, and staff set or reset it', async () => {
    const t = await pinRequired();
    const token = await staffToken(t);
    const adult = t.adult;
    expect(await refusal(t.call('circulation.signIn', { method: 'card', card: adult }))).toMatchObject({ reason: 'resident_pin_unset' });
    expect(await refusal(t.call('patrons.setPin', { staffToken: token, card: adult, pin: '1111' }))).toMatchObject({ reason: 'resident_pin_weak' });
    expect(await t.call<PatronSummary>('patrons.setPin', { staffToken: token, card: adult, pin: '2580' })).toMatchObject({ hasPin: true, pinRequired: true });
    expect(await refusal(t.call('patrons.setPin', { staffToken: token, card: adult, pin: null }))).toMatchObject({
      reason: 'resident_pin_required_by_category',
    });
    for (const method of ['card', 'manual'] as const) {
      expect(await refusal(t.call('circulation.signIn', { method, card: adult }))).toMatchObject({ reason: 'resident_pin_required' });
    }
    const wrong = await Promise.all(
      Array.from({ length: 7 }, (_, i) => refusal(t.call('circulation.signIn', { method: 'card', card: adult, pin: String(3690 + i) }))),
    );
    expect(wrong.filter((r) => r.reason === 'resident_pin_wrong')).toHaveLength(4);
    expect(wrong.filter((r) => r.reason === 'resident_pin_locked')).toHaveLength(3);
    expect(await refusal(t.call('circulation.signIn', { method: 'card', card: adult, pin: '2580' }))).toMatchObject({ reason: 'resident_pin_locked' });
    // Staff reset the PIN at the desk: the lock goes with the old PIN.
    await t.call('patrons.setPin', { staffToken: token, card: adult, pin: '4826' });
    const signedIn = await t.call<SignedInPatron>('circulation.signIn', { method: 'card', card: adult, pin: '4826' });
    expect(signedIn.standing.canBorrow).toBe(true);
    // Signed in with the PIN, the resident sees their whole record.
    expect(await t.call<PatronRecord>('rights.myRecord', { residentToken: signedIn.residentToken })).toMatchObject({ complete: true, hasPin: true });
    // A card of that category cannot be issued without a PIN.
    expect(await refusal(t.call('patrons.add', { staffToken: token, fullName: 'Lò Văn Sình', category: 'adult' }))).toMatchObject({
      reason: 'resident_pin_missing',
    });
    const issued = await t.call<PatronSummary>('patrons.add', { staffToken: token, fullName: 'Lò Văn Sình', category: 'adult', pin: '7314' });
    expect(issued).toMatchObject({ hasPin: true });
    expect(await t.call('patrons.categories')).toContainEqual(expect.objectContaining({ id: 'adult', pin: 'required' }));
  });
});
