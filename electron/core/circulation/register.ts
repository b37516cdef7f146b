// Registers the circulation methods: resident sign-in and registration, checkout, return, renew,
// loans, receipts, holds; and the staff side (overdue list, holds, override).
import type { KioskContext } from '../context';
import { checkin } from './checkin';
import { checkout } from './checkout';
import { allOpenHolds, cancelHoldByStaff, cancelHoldOf, placeHoldFor } from './holds';
import { localDay } from '../../../common/calendar';
import { allOverdueLoans, toLoanView } from './loans';
import { policyFor } from './policy';
import { buildReceipt } from './receipt';
import { renew } from './renew';
import { patronView, registerFromOffer, signInByCard, signInByCccd } from './sign-in';
import { requirePatron } from '../patrons/records';
import { findPatronById } from '../patrons/lookup';
import { endResidentSession } from '../patrons/resident-sessions';

export function registerCirculation(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('circulation.settings', () => {
    const { idleSeconds, countdownSeconds, selfRegistration, maxHolds, holdPickupDays } = ctx.config.circulation;
    return { idleSeconds, countdownSeconds, selfRegistration, maxHolds, holdPickupDays };
  });
  registry.register('circulation.signIn', (request) =>
    request.method === 'cccd' ? signInByCccd(ctx, request.qr) : signInByCard(ctx, request.card, request.method, request.pin),
  );
  registry.register('circulation.register', ({ registrationToken, village, pin }) => registerFromOffer(ctx, registrationToken, village, pin));
  registry.register('circulation.loans', ({ residentToken }, { resident }) => patronView(ctx, requirePatron(ctx, resident.card), residentToken));
  registry.register('circulation.checkout', ({ item }, { resident }) => checkout(ctx, resident.card, item));
  registry.register('circulation.checkin', ({ item }) => checkin(ctx, item));
  registry.register('circulation.renew', ({ item }, { resident }) => renew(ctx, resident.card, item));
  registry.register('circulation.receipt', ({ items, print }, { resident }) => buildReceipt(ctx, { kind: 'checkout', card: resident.card, items, print }));
  registry.register('circulation.returnReceipt', ({ items, print }) => buildReceipt(ctx, { kind: 'return', items, print }));
  registry.register('circulation.signOut', ({ residentToken }) => {
    endResidentSession(ctx, residentToken);
    return { ok: true as const };
  });
  registry.register('circulation.placeHold', ({ recordId }, { resident }) => placeHoldFor(ctx, resident.card, recordId));
  registry.register('circulation.cancelHold', ({ holdId }, { resident }) => cancelHoldOf(ctx, resident.card, holdId));
  registry.register('circulation.holds', () => {
    return allOpenHolds(ctx);
  });
  registry.register('circulation.staffCancelHold', ({ holdId }, { staff }) => cancelHoldByStaff(ctx, staff.id, holdId));
  registry.register('circulation.overdue', () => {
    const today = localDay(ctx.clock.now());
    return allOverdueLoans(ctx.db, today).map((loan) => {
      const patron = findPatronById(ctx.db, loan.patronId)!;
      return { ...toLoanView(loan, today, policyFor(ctx.config, patron.category).renewals), card: loan.card, fullName: loan.fullName, phone: loan.phone };
    });
  });
  registry.register('circulation.override', ({ card, item, reason }, { staff }) => {
    return checkout(ctx, card, item, { staffId: staff.id, reason });
  });
}
