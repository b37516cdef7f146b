// The retention rule running by itself (issue #16): residents not seen for `retentionYears` are
// anonymised automatically, never before staff have been told for `retentionNoticeDays` (the staff
// home names the day and the count), a visit or a staff "keep" takes a resident off the list, and
// the log says how many, never who. Time only moves through the test's clock; the daily check is
// the scheduler's own callback, called by the test after it moves the clock.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../electron/core/clock';
import { createKiosk } from '../../electron/core/kiosk';
import type { Logger } from '../../electron/core/log';
import type { RetentionView } from '#contract/rights';
import type { StaffOverview } from '#contract/technician';
import { DEMO_PATRON_CARDS } from '../../electron/core/demo/seed';
import { scheduleRetention } from '../../electron/core/rights/retention-schedule';
import { createNativeDevices } from '../../native';
import { refusal, staffToken, testKioskOf, type TestKiosk } from '../support/kiosk';
import { tempDir } from '../support/temp-dir';
import { localInstant } from '../../common/calendar';

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closing.length) await closing.pop()!();
});

/** A demo kiosk made on `start`, whose log lines the test reads, and the retention rule's daily check. */
async function kioskAt(start: string): Promise<TestKiosk & { logLines: string[]; dailyCheck: () => void }> {
  const dir = tempDir();
  const clock = new FakeClock(start);
  const logLines: string[] = [];
  const log: Logger = { log: (level, event, fields) => logLines.push(JSON.stringify({ level, event, ...fields })) };
  const kiosk = await createKiosk({ dataDir: dir.path, clock, log, devices: createNativeDevices() });
  let dailyCheck: () => void = () => undefined;
  const stop = scheduleRetention(kiosk.ctx, ((callback: () => void) => {
    dailyCheck = callback;
    return 0 as unknown as NodeJS.Timeout;
  }) as unknown as typeof setInterval);
  closing.push(async () => {
    stop();
    await kiosk.close();
    dir.remove();
  });
  return { ...testKioskOf(kiosk, clock, dir.path), logLines, dailyCheck: () => dailyCheck() };
}

/** Moves the test's clock to a local day and time in Vietnam. */
function moveTo(t: TestKiosk, day: string, hhmm = '08:00'): void {
  t.clock.advance(localInstant(day, hhmm) - t.clock.now());
}

const erasedCards = (t: TestKiosk) =>
  (t.kiosk.db.prepare('SELECT card_number AS card FROM patrons WHERE erased_at IS NOT NULL ORDER BY card_number').all() as { card: string }[]).map(
    (r) => r.card,
  );

describe('the retention rule, by itself', () => {
  it('tells staff 30 days ahead who goes on which day, lets a visit or a staff "keep" take a resident off, then anonymises the rest on that day', async () => {
    // Demo cards made on 1 December 2026; 3 years on, the first day past the period is 2 December 2029.
    const t = await kioskAt('2026-12-01T08:00:00+07:00');
    const all = DEMO_PATRON_CARDS.length;

    moveTo(t, '2029-11-01');
    t.dailyCheck();
    const token = await staffToken(t);
    expect(await t.call<RetentionView>('rights.retention', { staffToken: token })).toMatchObject({ years: 3, noticeDays: 30, scheduled: 0, next: null });
    expect((await t.call<StaffOverview>('technician.staffOverview', { staffToken: token })).attention.map((a) => a.id)).not.toContain('retention_notice');

    // 30 days before: staff are told, on their home screen, how many go on 2 December.
    moveTo(t, '2029-11-02');
    t.dailyCheck();
    const told = await t.call<RetentionView>('rights.retention', { staffToken: await staffToken(t) });
    expect(told).toMatchObject({ due: 0, scheduled: all, next: { day: '2029-12-02', count: all } });
    expect(told.residents.every((r) => r.anonymiseOn === '2029-12-02' && !r.pastRetention)).toBe(true);
    const home = await t.call<StaffOverview>('technician.staffOverview', { staffToken: await staffToken(t) });
    expect(home.attention).toContainEqual({ id: 'retention_notice', severity: 'warning', count: all, page: 'patrons', day: '2029-12-02' });
    expect(t.logLines.filter((l) => l.includes('rights.retention_run'))).toEqual([
      JSON.stringify({ level: 'info', event: 'rights.retention_run', day: '2029-11-02', noticed: all, anonymised: 0, scheduled: all }),
    ]);

    // During the notice: BD000003 comes to the library; staff keep BD000004, who telephoned.
    moveTo(t, '2029-11-20');
    await t.call('circulation.signIn', { method: 'card', card: 'BD000003' });
    const desk = await staffToken(t);
    expect(await t.call('rights.keepRecord', { staffToken: desk, card: 'BD000004' })).toEqual({ card: 'BD000004', anonymiseAfter: '2032-11-20' });
    t.dailyCheck();
    const left = await t.call<RetentionView>('rights.retention', { staffToken: desk });
    expect(left.residents.map((r) => r.card).sort()).toEqual(DEMO_PATRON_CARDS.filter((c) => c !== 'BD000003' && c !== 'BD000004'));
    expect(t.kiosk.db.prepare("SELECT json_extract(payload, '$.staffId') AS staffId FROM events WHERE type = 'patron.retention_kept'").all()).toEqual([
      { staffId: expect.any(Number) },
    ]);

    // The day before, nothing happens; the check runs again at night (23:50) and just after midnight.
    moveTo(t, '2029-12-01', '23:50');
    t.dailyCheck();
    expect(erasedCards(t)).toEqual([]);
    moveTo(t, '2029-12-02', '00:05');
    t.dailyCheck();
    const gone = DEMO_PATRON_CARDS.filter((c) => c !== 'BD000003' && c !== 'BD000004');
    expect(erasedCards(t)).toEqual(gone);
    const audit = (t.kiosk.db.prepare("SELECT payload FROM events WHERE type = 'patron.erased'").all() as { payload: string }[]).map((r) =>
      JSON.parse(r.payload),
    );
    expect(audit).toHaveLength(gone.length);
    expect(audit.every((a) => a.staffId === null && a.reason === 'retention')).toBe(true);
    expect((await t.call<RetentionView>('rights.retention', { staffToken: await staffToken(t) })).scheduled).toBe(0);

    // The log says how many, never who.
    const names = t.kiosk.db.prepare("SELECT full_name FROM patrons WHERE full_name <> ''").all() as { full_name: string }[];
    const lines = t.logLines.join('\n');
    expect(lines).toContain('"anonymised":4');
    for (const card of DEMO_PATRON_CARDS) expect(lines).not.toContain(card);
    for (const { full_name } of names) expect(lines).not.toContain(full_name);
  });

  it('gives a resident already past the period (the rule just switched on, a kiosk left off) the whole notice, never anonymising on the first run', async () => {
    const t = await kioskAt('2026-12-01T08:00:00+07:00');
    moveTo(t, '2031-06-15', '23:50');
    t.dailyCheck();
    expect(erasedCards(t)).toEqual([]);
    const view = await t.call<RetentionView>('rights.retention', { staffToken: await staffToken(t) });
    expect(view).toMatchObject({ due: DEMO_PATRON_CARDS.length, next: { day: '2031-07-15', count: DEMO_PATRON_CARDS.length } });
    expect(view.residents.every((r) => r.pastRetention)).toBe(true);
    // The same day again changes nothing; the next days neither, until the notice has run out.
    t.dailyCheck();
    moveTo(t, '2031-07-14', '23:59');
    t.dailyCheck();
    expect(erasedCards(t)).toEqual([]);
    moveTo(t, '2031-07-15', '00:00');
    t.dailyCheck();
    expect(erasedCards(t)).toEqual([...DEMO_PATRON_CARDS]);
  });

  it('never schedules a resident with a book out, and counts 29 February right', async () => {
    const t = await kioskAt('2028-02-29T10:00:00+07:00');
    const item = (t.kiosk.db.prepare("SELECT MIN(barcode) AS barcode FROM items WHERE status = 'available'").get() as { barcode: string }).barcode;
    await t.call('circulation.signIn', { method: 'card', card: 'BD000002' });
    await t.call('circulation.checkout', { residentToken: await t.residentToken('BD000002'), item });
    // Last seen 29 Feb 2028: kept until 28 Feb 2031, past the period from 1 March 2031.
    moveTo(t, '2031-01-30');
    t.dailyCheck();
    const view = await t.call<RetentionView>('rights.retention', { staffToken: await staffToken(t) });
    expect(view.next).toEqual({ day: '2031-03-01', count: DEMO_PATRON_CARDS.length - 1 });
    expect(view.residents.map((r) => r.card)).not.toContain('BD000002');
    moveTo(t, '2031-03-01');
    t.dailyCheck();
    expect(erasedCards(t)).toEqual(DEMO_PATRON_CARDS.filter((c) => c !== 'BD000002'));
  });

  it('a resident can neither see the list nor keep anyone, and sees only their own day', async () => {
    const t = await kioskAt('2026-12-01T08:00:00+07:00');
    moveTo(t, '2029-11-10');
    t.dailyCheck();
    const resident = await t.residentToken('BD000001', 'cccd');
    expect(await refusal(t.call('rights.retention', { residentToken: resident }))).toMatchObject({ code: 'invalid_request' });
    expect(await refusal(t.call('rights.retention', { staffToken: resident }))).toMatchObject({ code: 'unauthorized' });
    expect(await refusal(t.call('rights.keepRecord', { staffToken: resident, card: 'BD000001' }))).toMatchObject({ code: 'unauthorized' });
    expect(await refusal(t.call('rights.keepRecord', { residentToken: resident, card: 'BD000001' }))).toMatchObject({ code: 'invalid_request' });
    // A resident's own record tells them the last day they are kept (told on 10 November: 30 days of
    // notice, so the 9th of December, not the 1st), and nothing about anyone else.
    const own = await t.call<Record<string, unknown>>('rights.myRecord', { residentToken: resident });
    expect(own.anonymiseAfter).toBe('2029-12-09');
    expect(JSON.stringify(own)).not.toContain('BD000002');
    expect((t.kiosk.db.prepare('SELECT count(*) AS n FROM retention_notices').get() as { n: number }).n).toBe(DEMO_PATRON_CARDS.length);
  });
});
