// Sessions on a demo kiosk with a fake clock: countdown, limits, closing, wall-clock jumps,
// crash-resume, reboot, staff control, queue, guest passes and the wipe of downloads.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeClock } from '../../../electron/core/clock';
import { createKiosk } from '../../../electron/core/kiosk';
import { silentLogger } from '../../../electron/core/log';
import { internetTestHooks } from '../../../electron/core/internet/register';
import { attachSurface, internetOf } from '../../../electron/core/internet/context';
import { tick } from '../../../electron/core/internet/countdown';
import { internetState } from '../../../electron/core/internet/state';
import type { InternetState } from '#contract/internet';
import { systemBootProbe } from '../../../electron/core/internet/boot';
import { openTestKiosk, staffToken, type TestKiosk, events } from '../../support/kiosk';

const MIN = 60_000;
const ADULT = 'BD000003'; // demo category 'adult' → default limits: 60 min session, 120 min day, 3 sessions
const CHILD = 'BD000001'; // demo category 'child' → 30 min session, 60 min day

afterEach(() => {
  internetTestHooks.boot = systemBootProbe;
});

async function open(clock = new FakeClock('2026-12-01T08:00:00+07:00')) {
  const t = await openTestKiosk({ clock });
  const internet = internetOf(t.kiosk.ctx);
  // These tests move the clock by many minutes with nobody touching anything: the inactivity rule has its own tests (inactivity.test.ts).
  (internet.config as { inactivityMinutes: number }).inactivityMinutes = 0;
  return { ...t, internet };
}
const status = (t: TestKiosk) => t.call<InternetState>('internet.status');
const signIn = (t: TestKiosk, text: string, kind = 'card') =>
  t.call<{ allowanceMinutes: number; limitedBy: string; resumed: boolean }>('internet.signIn', { kind, text });
async function expectRefusal(promise: Promise<unknown>, reason: string) {
  await expect(promise).rejects.toMatchObject({ apiError: { reason } });
}

describe('a session', () => {
  it('counts down on the monotonic clock and ends by itself at zero', async () => {
    const t = await open();
    expect((await signIn(t, ADULT)).allowanceMinutes).toBe(60);
    t.clock.advance(20 * MIN);
    tick(t.internet);
    expect((await status(t)).session).toMatchObject({ remainingSeconds: 40 * 60, allowanceMinutes: 60 });
    t.clock.advance(40 * MIN);
    tick(t.internet);
    const s = await status(t);
    expect(s.phase).toBe('free');
    expect(events(t, 'internet.session_ended')).toEqual([expect.objectContaining({ reason: 'time_up', minutesUsed: 60, category: 'adult' })]);
    expect(events(t, 'internet.session_started')).toHaveLength(1);
    expect(events(t, 'patron.signed_in')).toEqual([expect.objectContaining({ service: 'internet', method: 'card' })]);
  });

  it('warns at 5 and 1 minutes, once each', async () => {
    const t = await open();
    const warnings: number[] = [];
    t.kiosk.bus.on('internet.warning', (w) => warnings.push(w.minutesLeft));
    await signIn(t, ADULT);
    for (let i = 0; i < 60; i++) {
      t.clock.advance(MIN / 2);
      tick(t.internet);
    }
    t.clock.advance(25 * MIN);
    tick(t.internet);
    t.clock.advance(30_000);
    tick(t.internet);
    t.clock.advance(4 * MIN);
    tick(t.internet);
    tick(t.internet);
    expect(warnings).toEqual([5, 1]);
  });

  it('wall-clock jumps neither add nor remove minutes', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(10 * MIN);
    t.clock.jumpWall(3 * 60 * MIN);
    tick(t.internet);
    expect((await status(t)).session?.remainingSeconds).toBe(50 * 60);
    t.clock.jumpWall(-5 * 60 * MIN);
    t.clock.advance(5 * MIN);
    tick(t.internet);
    expect((await status(t)).session?.remainingSeconds).toBe(45 * 60);
  });

  it('day, session count and category limits apply across sessions', async () => {
    const t = await open();
    await signIn(t, CHILD);
    t.clock.advance(30 * MIN);
    tick(t.internet);
    const second = await signIn(t, CHILD);
    expect(second).toMatchObject({ allowanceMinutes: 30, limitedBy: 'session' });
    await t.call('internet.end');
    await expectRefusal(signIn(t, CHILD), 'sessions_used_up');
  });

  it('a resident who ended early gets only what is left of the day', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(60 * MIN);
    tick(t.internet);
    await signIn(t, ADULT);
    t.clock.advance(50 * MIN);
    await t.call('internet.end');
    expect(await signIn(t, ADULT)).toMatchObject({ allowanceMinutes: 10, limitedBy: 'day' });
  });

  it('a session started 10 minutes before closing ends at closing with reason closing', async () => {
    // Demo kiosks are open 00:00–23:59.
    const t = await open(new FakeClock('2026-12-01T23:49:00+07:00'));
    expect(await signIn(t, ADULT)).toMatchObject({ allowanceMinutes: 10, limitedBy: 'closing' });
    t.clock.advance(10 * MIN);
    tick(t.internet);
    expect(events(t, 'internet.session_ended')).toEqual([expect.objectContaining({ reason: 'closing' })]);
    await expectRefusal(signIn(t, ADULT), 'closed');
  });

  it('an expired or unknown card is refused with a sentence, nothing written', async () => {
    const t = await open();
    await expectRefusal(signIn(t, 'BD000006'), 'card_expired');
    await expectRefusal(signIn(t, 'NOPE'), 'card_unknown');
    expect(events(t, 'internet.session_started')).toHaveLength(0);
    expect(t.kiosk.db.prepare('SELECT COUNT(*) AS n FROM internet_sessions').get()).toEqual({ n: 0 });
  });

  it('a busy PC refuses another resident', async () => {
    const t = await open();
    await signIn(t, ADULT);
    await expectRefusal(signIn(t, CHILD), 'pc_busy');
  });
});

describe('crash and reboot', () => {
  it('a restart of the program resumes for the same resident with the remaining time', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(20 * MIN);
    tick(t.internet); // checkpoint
    await t.kiosk.close();
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      const internet = internetOf(again.ctx);
      expect(internetState(internet).phase).toBe('suspended');
      const resumed = await again.registry.dispatch('internet.signIn', { kind: 'card', text: ADULT });
      expect(resumed).toMatchObject({ ok: true, value: { resumed: true } });
      expect(internetState(internet).session?.remainingSeconds).toBe(40 * 60);
    } finally {
      await again.close();
    }
  });

  it('the next resident clears a suspended session, recorded as a crash at its last checkpoint', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(10 * MIN);
    tick(t.internet);
    await t.kiosk.close();
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      const reply = await again.registry.dispatch('internet.signIn', { kind: 'card', text: CHILD });
      expect(reply.ok).toBe(true);
      const ended = again.db.prepare("SELECT payload FROM events WHERE type = 'internet.session_ended'").get() as { payload: string };
      expect(JSON.parse(ended.payload)).toMatchObject({ reason: 'crash', minutesUsed: 10 });
    } finally {
      await again.close();
    }
  });

  it('a reboot ends the session when the kiosk starts again, at the time of the power cut', async () => {
    internetTestHooks.boot = { bootId: () => 'boot-a', uptimeSeconds: () => 5000 };
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(15 * MIN);
    tick(t.internet);
    const cutAt = new Date(t.clock.now()).toISOString();
    await t.kiosk.close();
    t.clock.advance(2 * 60 * MIN);
    internetTestHooks.boot = { bootId: () => 'boot-b', uptimeSeconds: () => 40 };
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      expect(internetState(internetOf(again.ctx)).phase).toBe('free');
      const row = again.db
        .prepare('SELECT ended_at AS endedAt, end_reason AS reason, used_ms AS used, end_evidence AS evidence FROM internet_sessions')
        .get() as { evidence: string };
      expect(row).toMatchObject({ endedAt: cutAt, reason: 'power_cut', used: 15 * MIN });
      expect(JSON.parse(row.evidence)).toMatchObject({
        why: 'boot_changed',
        savedBootId: 'boot-a',
        bootId: 'boot-b',
        savedUptimeSeconds: 5000,
        uptimeSeconds: 40,
      });
    } finally {
      await again.close();
    }
  });

  it('without a boot id, uptime going backwards means a reboot', async () => {
    internetTestHooks.boot = { bootId: () => '', uptimeSeconds: () => 9000 };
    const t = await open();
    await signIn(t, ADULT);
    await t.kiosk.close();
    internetTestHooks.boot = { bootId: () => '', uptimeSeconds: () => 60 };
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      expect(again.db.prepare('SELECT end_reason AS r FROM internet_sessions').get()).toEqual({ r: 'power_cut' });
    } finally {
      await again.close();
    }
  });

  it('same boot: a restart after the clock moved a day forward resumes with the remaining time', async () => {
    internetTestHooks.boot = { bootId: () => 'boot-a', uptimeSeconds: () => 5000 };
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(20 * MIN);
    tick(t.internet);
    await t.kiosk.close();
    t.clock.jumpWall(24 * 60 * MIN);
    internetTestHooks.boot = { bootId: () => 'boot-a', uptimeSeconds: () => 5000 + 20 * 60 + 90 };
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      expect(internetState(internetOf(again.ctx)).phase).toBe('suspended');
      expect(await again.registry.dispatch('internet.signIn', { kind: 'card', text: ADULT })).toMatchObject({ ok: true, value: { resumed: true } });
      expect(internetState(internetOf(again.ctx)).session?.remainingSeconds).toBe(40 * 60);
    } finally {
      await again.close();
    }
  });

  it('no boot id (Windows): uptime that agrees with the clock resumes; a clock that disagrees ends it as a power cut', async () => {
    internetTestHooks.boot = { bootId: () => '', uptimeSeconds: () => 9000 };
    const t = await open();
    await signIn(t, ADULT);
    await t.kiosk.close();
    t.clock.advance(3 * MIN);
    internetTestHooks.boot = { bootId: () => '', uptimeSeconds: () => 9000 + 3 * 60 };
    const resumed = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    expect(internetState(internetOf(resumed.ctx)).phase).toBe('suspended');
    await resumed.close();
    // The clock was moved back an hour while the program was down: nothing proves it was only the program.
    t.clock.jumpWall(-60 * MIN);
    internetTestHooks.boot = { bootId: () => '', uptimeSeconds: () => 9000 + 4 * 60 };
    const again = await createKiosk({ dataDir: t.dataDir, clock: t.clock, log: silentLogger });
    try {
      const row = again.db.prepare('SELECT end_reason AS r, end_evidence AS e FROM internet_sessions').get() as { r: string; e: string };
      expect(row.r).toBe('power_cut');
      expect(JSON.parse(row.e)).toMatchObject({ why: 'no_boot_id_and_clock_disagrees', bootId: '' });
    } finally {
      await again.close();
    }
  });
});

describe('staff control', () => {
  it('extends the session, records who did it, and the resident sees the new time', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(55 * MIN);
    const token = await staffToken(t); // staff sign out after 15 idle minutes
    await t.call('internet.requestMoreTime');
    expect((await status(t)).session?.moreTimeRequested).toBe(true);
    expect(await t.call('internet.staff.extend', { staffToken: token, minutes: 15, scope: 'session' })).toEqual({ allowanceMinutes: 75, addedMinutes: 15 });
    const s = await status(t);
    expect(s.session).toMatchObject({ remainingSeconds: 20 * 60, moreTimeRequested: false });
    expect(events(t, 'internet.extended')).toEqual([expect.objectContaining({ minutes: 15, scope: 'session', staffId: 1 })]);
    expect(events(t, 'staff.action')).toEqual([expect.objectContaining({ staffId: 1, action: 'internet.extend_session' })]);
  });

  it('a day extension raises the day limit for later sessions too', async () => {
    const t = await open();
    await signIn(t, ADULT);
    // Extended while time is left: signing staff in (scrypt) may outlast a real second, and the
    // kiosk's own countdown timer would end a session whose fake minutes were all used up.
    t.clock.advance(50 * MIN);
    const token = await staffToken(t);
    await t.call('internet.staff.extend', { staffToken: token, minutes: 30, scope: 'day' });
    t.clock.advance(40 * MIN);
    tick(t.internet);
    // 90 used of 120 + 30: 60 left, but one session is at most 60.
    expect(await signIn(t, ADULT)).toMatchObject({ allowanceMinutes: 60 });
  });

  it('never extends past closing time', async () => {
    const t = await open(new FakeClock('2026-12-01T23:30:00+07:00'));
    const token = await staffToken(t);
    await signIn(t, ADULT);
    await expectRefusal(t.call('internet.staff.extend', { staffToken: token, minutes: 30, scope: 'session' }), 'closing_cap');
  });

  it('ends a session, sends a message, and closes internet for everyone in an emergency', async () => {
    const t = await open();
    const token = await staffToken(t);
    await signIn(t, ADULT);
    await t.call('internet.staff.message', { staffToken: token, text: 'Còn 10 phút nữa phòng đọc đóng cửa.' });
    expect((await status(t)).session?.staffMessage?.text).toBe('Còn 10 phút nữa phòng đọc đóng cửa.');
    await t.call('internet.staff.end', { staffToken: token });
    await signIn(t, CHILD);
    await t.call('internet.staff.emergencyClose', { staffToken: token });
    expect(await status(t)).toMatchObject({ phase: 'closed', closedReason: 'emergency' });
    await expectRefusal(signIn(t, ADULT), 'internet_closed');
    await t.call('internet.staff.reopen', { staffToken: token });
    expect((await status(t)).phase).toBe('free');
    expect(events(t, 'internet.session_ended').map((e) => e.reason)).toEqual(['staff', 'emergency']);
    expect(events(t, 'staff.action').map((e) => e.action)).toEqual([
      'internet.message',
      'internet.end_session',
      'internet.close_all',
      'internet.emergency_close',
      'internet.reopen',
    ]);
  });

  it('staff methods need a staff token', async () => {
    const t = await open();
    await expect(t.call('internet.staff.overview', { staffToken: 'x'.repeat(32) })).rejects.toMatchObject({ apiError: { code: 'unauthorized' } });
  });

  it('the overview lists the current and recent sessions with minutes used and left', async () => {
    const t = await open();
    await signIn(t, CHILD);
    t.clock.advance(12 * MIN);
    await t.call('internet.end');
    await signIn(t, ADULT);
    t.clock.advance(5 * MIN);
    const token = await staffToken(t);
    const o = await t.call<{
      current: { minutesUsed: number; minutesLeft: number; card: string };
      recent: { minutesUsed: number; endReason: string }[];
      todayMinutes: number;
    }>('internet.staff.overview', { staffToken: token });
    expect(o.current).toMatchObject({ card: ADULT, minutesUsed: 5, minutesLeft: 55 });
    expect(o.recent).toEqual([expect.objectContaining({ minutesUsed: 12, endReason: 'resident' })]);
    expect(o.todayMinutes).toBe(17);
  });
});

describe('guest passes', () => {
  it('creates random one-day one-time codes of the documented format', async () => {
    const t = await open();
    const token = await staffToken(t);
    const { passes } = await t.call<{ passes: { code: string; minutes: number }[] }>('internet.staff.createGuestPasses', {
      staffToken: token,
      minutes: 30,
      count: 10,
    });
    expect(passes).toHaveLength(10);
    for (const p of passes) expect(p.code).toMatch(/^KHACH-[A-HJ-NP-Z2-9]{8}$/);
    expect(new Set(passes.map((p) => p.code)).size).toBe(10);
    expect(await signIn(t, passes[0]!.code, 'guest')).toMatchObject({ allowanceMinutes: 30, limitedBy: 'guest' });
    await t.call('internet.end');
    await expectRefusal(signIn(t, passes[0]!.code, 'guest'), 'guest_used');
    t.clock.advance(24 * 60 * MIN);
    await expectRefusal(signIn(t, passes[1]!.code, 'guest'), 'guest_expired');
    await expectRefusal(signIn(t, 'KHACH-AAAAAAAA', 'guest'), 'guest_unknown');
  });

  it('accept a code typed without KHACH-, in lower case, with a misread character, in the card box', async () => {
    const t = await open();
    const { passes } = await t.call<{ passes: { code: string }[] }>('internet.staff.createGuestPasses', {
      staffToken: await staffToken(t),
      minutes: 30,
      count: 3,
    });
    const body = (n: number) => passes[n]!.code.slice('KHACH-'.length);
    // Typed where a card goes (the screen only knows a code by its prefix): the code is found.
    expect(await signIn(t, body(0).toLowerCase())).toMatchObject({ limitedBy: 'guest' });
    await t.call('internet.end');
    expect(await signIn(t, `khách ${body(1).slice(0, 4)} ${body(1).slice(4)}`, 'guest')).toMatchObject({ limitedBy: 'guest' });
    await t.call('internet.end');
    // An O typed for a printed Q or D, an I or 1 for an L, J or T.
    const misread = body(2).replace(/[QD]/, 'O').replace(/[LJT]/, '1');
    expect(await signIn(t, misread)).toMatchObject({ limitedBy: 'guest' });
    await t.call('internet.end');
    // A card number still means the card.
    expect(await signIn(t, ADULT)).toMatchObject({ limitedBy: expect.not.stringMatching(/^guest$/) });
    await t.call('internet.end');
    await expectRefusal(signIn(t, 'AAAAAAAA'), 'card_unknown');
  });
});

describe('queue', () => {
  it('takes a place when the PC is busy, estimates the wait, holds the PC for the first in line', async () => {
    const t = await open();
    await signIn(t, ADULT);
    t.clock.advance(20 * MIN);
    expect(await t.call('internet.queue.join', { card: CHILD })).toEqual({ ticket: 1, position: 1, estimatedWaitMinutes: 40 });
    expect(await t.call('internet.queue.join', { card: 'BD000002' })).toEqual({ ticket: 2, position: 2, estimatedWaitMinutes: 40 + 30 });
    expect((await status(t)).queue.waiting).toBe(2);
    await t.call('internet.end');
    await expectRefusal(signIn(t, 'BD000002'), 'queue_reserved');
    await signIn(t, CHILD);
    expect((await status(t)).queue.waiting).toBe(1);
  });

  it('guests take their turn like cards: a guest code does not jump the queue', async () => {
    const t = await open();
    const { passes } = await t.call<{ passes: { code: string }[] }>('internet.staff.createGuestPasses', {
      staffToken: await staffToken(t),
      minutes: 30,
      count: 1,
    });
    await signIn(t, ADULT);
    await t.call('internet.queue.join', { card: CHILD });
    await t.call('internet.end');
    await expect(signIn(t, passes[0]!.code, 'guest')).rejects.toMatchObject({
      apiError: { reason: 'queue_reserved_guest', message: expect.stringContaining('xếp hàng số 1') },
    });
    // The pass is not spent by the refusal; the guest gets the PC once the queue is served.
    await signIn(t, CHILD);
    await t.call('internet.end');
    expect(await signIn(t, passes[0]!.code, 'guest')).toMatchObject({ limitedBy: 'guest' });
  });

  it('staff take someone off the queue; when the PC was held for them, the next in line is called', async () => {
    const t = await open();
    const token = await staffToken(t);
    await signIn(t, ADULT);
    await t.call('internet.queue.join', { card: CHILD });
    await t.call('internet.queue.join', { card: 'BD000002' });
    await t.call('internet.end');
    expect((await status(t)).queue).toEqual({ waiting: 2, heldForTicket: 1 });

    await t.call('internet.staff.removeFromQueue', { staffToken: token, ticket: 1 });
    expect((await status(t)).queue).toEqual({ waiting: 1, heldForTicket: 2 });
    await expectRefusal(signIn(t, ADULT), 'queue_reserved');
    await expectRefusal(t.call('internet.staff.removeFromQueue', { staffToken: token, ticket: 1 }), 'ticket_not_queued');
    expect(events(t, 'staff.action')).toContainEqual(expect.objectContaining({ action: 'internet.queue_remove' }));
    // A resident's own card cannot do it: the method asks for a staff token.
    await expectRefusal(t.call('internet.staff.removeFromQueue', { staffToken: 'a-resident-guessing-a-token', ticket: 2 }), 'staff_signed_out');
    await signIn(t, 'BD000002');
    expect((await status(t)).queue.waiting).toBe(0);
  });

  it('the turn passes when the first in line does not come', async () => {
    const t = await open();
    await signIn(t, ADULT);
    await t.call('internet.queue.join', { card: CHILD });
    await t.call('internet.end');
    t.clock.advance(4 * MIN);
    expect(await signIn(t, 'BD000002')).toMatchObject({ allowanceMinutes: expect.any(Number) });
  });

  it('no auto-extension when someone waits; auto-extension otherwise', async () => {
    const t = await openTestKiosk({ clock: new FakeClock('2026-12-01T08:00:00+07:00') });
    const internet = internetOf(t.kiosk.ctx);
    // Turn auto-extension on for this kiosk.
    (internet.config as { autoExtendMinutes: number }).autoExtendMinutes = 15;
    await signIn(t, ADULT);
    t.clock.advance(60 * MIN);
    tick(internet);
    expect((await status(t)).session?.remainingSeconds).toBe(15 * 60);
    await t.call('internet.queue.join', { card: CHILD });
    t.clock.advance(15 * MIN);
    tick(internet);
    expect((await status(t)).phase).not.toBe('active');
    expect(events(t, 'internet.session_ended')).toEqual([expect.objectContaining({ reason: 'time_up', minutesUsed: 75 })]);
  });
});

describe('wipe', () => {
  it('downloads go to a per-session folder that is gone after the end', async () => {
    const t = await open();
    await signIn(t, ADULT);
    await t.call('internet.saveDownload', { fileName: 'don-xin-viec.pdf', text: '%PDF-1.4 test' });
    await expectRefusal(t.call('internet.saveDownload', { fileName: 'setup.exe', text: 'MZ' }), 'download_refused');
    const root = join(t.dataDir, 'internet-downloads');
    const [folder] = readdirSync(root);
    expect(readdirSync(join(root, folder!))).toEqual(['don-xin-viec.pdf']);
    expect((await status(t)).session?.downloads).toEqual(['don-xin-viec.pdf']);
    const ended: string[][] = [];
    t.kiosk.bus.on('internet.ended', (e) => ended.push(e.wipe));
    await t.call('internet.end');
    expect(existsSync(join(root, folder!))).toBe(false);
    expect(ended[0]).toEqual(expect.arrayContaining(['cookies', 'localStorage', 'httpCache', 'history', 'permissions', 'downloads', 'tabs']));
  });

  it('asks the browsing surface to clear the session partition', async () => {
    const t = await open();
    const wiped: string[] = [];
    const started: string[] = [];
    attachSurface(t.internet, {
      sessionStarted: (p) => void started.push(p.partition),
      wipe: async (p) => void wiped.push(p.partition),
      command: () => undefined,
    });
    await signIn(t, ADULT);
    await t.call('internet.end');
    expect(started).toHaveLength(1);
    expect(wiped).toEqual(started);
    expect(started[0]).not.toMatch(/^persist:/);
  });
});

describe('browsing commands', () => {
  it('the surface only ever receives navigations the URL policy allowed', async () => {
    const t = await open();
    const commands: { action: string; url?: string }[] = [];
    attachSurface(t.internet, { sessionStarted: () => undefined, wipe: async () => undefined, command: (c) => void commands.push(c) });
    await expectRefusal(t.call('internet.browse', { action: 'back' }), 'no_session');
    await signIn(t, ADULT);
    expect(await t.call('internet.browse', { action: 'navigate', url: 'dichvucong.gov.vn' })).toMatchObject({ handled: true, decision: { decision: 'allow' } });
    expect(await t.call('internet.browse', { action: 'navigate', url: 'file:///etc/passwd' })).toMatchObject({
      handled: true,
      decision: { decision: 'block', rule: 'blocked-scheme' },
    });
    expect(await t.call('internet.browse', { action: 'navigate', url: 'https://www.bet365.com/' })).toMatchObject({
      decision: { decision: 'block', rule: 'block-list' },
    });
    await t.call('internet.browse', { action: 'back' });
    expect(commands).toEqual([{ action: 'navigate', url: 'https://dichvucong.gov.vn/' }, { action: 'back' }]);
  });
});
