// Circulation through the contract boundary on a demo kiosk: checkout, refusals, double scans,
// return, renew, sign-in by card and CCCD, self-registration, staff override, and their events.
import { describe, expect, it } from 'vitest';
import { openTestKiosk, refusal, staffToken, type TestKiosk, events } from '../support/kiosk';
import { provideCccdParser, type CccdIdentity } from '../../electron/core/patrons/cccd';
import { provideReceiptPrinter } from '../../electron/core/circulation/receipt';
import type { LoanView, SignedInPatron } from '#contract/circulation';
import { hashPin } from '../../electron/core/staff/pin';
import { writeFileSync } from 'node:fs';

const DAY = 86_400_000;

function lendableItems(t: TestKiosk, n: number): string[] {
  // One copy per title, so a hold on one title never touches another test item.
  return (
    t.kiosk.db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available' GROUP BY record_id ORDER BY MIN(id) LIMIT ?").all(n) as {
      barcode: string;
    }[]
  ).map((r) => r.barcode);
}

describe('checkout', () => {
  it('lends an item with the due date of the patron category and writes one event', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    const signedIn = await t.call<SignedInPatron>('circulation.signIn', { method: 'card', card: 'bd000003' });
    expect(signedIn.patron.category).toBe('adult');
    const loan = await t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item: item });
    // FakeClock starts 2026-12-01 08:00 in Vietnam; adults borrow for 21 days.
    expect(loan.dueDate).toBe('2026-12-22');
    expect(events(t, 'loan.checkout')).toEqual([expect.objectContaining({ loanId: loan.loanId, dueDate: '2026-12-22', category: 'adult', overrideBy: null })]);
    expect(events(t, 'patron.signed_in')).toEqual([expect.objectContaining({ service: 'circulation', method: 'card' })]);
    const loans = await t.call<SignedInPatron>('circulation.loans', { residentToken: await t.residentToken('BD000003') });
    expect(loans.loans.map((l) => l.item)).toEqual([item]);
  });

  it('two scans of the same item give one loan', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    const [a, b] = await Promise.all([
      t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item }),
      t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item }),
    ]);
    expect(a.loanId).toBe(b.loanId);
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM loans').get()).toEqual({ n: 1 });
    expect(events(t, 'loan.checkout')).toHaveLength(1);
  });

  it('refuses an expired card with a Vietnamese sentence, writes no loan, records the refusal', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    const error = await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000006'), item }));
    expect(error).toMatchObject({ code: 'refused', reason: 'card_expired' });
    expect(error.message).toMatch(/hết hạn.*gia hạn thẻ/);
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM loans').get()).toEqual({ n: 0 });
    expect(events(t, 'circulation.refused')).toEqual([expect.objectContaining({ reason: 'card_expired', action: 'checkout' })]);
  });

  it('refuses unknown items and cards, reference copies, and items on loan to someone else', async () => {
    const t = await openTestKiosk();
    expect(await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: 'XX999999' }))).toMatchObject({
      code: 'not_found',
      reason: 'unknown_item',
    });
    expect(await refusal(t.residentToken('BD999999'))).toMatchObject({ code: 'not_found', reason: 'unknown_card' });
    const reference = (t.kiosk.db.prepare("SELECT barcode FROM items WHERE status = 'reference' LIMIT 1").get() as { barcode: string }).barcode;
    const ref = await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: reference }));
    expect(ref).toMatchObject({ reason: 'reference_only' });
    expect(ref.message).toMatch(/đọc tại chỗ/);
    const [item] = lendableItems(t, 1);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item });
    const elsewhere = await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item }));
    expect(elsewhere).toMatchObject({ reason: 'on_loan_elsewhere', params: { offerReturn: true } });
    expect(await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: 'bad barcode!' }))).toMatchObject({
      code: 'invalid_request',
    });
  });

  it('stops at the category limit and after an old overdue loan', async () => {
    const t = await openTestKiosk();
    // BD000001 is a child: at most 3 loans.
    const items = lendableItems(t, 4);
    for (const item of items.slice(0, 3)) await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item });
    const tooMany = await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: items[3] }));
    expect(tooMany).toMatchObject({ reason: 'too_many_loans', params: { max: 3 } });

    const [other, next] = lendableItems(t, 2);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item: other });
    t.clock.advance(30 * DAY); // 21 days + 9 overdue > 7
    const overdue = await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item: next }));
    expect(overdue).toMatchObject({ reason: 'overdue_block' });
    expect(overdue.message).toMatch(/quá hạn trả 9 ngày/);
  });
});

describe('return and renew', () => {
  it('returns without a card, reports overdue days, and flags rotation or reserved items for the staff shelf', async () => {
    const t = await openTestKiosk();
    const [own, rotation, reserved] = lendableItems(t, 3);
    const db = t.kiosk.db;
    db.prepare("INSERT INTO collections (code, name, kind, created_at) VALUES ('LC1', 'Luân chuyển', 'rotation', '2026-01-01')").run();
    db.prepare("UPDATE items SET collection_id = (SELECT id FROM collections WHERE code = 'LC1') WHERE barcode = ?").run(rotation);
    for (const item of [own, rotation, reserved]) await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item });
    const recordId = (db.prepare('SELECT record_id AS r FROM items WHERE barcode = ?').get(reserved) as { r: number }).r;
    db.prepare("INSERT INTO holds (record_id, patron_id, created_at) VALUES (?, 2, '2026-12-01')").run(recordId);
    t.clock.advance(23 * DAY);

    expect(await t.call('circulation.checkin', { item: own })).toMatchObject({ shelf: 'open', flag: null, overdueDays: 2 });
    expect(await t.call('circulation.checkin', { item: rotation })).toMatchObject({ shelf: 'staff', flag: 'rotation' });
    expect(await t.call('circulation.checkin', { item: reserved })).toMatchObject({ shelf: 'staff', flag: 'reserved' });
    expect(await refusal(t.call('circulation.checkin', { item: own }))).toMatchObject({ reason: 'not_on_loan' });
    expect(events(t, 'loan.return')).toHaveLength(3);
    expect(db.prepare("SELECT COUNT(*) AS n FROM items WHERE status = 'on_loan'").get()).toEqual({ n: 0 });
  });

  it('renews within the category limit, then refuses', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item }); // child: 14 days, 1 renewal
    t.clock.advance(10 * DAY);
    const renewed = await t.call<LoanView>('circulation.renew', { residentToken: await t.residentToken('BD000001'), item });
    expect(renewed).toMatchObject({ dueDate: '2026-12-25', renewals: 1, renewalsLeft: 0 });
    expect(await refusal(t.call('circulation.renew', { residentToken: await t.residentToken('BD000001'), item }))).toMatchObject({
      reason: 'no_renewals_left',
    });
    expect(await refusal(t.call('circulation.renew', { residentToken: await t.residentToken('BD000002'), item }))).toMatchObject({ reason: 'not_your_loan' });
    expect(events(t, 'loan.renew')).toEqual([expect.objectContaining({ dueDate: '2026-12-25' })]);
  });
});

describe('CCCD sign-in and self-registration', () => {
  const identity: CccdIdentity = { idNumber: '001089012345', fullName: 'Nguyễn Thị Lan', birthDate: '1989-04-12', gender: 'female' };

  async function withParser(configure?: (dir: string) => void) {
    const t = await openTestKiosk(configure ? { configure } : {});
    provideCccdParser(t.kiosk.ctx, (text) =>
      text === 'GOOD'
        ? { ok: true, value: identity }
        : text === 'CHILD'
          ? { ok: true, value: { ...identity, idNumber: '001216012345', birthDate: '2016-02-30' } }
          : { ok: false },
    );
    return t;
  }

  it('offers registration for an unknown CCCD, creates an active card, and recognises the resident next time', async () => {
    const t = await withParser();
    const offer = await t.call<{ kind: string; registrationToken: string; proposed: { category: string } }>('circulation.signIn', {
      method: 'cccd',
      qr: 'GOOD',
    });
    expect(offer).toMatchObject({ kind: 'register', proposed: { category: 'adult' }, activation: 'active' });
    const signedIn = await t.call<SignedInPatron>('circulation.register', { registrationToken: offer.registrationToken, consent: true, village: 'Thôn Đông' });
    expect(signedIn.patron).toMatchObject({
      cardNumber: expect.stringMatching(/^BD000007[A-Z]$/),
      displayName: 'Lan N.',
      status: 'active',
      registeredWithCccd: true,
    });
    expect(signedIn.standing.canBorrow).toBe(true);

    const again = await t.call<SignedInPatron>('circulation.signIn', { method: 'cccd', qr: 'GOOD' });
    expect(again).toMatchObject({ kind: 'patron', patron: { cardNumber: signedIn.patron.cardNumber } });
    // Neither the number nor the QR text is stored anywhere: only the keyed hash.
    const dump = JSON.stringify(t.kiosk.db.prepare('SELECT * FROM patrons').all()) + JSON.stringify(t.kiosk.db.prepare('SELECT * FROM events').all());
    expect(dump).not.toContain('001089012345');
    expect(events(t, 'patron.registered')).toEqual([expect.objectContaining({ via: 'self', status: 'active' })]);
    // The offer is single-use.
    expect(await refusal(t.call('circulation.register', { registrationToken: offer.registrationToken, consent: true }))).toMatchObject({
      reason: 'registration_expired',
    });
  });

  it('refuses a QR with missing fields or an impossible date, writing nothing', async () => {
    const t = await withParser();
    for (const qr of ['BAD', 'CHILD']) {
      const error = await refusal(t.call('circulation.signIn', { method: 'cccd', qr }));
      expect(error).toMatchObject({ reason: 'cccd_unreadable' });
      expect(error.message).toMatch(/quét lại mã QR/);
    }
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM patrons').get()).toEqual({ n: 6 });
  });

  it('makes pending cards when the configuration asks for staff approval, and staff approve them', async () => {
    const t = await withParser((dir) => {
      writeFileSync(
        `${dir}/kiosk.config.json`,
        JSON.stringify({ library: { name: 'Thư viện xã Thử', communeCode: '12345' }, circulation: { selfRegistration: 'pending' } }),
      );
    });
    const offer = await t.call<{ registrationToken: string }>('circulation.signIn', { method: 'cccd', qr: 'GOOD' });
    const signedIn = await t.call<SignedInPatron>('circulation.register', { registrationToken: offer.registrationToken, consent: true });
    expect(signedIn.patron).toMatchObject({ cardNumber: expect.stringMatching(/^BD000001[A-Z]$/), status: 'pending' });
    expect(signedIn.standing).toMatchObject({ canBorrow: false, reason: 'card_pending' });
    // A configured kiosk has no demo staff: add the one who approves.
    t.kiosk.db
      .prepare("INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Cán bộ', 'staff', ?, '2026-01-01')")
      .run(await hashPin('147258'));
    const token = await staffToken(t);
    expect(await t.call<unknown[]>('patrons.list', { staffToken: token, status: 'pending' })).toHaveLength(1);
    expect(await t.call('patrons.setStatus', { staffToken: token, card: signedIn.patron.cardNumber, status: 'active' })).toMatchObject({ status: 'active' });
    expect(events(t, 'patron.status_changed')).toEqual([expect.objectContaining({ from: 'pending', to: 'active' })]);
  });
});

describe('staff', () => {
  it('override lends through a refusal and records who and why', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    const token = await staffToken(t);
    expect(
      await refusal(t.call('circulation.override', { staffToken: 'x'.repeat(20), card: 'BD000006', item, reason: 'Bạn đọc đã gia hạn thẻ' })),
    ).toMatchObject({ code: 'unauthorized' });
    const loan = await t.call<LoanView>('circulation.override', { staffToken: token, card: 'BD000006', item, reason: 'Bạn đọc đã gia hạn thẻ' });
    expect(loan.item).toBe(item);
    expect(events(t, 'staff.override')).toEqual([expect.objectContaining({ action: 'checkout', reason: 'Bạn đọc đã gia hạn thẻ' })]);
    expect(events(t, 'loan.checkout')[0]).toMatchObject({ overrideBy: 1 });
  });

  it('blocks and unblocks a patron, adds one, and lists overdue loans', async () => {
    const t = await openTestKiosk();
    const token = await staffToken(t);
    await t.call('patrons.setStatus', { staffToken: token, card: 'BD000002', status: 'blocked', reason: 'Làm hỏng sách' });
    const [item] = lendableItems(t, 1);
    expect(await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item }))).toMatchObject({ reason: 'card_blocked' });
    await t.call('patrons.setStatus', { staffToken: token, card: 'BD000002', status: 'active' });
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item });

    const added = await t.call<{ cardNumber: string; cardExpiry: string }>('patrons.add', {
      staffToken: token,
      fullName: 'Trần Văn Minh',
      birthYear: 1960,
      gender: 'male',
      category: 'senior',
      phone: '0912345678',
    });
    expect(added).toMatchObject({ cardNumber: expect.stringMatching(/^BD000007[A-Z]$/), cardExpiry: '2028-12-01' });
    expect(await refusal(t.call('patrons.add', { staffToken: token, fullName: 'A B', category: 'vip' }))).toMatchObject({ reason: 'unknown_category' });

    t.clock.advance(20 * DAY);
    const overdue = await t.call<{ card: string; overdueDays: number }[]>('circulation.overdue', { staffToken: await staffToken(t) });
    expect(overdue).toEqual([expect.objectContaining({ card: 'BD000002', overdueDays: 6 })]);
  });

  it('prints receipts with the library name, items and due dates, masking the card', async () => {
    const t = await openTestKiosk();
    const items = lendableItems(t, 2);
    for (const item of items) await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item });
    const receipt = await t.call<{ text: string; card: string; lines: unknown[]; printed: boolean }>('circulation.receipt', {
      residentToken: await t.residentToken('BD000003'),
      items,
    });
    expect(receipt.card).toBe('BD****03');
    expect(receipt.lines).toHaveLength(2);
    expect(receipt.text).toContain('Thư viện xã Minh Hòa');
    expect(receipt.text).toContain('hạn trả 22/12/2026');
    expect(receipt.printed).toBe(false);

    // With the Electron shell's printer: printed silently to the configured (default) printer, one page counted.
    const printed: { text: string; printerName: string | null }[] = [];
    provideReceiptPrinter(t.kiosk.ctx, async (text, options) => (printed.push({ text, printerName: options.printerName }), true));
    const again = await t.call<{ printed: boolean; text: string }>('circulation.receipt', { residentToken: await t.residentToken('BD000003'), items });
    expect(again.printed).toBe(true);
    expect(printed).toEqual([{ text: again.text, printerName: null }]);
    expect(events(t, 'print.pages')).toEqual([{ pages: 1, service: 'circulation' }]);
    // Asking for the screen only does not print.
    expect(await t.call('circulation.receipt', { residentToken: await t.residentToken('BD000003'), items, print: false })).toMatchObject({ printed: false });
    expect(printed).toHaveLength(1);
    // Items not lent to this card are left off; none at all is a clear refusal.
    expect(await refusal(t.call('circulation.receipt', { residentToken: await t.residentToken('BD000001'), items }))).toMatchObject({
      reason: 'receipt_empty',
    });
  });
});

describe('CCCD through the device layer parser', () => {
  const qr = (birth: string) => `001189012345|123456789|Nguyễn Thị Lan|${birth}|Nữ|Thôn Đông, xã Minh Hòa|01012021`;

  it('registers from a real QR text and keeps neither the number nor the address', async () => {
    const t = await openTestKiosk();
    const offer = await t.call<{ kind: string; registrationToken: string; proposed: { birthYear: number; gender: string } }>('circulation.signIn', {
      method: 'cccd',
      qr: qr('12041989'),
    });
    expect(offer).toMatchObject({ kind: 'register', proposed: { birthYear: 1989, gender: 'female' } });
    await t.call('circulation.register', { registrationToken: offer.registrationToken, consent: true });
    const dump =
      JSON.stringify(t.kiosk.db.prepare('SELECT * FROM patrons').all()) +
      JSON.stringify(t.kiosk.db.prepare('SELECT * FROM events').all()) +
      JSON.stringify(t.kiosk.db.prepare('SELECT * FROM meta').all());
    for (const secret of ['001189012345', '123456789', 'Thôn Đông, xã Minh Hòa', '01012021']) expect(dump).not.toContain(secret);
  });

  it('refuses an impossible birth date or a QR with fields missing', async () => {
    const t = await openTestKiosk();
    for (const text of [qr('31021989'), '001189012345|123456789|Nguyễn Thị Lan']) {
      expect(await refusal(t.call('circulation.signIn', { method: 'cccd', qr: text }))).toMatchObject({ reason: 'cccd_unreadable' });
    }
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM patrons').get()).toEqual({ n: 6 });
    // Without consent nothing is created either.
    const offer = await t.call<{ registrationToken: string }>('circulation.signIn', { method: 'cccd', qr: qr('12041989') });
    expect(await refusal(t.call('circulation.register', { registrationToken: offer.registrationToken, consent: false }))).toMatchObject({
      code: 'invalid_request',
    });
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM patrons').get()).toEqual({ n: 6 });
  });
});

describe('renewing too early', () => {
  it('refuses a renewal that would not move the due date, keeping the renewal for later', async () => {
    const t = await openTestKiosk();
    const [item] = lendableItems(t, 1);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item });
    const error = await refusal(t.call('circulation.renew', { residentToken: await t.residentToken('BD000003'), item }));
    expect(error).toMatchObject({ reason: 'renew_too_early' });
    expect(error.message).toMatch(/còn hạn đến 22\/12\/2026/);
    const loans = await t.call<SignedInPatron>('circulation.loans', { residentToken: await t.residentToken('BD000003') });
    expect(loans.loans[0]).toMatchObject({ renewals: 0, renewalsLeft: 2 });
  });
});
