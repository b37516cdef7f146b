// Holds through the contract boundary on a demo kiosk: placing (and every refusal), the queue, a
// returned copy set aside for the first in line, pickup, expiry, cancelling, staff, and the CLI.
import { describe, expect, it } from 'vitest';
import type { CheckinResult, HoldView, LoanView, SignedInPatron, StaffHoldView } from '#contract/circulation';
import type { SearchResponse } from '#contract/catalogue';
import { daysBetween, localDay } from '../../common/calendar';
import { fresh, kiosk } from '../support/cli';
import { openTestKiosk, refusal, staffToken, type TestKiosk, events } from '../support/kiosk';

const DAY = 86_400_000;

/** A title with exactly `copies` lendable copies, all on the shelf; returns its id and barcodes. */
function titleWithCopies(t: TestKiosk, copies: number, skip = 0): { recordId: number; items: string[] } {
  const row = t.kiosk.db
    .prepare(
      `SELECT record_id AS recordId, group_concat(barcode) AS barcodes FROM (SELECT record_id, barcode, status FROM items ORDER BY barcode)
       GROUP BY record_id HAVING COUNT(*) = ? AND MIN(status) = 'available' AND MAX(status) = 'available' ORDER BY record_id LIMIT 1 OFFSET ?`,
    )
    .get(copies, skip) as { recordId: number; barcodes: string };
  return { recordId: row.recordId, items: row.barcodes.split(',') };
}

/** Gives this kiosk its own circulation settings (the demo configuration object is shared between kiosks). */
function setCirculation(t: TestKiosk, settings: Partial<TestKiosk['kiosk']['ctx']['config']['circulation']>): void {
  const ctx = t.kiosk.ctx as { config: TestKiosk['kiosk']['ctx']['config'] };
  ctx.config = { ...ctx.config, circulation: { ...ctx.config.circulation, ...settings } };
}

/**
 * The queue most tests start from: the only copy of a title lent to BD000001, BD000002 then
 * BD000003 waiting for it, and the copy back and set aside for BD000002.
 */
async function twoWaitingForOneCopy(t: TestKiosk) {
  const { recordId, items } = titleWithCopies(t, 1);
  await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: items[0] });
  const first = await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId });
  t.clock.advance(1000);
  const second = await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('BD000003'), recordId });
  const returned = await t.call<CheckinResult>('circulation.checkin', { item: items[0] });
  return { recordId, item: items[0]!, first, second, returned };
}

async function holdsOf(t: TestKiosk, card: string): Promise<HoldView[]> {
  return (await t.call<SignedInPatron>('circulation.loans', { residentToken: await t.residentToken(card) })).holds;
}

describe('placing a hold', () => {
  it('is refused while a copy is on the shelf, then queues residents in order once every copy is out', async () => {
    const t = await openTestKiosk();
    const { recordId, items } = titleWithCopies(t, 1);
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId }))).toMatchObject({
      reason: 'on_shelf',
    });

    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: items[0] });
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000001'), recordId }))).toMatchObject({
      reason: 'already_borrowed',
    });
    const first = await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId });
    t.clock.advance(60_000);
    const second = await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('bd000003'), recordId });
    expect(first).toMatchObject({ status: 'waiting', position: 1, readyUntil: null, nextDueDate: '2026-12-15' });
    expect(second).toMatchObject({ status: 'waiting', position: 2 });
    // Placing it again answers with the same hold and writes nothing.
    expect(await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId })).toEqual(first);
    expect(events(t, 'hold.placed')).toHaveLength(2);
    expect(events(t, 'hold.placed')[0]).toEqual(expect.objectContaining({ recordId, category: expect.any(String) }));
    expect(JSON.stringify(events(t, 'hold.placed'))).not.toMatch(/BD0000/);

    // The borrower cannot renew over someone waiting.
    t.clock.advance(12 * DAY);
    expect(await refusal(t.call('circulation.renew', { residentToken: await t.residentToken('BD000001'), item: items[0] }))).toMatchObject({
      reason: 'reserved_by_other',
    });
    // Search says nobody's copy is on the shelf and two residents wait.
    const search = await t.call<SearchResponse>('catalogue.search', { query: items[0] });
    expect(search.results[0]).toMatchObject({ id: recordId, available: 0, waiting: 2 });
  });

  it('says a late copy is overdue instead of promising it back on a day already past', async () => {
    const t = await openTestKiosk();
    const { recordId, items } = titleWithCopies(t, 1);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: items[0] });
    const hold = await t.call<HoldView>('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId });
    const due = hold.nextDueDate!;
    const search = async () => (await t.call<SearchResponse>('catalogue.search', { query: items[0] })).results[0]!;
    expect(hold.nextDueOverdue).toBe(false);
    // On the due day itself the date still holds.
    t.clock.advance(daysBetween(localDay(t.clock.now()), due) * DAY);
    expect(localDay(t.clock.now())).toBe(due);
    expect(await search()).toMatchObject({ id: recordId, nextDueDate: due, nextDueOverdue: false });
    // The day after, the copy is late: the screens say so rather than show a past date.
    t.clock.advance(DAY);
    expect(await search()).toMatchObject({ id: recordId, nextDueDate: due, nextDueOverdue: true });
    expect((await holdsOf(t, 'BD000002'))[0]).toMatchObject({ holdId: hold.holdId, nextDueOverdue: true });
    expect((await t.call<StaffHoldView[]>('circulation.holds', { staffToken: await staffToken(t) })).find((h) => h.holdId === hold.holdId)).toMatchObject({
      nextDueOverdue: true,
    });
  });

  it('refuses unknown titles, reference-only titles, an unusable card, and more holds than allowed', async () => {
    const t = await openTestKiosk();
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId: 999_999 }))).toMatchObject({
      code: 'not_found',
      reason: 'unknown_record',
    });
    const reference = titleWithCopies(t, 1, 1);
    t.kiosk.db.prepare("UPDATE items SET status = 'reference' WHERE barcode = ?").run(reference.items[0]);
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId: reference.recordId }))).toMatchObject({
      reason: 'not_holdable',
    });
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000006'), recordId: reference.recordId }))).toMatchObject({
      reason: 'card_expired',
    });

    setCirculation(t, { maxHolds: 1 });
    const a = titleWithCopies(t, 1, 2);
    const b = titleWithCopies(t, 1, 3);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: a.items[0] });
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: b.items[0] });
    await t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId: a.recordId });
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId: b.recordId }))).toMatchObject({
      reason: 'too_many_holds',
    });
    setCirculation(t, { maxHolds: 0 });
    expect(await refusal(t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000003'), recordId: b.recordId }))).toMatchObject({
      reason: 'holds_off',
    });
    expect(
      events(t, 'circulation.refused')
        .filter((e) => e.action === 'hold')
        .map((e) => e.reason),
    ).toEqual(['unknown_record', 'not_holdable', 'card_expired', 'too_many_holds', 'holds_off']);
  });
});

describe('a copy coming back', () => {
  it('is set aside for the first in line, kept from others, and borrowing it fulfils the hold', async () => {
    const t = await openTestKiosk();
    const { item, returned } = await twoWaitingForOneCopy(t);
    const items = [item];
    expect(returned).toMatchObject({ shelf: 'staff', flag: 'reserved' });
    expect(await holdsOf(t, 'BD000002')).toEqual([expect.objectContaining({ status: 'ready', readyUntil: '2026-12-08', position: null })]);
    expect(await holdsOf(t, 'BD000003')).toEqual([expect.objectContaining({ status: 'waiting', position: 1 })]);
    const search = await t.call<SearchResponse>('catalogue.search', { query: items[0] });
    expect(search.results[0]).toMatchObject({ available: 0, waiting: 1, items: [expect.objectContaining({ status: 'available', setAside: true })] });
    expect((await t.call<SearchResponse>('catalogue.search', { query: items[0], availableOnly: true })).results).toEqual([]);

    expect(await refusal(t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item: items[0] }))).toMatchObject({
      reason: 'reserved_for_other',
    });
    await t.call<LoanView>('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item: items[0] });
    expect(await holdsOf(t, 'BD000002')).toEqual([]);
    expect(events(t, 'hold.ended')).toEqual([expect.objectContaining({ outcome: 'fulfilled' })]);

    // Back again: it goes to the next in line.
    expect(await t.call('circulation.checkin', { item: items[0] })).toMatchObject({ flag: 'reserved' });
    expect(await holdsOf(t, 'BD000003')).toEqual([expect.objectContaining({ status: 'ready' })]);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000003'), item: items[0] });
    // Nobody waits any more: the next return goes to the open shelf.
    expect(await t.call('circulation.checkin', { item: items[0] })).toMatchObject({ shelf: 'open', flag: null });
  });

  it('passes to the next in line when it is not picked up in time', async () => {
    const t = await openTestKiosk();
    await twoWaitingForOneCopy(t);

    t.clock.advance(7 * DAY); // the 7th day after: still kept
    expect(await holdsOf(t, 'BD000002')).toEqual([expect.objectContaining({ status: 'ready' })]);
    t.clock.advance(DAY);
    expect(await holdsOf(t, 'BD000002')).toEqual([]);
    expect(await holdsOf(t, 'BD000003')).toEqual([expect.objectContaining({ status: 'ready', readyUntil: '2026-12-16' })]);
    expect(events(t, 'hold.ended')).toEqual([expect.objectContaining({ outcome: 'expired', staffId: null })]);
    expect(events(t, 'hold.ready')).toHaveLength(2);
  });

  it('lent by staff to someone else anyway: the hold waits for the next copy', async () => {
    const t = await openTestKiosk();
    const { recordId, items } = titleWithCopies(t, 2);
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000001'), item: items[0] });
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000004'), item: items[1] });
    await t.call('circulation.placeHold', { residentToken: await t.residentToken('BD000002'), recordId });
    await t.call('circulation.checkin', { item: items[0] });
    const token = await staffToken(t);
    await t.call('circulation.override', { staffToken: token, card: 'BD000003', item: items[0], reason: 'Cán bộ đã hỏi ý bạn đọc đặt trước' });
    expect(await holdsOf(t, 'BD000002')).toEqual([expect.objectContaining({ status: 'waiting', position: 1 })]);
    // The other copy comes back and is set aside for them.
    expect(await t.call('circulation.checkin', { item: items[1] })).toMatchObject({ flag: 'reserved' });
    expect(await holdsOf(t, 'BD000002')).toEqual([expect.objectContaining({ status: 'ready' })]);
  });
});

describe('cancelling', () => {
  it('a resident cancels their own hold (the copy passes on); staff see every hold and cancel one', async () => {
    const t = await openTestKiosk();
    const { item, first, second } = await twoWaitingForOneCopy(t);
    const items = [item];

    expect(await refusal(t.call('circulation.cancelHold', { residentToken: await t.residentToken('BD000003'), holdId: first.holdId }))).toMatchObject({
      reason: 'not_your_hold',
    });
    expect(await t.call('circulation.cancelHold', { residentToken: await t.residentToken('BD000002'), holdId: first.holdId })).toEqual([]);
    expect(await holdsOf(t, 'BD000003')).toEqual([expect.objectContaining({ holdId: second.holdId, status: 'ready' })]);

    const token = await staffToken(t);
    const list = await t.call<StaffHoldView[]>('circulation.holds', { staffToken: token });
    expect(list).toEqual([expect.objectContaining({ holdId: second.holdId, card: 'BD000003', item: items[0], status: 'ready' })]);
    expect(await t.call('circulation.staffCancelHold', { staffToken: token, holdId: second.holdId })).toEqual([]);
    expect(events(t, 'hold.ended').map((e) => e.outcome)).toEqual(['resident', 'staff']);
    expect(events(t, 'staff.action')).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'hold.cancel', target: String(second.holdId) })]));
    expect(await refusal(t.call('circulation.holds', { staffToken: 'not-a-token-at-all-0000' }))).toMatchObject({ code: 'unauthorized' });
  });
});

describe('kiosk hold and kiosk holds', () => {
  // Three short tests rather than one of ten commands: each stays within its time on a loaded machine.
  it('from the command line: refuses a hold on a book on the shelf, and a hold number that is not one', () => {
    const dir = fresh();
    // Demo title 2 has two copies (TV000002, TV000003), both on the shelf.
    const onShelf = kiosk('hold', 'place', 'BD000002', '2', '--data-dir', dir, '--json');
    expect(onShelf.code).toBe(1);
    expect(onShelf.json()).toMatchObject({ ok: false, error: { reason: 'on_shelf' } });
    expect(onShelf.json().error.message).toContain('đang có trên giá');
    const wrong = kiosk('hold', 'cancel', 'abc', '--card', 'BD000002', '--data-dir', dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Mã đặt trước phải là một số nguyên dương');
  });

  /** A hold by BD000002 on demo title 6 (one copy, TV000012, lent to BD000001). */
  function placeHold(dir: string) {
    expect(kiosk('checkout', 'BD000001', 'TV000012', '--data-dir', dir, '--json').code).toBe(0);
    const record = kiosk('search', 'TV000012', '--data-dir', dir, '--json').json()[0];
    expect(record.items).toHaveLength(1);
    const placed = kiosk('hold', 'place', 'BD000002', String(record.id), '--data-dir', dir, '--json');
    expect(placed.code).toBe(0);
    const hold = placed.json().hold;
    expect(hold).toMatchObject({ recordId: record.id, status: 'waiting', position: 1 });
    return hold as { holdId: number };
  }

  it('from the command line: places a hold on a book that is out and lists it', () => {
    const dir = fresh();
    const hold = placeHold(dir);
    const list = kiosk('holds', '--data-dir', dir, '--json').json();
    expect(list.holds).toEqual([expect.objectContaining({ holdId: hold.holdId, card: 'BD000002' })]);
    expect(kiosk('holds', '--data-dir', dir).stdout).toContain('thứ 1 trong hàng');
  });

  it('from the command line: only the card that placed a hold cancels it', () => {
    const dir = fresh();
    const hold = placeHold(dir);
    expect(kiosk('hold', 'cancel', String(hold.holdId), '--card', 'BD000003', '--data-dir', dir, '--json').json()).toMatchObject({
      error: { reason: 'not_your_hold' },
    });
    expect(kiosk('hold', 'cancel', String(hold.holdId), '--card', 'BD000002', '--data-dir', dir, '--json').json()).toEqual({
      ok: true,
      card: 'BD000002',
      holds: [],
    });
    expect(kiosk('holds', '--data-dir', dir).stdout).toContain('Không có sách đặt trước nào.');
  });
});
