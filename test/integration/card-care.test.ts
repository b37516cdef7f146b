// Card care at the desk (issue #21): a lost card reissued, a category changed, a duplicate merged.
// Loans and holds follow the resident; a retired number is refused with where the card went and is
// never issued again; every change is recorded with who and why; through the API and the CLI.
import { describe, expect, it } from 'vitest';
import { retentionCandidates } from '../../electron/core/rights/retention';
import type { LoanView, SignedInPatron } from '#contract/circulation';
import type { PatronSummary } from '#contract/patrons';
import { fresh, kiosk } from '../support/cli';
import { openTestKiosk, refusal, staffToken, type TestKiosk, events } from '../support/kiosk';

function lendable(t: TestKiosk, n: number): string[] {
  return (
    t.kiosk.db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available' GROUP BY record_id ORDER BY MIN(id) LIMIT ?").all(n) as {
      barcode: string;
    }[]
  ).map((r) => r.barcode);
}

const borrow = async (t: TestKiosk, card: string, item: string) =>
  t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken(card), item });
const loansOf = async (t: TestKiosk, card: string) =>
  (await t.call<SignedInPatron>('circulation.loans', { residentToken: await t.residentToken(card) })).loans.map((l) => l.item);

describe('a lost card reissued', () => {
  it('gets the next number, keeps its loans, and the old number is refused with what to do, at every service', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const [item] = lendable(t, 1);
    await borrow(t, 'BD000003', item!);
    const reissued = await t.call<PatronSummary>('patrons.reissueCard', { staffToken: token, card: 'BD000003', reason: 'mất thẻ' });
    expect(reissued.cardNumber).not.toBe('BD000003');
    expect(reissued.fullName).toBeTruthy();
    expect(await loansOf(t, reissued.cardNumber)).toEqual([item]);
    for (const call of [
      t.call('circulation.signIn', { method: 'manual', card: 'BD000003' }),
      t.call('patrons.show', { staffToken: token, card: 'BD000003' }),
      t.call('internet.signIn', { kind: 'card', text: 'BD000003' }),
    ]) {
      expect(await refusal(call)).toMatchObject({ reason: 'card_replaced', message: expect.stringContaining('thẻ mới') });
    }
    expect(events(t, 'patron.card_reissued')).toEqual([{ patronId: expect.any(Number), staffId: expect.any(Number), reason: 'mất thẻ' }]);
    // The number is never issued again, even to a card made after it was retired.
    const next = await t.call<PatronSummary>('patrons.add', { staffToken: token, fullName: 'Hà Thị Mai', category: 'adult' });
    expect(next.cardNumber).not.toBe('BD000003');
    expect(await refusal(t.call('patrons.add', { staffToken: token, fullName: 'Hà Văn Nam', category: 'adult', cardNumber: 'BD000003' }))).toMatchObject({
      reason: 'card_taken',
    });
  });
});

describe('a category changed', () => {
  it('applies the new rules, refuses an unknown or unchanged category, and records who and why', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const before = await t.call<PatronSummary>('patrons.show', { staffToken: token, card: 'BD000003' });
    const other = t.kiosk.ctx.config.circulation.categories.find((c) => c.id !== before.category)!;
    const changed = await t.call<PatronSummary>('patrons.setCategory', { staffToken: token, card: 'BD000003', category: other.id, reason: 'đủ 16 tuổi' });
    expect(changed.category).toBe(other.id);
    const [item] = lendable(t, 1);
    const loan = await borrow(t, 'BD000003', item!);
    const days = (Date.parse(loan.dueDate) - Date.parse('2026-12-01')) / 86_400_000;
    expect(days).toBe(other.policy.loanDays);
    expect(await refusal(t.call('patrons.setCategory', { staffToken: token, card: 'BD000003', category: other.id, reason: 'lại' }))).toMatchObject({
      reason: 'category_unchanged',
    });
    expect(await refusal(t.call('patrons.setCategory', { staffToken: token, card: 'BD000003', category: 'vip', reason: 'thử' }))).toMatchObject({
      reason: 'unknown_category',
    });
    expect(events(t, 'patron.category_changed')).toEqual([
      { patronId: expect.any(Number), from: before.category, to: other.id, staffId: expect.any(Number), reason: 'đủ 16 tuổi' },
    ]);
  });
});

describe('a duplicate merged', () => {
  it('of two cards never used keeps "never seen" (NULL), so the retention rule and the record page still work', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const kept = await t.call<PatronSummary>('patrons.add', { staffToken: token, fullName: 'Giàng A Sử', category: 'adult' });
    const duplicate = await t.call<PatronSummary>('patrons.add', { staffToken: token, fullName: 'Giàng A Su', category: 'adult' });
    // As for residents imported from a list or the demo data: never seen at the kiosk.
    t.kiosk.db.prepare('UPDATE patrons SET last_seen_at = NULL WHERE card_number IN (?, ?)').run(kept.cardNumber, duplicate.cardNumber);
    await t.call('patrons.merge', { staffToken: token, keep: kept.cardNumber, duplicate: duplicate.cardNumber, reason: 'làm thẻ hai lần' });
    expect(t.kiosk.db.prepare('SELECT last_seen_at AS seen FROM patrons WHERE card_number = ?').get(kept.cardNumber)).toEqual({ seen: null });
    expect(() => retentionCandidates(t.kiosk.ctx)).not.toThrow();
  });

  it("moves the duplicate's loans and holds to the kept card, fills its blanks, refuses the duplicate's number, and cannot merge a card into itself", async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    const kept = await t.call<PatronSummary>('patrons.add', { staffToken: token, fullName: 'Lò Văn Páo', category: 'adult' });
    const duplicate = await t.call<PatronSummary>('patrons.add', {
      staffToken: token,
      fullName: 'Lò Văn Pao',
      category: 'adult',
      phone: '0987654321',
      village: 'Bản Mòng',
    });
    const [a, b] = lendable(t, 2);
    await borrow(t, kept.cardNumber, a!);
    await borrow(t, duplicate.cardNumber, b!);
    expect(await refusal(t.call('patrons.merge', { staffToken: token, keep: kept.cardNumber, duplicate: kept.cardNumber, reason: 'trùng' }))).toMatchObject({
      reason: 'merge_same_card',
    });
    const merged = await t.call<PatronSummary>('patrons.merge', {
      staffToken: token,
      keep: kept.cardNumber,
      duplicate: duplicate.cardNumber,
      reason: 'làm thẻ hai lần',
    });
    expect(merged).toMatchObject({ cardNumber: kept.cardNumber, fullName: 'Lò Văn Páo', phone: '0987654321', village: 'Bản Mòng' });
    expect((await loansOf(t, kept.cardNumber)).sort()).toEqual([a, b].sort());
    expect(await refusal(t.call('circulation.signIn', { method: 'manual', card: duplicate.cardNumber }))).toMatchObject({
      reason: 'card_replaced',
      message: expect.stringContaining('gộp'),
    });
    expect(t.kiosk.db.prepare('SELECT count(*) AS n FROM patrons WHERE full_name = ?').get('Lò Văn Pao')).toEqual({ n: 0 });
    expect(events(t, 'patron.merged')).toEqual([
      { patronId: expect.any(Number), mergedId: expect.any(Number), staffId: expect.any(Number), reason: 'làm thẻ hai lần' },
    ]);
    // A resident's token is not a staff token.
    expect(
      await refusal(t.call('patrons.merge', { staffToken: await t.residentToken('BD000001'), keep: 'BD000001', duplicate: 'BD000002', reason: 'thử' })),
    ).toMatchObject({ reason: 'staff_signed_out' });
  });
});

describe('kiosk patron reissue | category | merge', () => {
  it('do the same from the command line, and say what to fix on bad input', () => {
    const dir = fresh();
    const reissued = kiosk('patron', 'reissue', 'BD000003', '--reason', 'mất thẻ', '--data-dir', dir, '--json');
    expect(reissued.code).toBe(0);
    const card = reissued.json().patron.cardNumber as string;
    expect(card).not.toBe('BD000003');
    const gone = kiosk('patron', 'show', 'BD000003', '--data-dir', dir);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('thẻ mới');
    expect(kiosk('patron', 'category', card, 'khong-co', '--reason', 'thử', '--data-dir', dir).stderr).toContain('Không có loại bạn đọc "khong-co"');
    const merged = kiosk('patron', 'merge', card, 'BD000004', '--reason', 'trùng', '--data-dir', dir, '--json');
    expect(merged.code).toBe(0);
    expect(merged.json().patron.cardNumber).toBe(card);
  });
});
