// Who may call what: the contract declares it per method, the registry enforces it in one place.
// The table below is the reviewed list — a new method cannot land without a line here, and a
// change of who may call an existing one shows up in review as a change to this table.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods, type MethodName } from '#contract';
import { TOKEN_FIELD } from '../../../electron/core/api/access';
import { ALLOWED_WHEN_MISCONFIGURED } from '../../../electron/core/technician/service-guard';
import { openTestKiosk } from '../../support/kiosk';
import type { SignedInPatron } from '#contract/circulation';

const WHO_MAY_CALL: Record<string, string> = {
  // Anyone at the kiosk: the home screen, search, returns, the internet PC's own session, sign-in.
  ...Object.fromEntries(
    [
      'system.ping',
      'system.info',
      'system.selfTest',
      'staff.signIn',
      'internet.status',
      'internet.signIn',
      'internet.end',
      'internet.activity',
      'internet.requestMoreTime',
      'internet.stepAway',
      'internet.messageSeen',
      'internet.queue.join',
      'internet.queue.leave',
      'internet.browse',
      'internet.chooseFiles',
      'internet.checkUrl',
      'internet.saveDownload',
      'i18n.runtimeLocales',
      'residents.settings',
      'announcements.current',
      'patrons.categories',
      'circulation.settings',
      'circulation.signIn',
      'circulation.register',
      'circulation.checkin',
      'circulation.returnReceipt',
      'devices.submitScan',
      'devices.simulate',
      'devices.wedgeSettings',
      'catalogue.search',
      'eresources.browse',
      'eresources.open',
      'eresources.close',
      'eresources.topics',
    ].map((name) => [name, 'anyone']),
  ),
  // A resident signed in here, acting on their own card only.
  ...Object.fromEntries(
    [
      'circulation.loans',
      'circulation.checkout',
      'circulation.renew',
      'circulation.receipt',
      'circulation.signOut',
      'circulation.placeHold',
      'circulation.cancelHold',
      'rights.myRecord',
    ].map((name) => [name, 'resident']),
  ),
  // Staff (a technician may do the same).
  ...Object.fromEntries(
    [
      'staff.signOut',
      'staff.whoami',
      'technician.identity',
      'technician.staffOverview',
      'internet.staff.overview',
      'internet.staff.protection',
      'internet.staff.extend',
      'internet.staff.end',
      'internet.staff.message',
      'internet.staff.createGuestPasses',
      'internet.staff.guestPasses',
      'internet.staff.emergencyClose',
      'internet.staff.removeFromQueue',
      'internet.staff.reopen',
      'room.console',
      'room.console.act',
      'room.console.emergency',
      'room.console.maintenance',
      'announcements.list',
      'announcements.create',
      'announcements.update',
      'announcements.remove',
      'announcements.setCalendarEnabled',
      'statistics.report',
      'statistics.export',
      'upload.status',
      'upload.now',
      'patrons.add',
      'patrons.show',
      'patrons.list',
      'patrons.setStatus',
      'patrons.renewCard',
      'patrons.reissueCard',
      'patrons.setCategory',
      'patrons.merge',
      'patrons.setPin',
      'rights.record',
      'rights.correct',
      'rights.erase',
      'rights.retention',
      'rights.applyRetention',
      'rights.keepRecord',
      'circulation.holds',
      'circulation.staffCancelHold',
      'circulation.overdue',
      'circulation.override',
      'devices.diagnostics',
      'catalogue.exportPlaces',
      'catalogue.export',
      'catalogue.importBegin',
      'catalogue.importChunk',
      'catalogue.importFinish',
      'rotation.list',
      'rotation.items',
      'rotation.receive',
      'rotation.sendBack',
      'catalogue.copyLookup',
      'catalogue.copyLookupShow',
      'catalogue.copyAdd',
      'catalogue.copyQueue',
      'catalogue.copyRetry',
      'catalogue.copyDiscard',
      'eresources.packs',
      'eresources.sources',
      'eresources.install',
      'eresources.installUrl',
      'eresources.remove',
    ].map((name) => [name, 'staff']),
  ),
  // Technicians only: backups, media, diagnostics, updates, setup.
  ...Object.fromEntries(
    [
      'technician.backups',
      'technician.removableMedia',
      'technician.exportBackup',
      'technician.exportDiagnostics',
      'technician.backupNow',
      'technician.updateReadiness',
      'technician.usbUpdate',
      'room.status',
      'room.makeHub',
      'room.pairCode',
      'room.find',
      'room.join',
      'room.revoke',
      'technician.installUsbUpdate',
      'technician.setup',
      'technician.exportCccdKey',
    ].map((name) => [name, 'technician']),
  ),
};

const names = Object.keys(methods) as MethodName[];

describe('who may call what', () => {
  it('every method in the contract declares the access reviewed in this table, and no other', () => {
    expect(Object.fromEntries(names.map((name) => [name, methods[name].access]))).toEqual(WHO_MAY_CALL);
  });

  it("every method's request carries exactly the token its access needs", () => {
    for (const name of names) {
      // A request of several kinds (z.discriminatedUnion) carries the token in every kind.
      const request = methods[name].request as unknown as { shape?: z.ZodRawShape; options?: { shape: z.ZodRawShape }[] };
      const shapes = request.options ? request.options.map((option) => option.shape) : [request.shape ?? {}];
      const field = TOKEN_FIELD[methods[name].access];
      for (const shape of shapes) {
        for (const token of ['staffToken', 'residentToken']) {
          expect.soft(token in shape, `${name}: ${token}`).toBe(token === field);
        }
      }
    }
  });

  it('a misconfigured kiosk answers only the methods that diagnose it', () => {
    expect([...ALLOWED_WHEN_MISCONFIGURED].sort()).toEqual(
      [
        'staff.signIn',
        'staff.signOut',
        'staff.whoami',
        'system.info',
        'system.ping',
        'system.selfTest',
        'technician.backups',
        'technician.exportBackup',
        'technician.exportDiagnostics',
        'technician.identity',
        'technician.removableMedia',
        'technician.exportCccdKey',
      ].sort(),
    );
  });
});

describe('the registry enforces access before any handler runs', () => {
  const reasonOf = async (reply: Promise<{ ok: boolean; error?: { code: string; reason?: string } }>) => (await reply).error;

  it('refuses staff methods without a valid staff token, and technician methods to staff', async () => {
    const t = await openTestKiosk();
    expect(await reasonOf(t.kiosk.registry.dispatch('patrons.list', { staffToken: 'x'.repeat(20) }))).toMatchObject({
      code: 'unauthorized',
      reason: 'staff_signed_out',
    });
    const staff = await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
    expect((await t.kiosk.registry.dispatch('patrons.list', { staffToken: staff.token })).ok).toBe(true);
    expect(await reasonOf(t.kiosk.registry.dispatch('technician.backupNow', { staffToken: staff.token }))).toMatchObject({
      code: 'unauthorized',
      reason: 'technician_only',
    });
    const tech = await t.call<{ token: string }>('staff.signIn', { card: 'KT0001', pin: '246813' });
    expect((await t.kiosk.registry.dispatch('technician.backups', { staffToken: tech.token })).ok).toBe(true);
    // A staff member who signed out cannot use the old token.
    await t.call('staff.signOut', { staffToken: staff.token });
    expect(await reasonOf(t.kiosk.registry.dispatch('patrons.list', { staffToken: staff.token }))).toMatchObject({ reason: 'staff_signed_out' });
  });

  it('a card number alone reads nobody: loans need the token that sign-in handed to that resident', async () => {
    const t = await openTestKiosk();
    // The old open lookup by card number is gone from the contract.
    expect(await reasonOf(t.kiosk.registry.dispatch('circulation.loans', { card: 'BD000002' }))).toMatchObject({ code: 'invalid_request' });
    expect(await reasonOf(t.kiosk.registry.dispatch('circulation.loans', { residentToken: 'y'.repeat(32) }))).toMatchObject({
      code: 'unauthorized',
      reason: 'resident_signed_out',
    });
    const signedIn = await t.call<SignedInPatron>('circulation.signIn', { method: 'card', card: 'BD000002' });
    const mine = await t.call<SignedInPatron>('circulation.loans', { residentToken: signedIn.residentToken });
    expect(mine.patron.cardNumber).toBe('BD000002');
    await t.call('circulation.signOut', { residentToken: signedIn.residentToken });
    expect(await reasonOf(t.kiosk.registry.dispatch('circulation.loans', { residentToken: signedIn.residentToken }))).toMatchObject({
      reason: 'resident_signed_out',
    });
  });

  it('a resident token expires after ten idle minutes of kiosk time', async () => {
    const t = await openTestKiosk();
    const signedIn = await t.call<SignedInPatron>('circulation.signIn', { method: 'card', card: 'BD000003' });
    t.clock.advance(9 * 60_000);
    expect((await t.kiosk.registry.dispatch('circulation.loans', { residentToken: signedIn.residentToken })).ok).toBe(true);
    t.clock.advance(10 * 60_000 + 1);
    expect(await reasonOf(t.kiosk.registry.dispatch('circulation.loans', { residentToken: signedIn.residentToken }))).toMatchObject({
      reason: 'resident_signed_out',
    });
  });
});
