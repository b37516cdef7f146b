// Registers the circulation methods: resident sign-in and registration, checkout, return, renew,
// loans, receipts, holds; and the staff side (overdue list, holds, override).
import type { KioskContext } from '../context';
import { requireStaff } from '../staff/auth';
import { checkin } from './checkin';
import { checkout } from './checkout';
import { allOpenHolds, cancelHoldByStaff, cancelHoldOf, placeHoldFor } from './holds';
import { localDay } from './dates';
import { allOverdueLoans, toLoanView } from './loans';
import { policyFor } from './policy';
import { buildReceipt } from './receipt';
import { renew } from './renew';
import { patronView, registerFromOffer, signInByCard, signInByCccd } from './sign-in';
import { requirePatron } from '../patrons/records';
import { findPatronById } from '../patrons/lookup';

export function registerCirculation(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('circulation.settings', () => {
    const { idleSeconds, countdownSeconds, selfRegistration, maxHolds, holdPickupDays } = ctx.config.circulation;
    return { idleSeconds, countdownSeconds, selfRegistration, maxHolds, holdPickupDays };
  });
  registry.register('circulation.signIn', (request) => (request.method === 'cccd' ? signInByCccd(ctx, request.qr) : signInByCard(ctx, request.card, request.method, request.method === 'manual' ? request.pin : undefined)));
  registry.register('circulation.register', ({ registrationToken, village }) => registerFromOffer(ctx, registrationToken, village));
  registry.register('circulation.loans', ({ card }) => patronView(ctx, requirePatron(ctx, card)));
  registry.register('circulation.checkout', ({ card, item }) => checkout(ctx, card, item));
  registry.register('circulation.checkin', ({ item }) => checkin(ctx, item));
  registry.register('circulation.renew', ({ card, item }) => renew(ctx, card, item));
  registry.register('circulation.receipt', (request) => buildReceipt(ctx, request));
  registry.register('circulation.placeHold', ({ card, recordId }) => placeHoldFor(ctx, card, recordId));
  registry.register('circulation.cancelHold', ({ card, holdId }) => cancelHoldOf(ctx, card, holdId));
  registry.register('circulation.holds', ({ staffToken }) => {
    requireStaff(ctx, staffToken);
    return allOpenHolds(ctx);
  });
  registry.register('circulation.staffCancelHold', ({ staffToken, holdId }) => cancelHoldByStaff(ctx, requireStaff(ctx, staffToken).id, holdId));
  registry.register('circulation.overdue', ({ staffToken }) => {
    requireStaff(ctx, staffToken);
    const today = localDay(ctx.clock.now());
    return allOverdueLoans(ctx.db, today).map((loan) => {
      const patron = findPatronById(ctx.db, loan.patronId)!;
      return { ...toLoanView(loan, today, policyFor(ctx.config, patron.category).renewals), card: loan.card, fullName: loan.fullName, phone: loan.phone };
    });
  });
  registry.register('circulation.override', ({ staffToken, card, item, reason }) => {
    const staff = requireStaff(ctx, staffToken);
    return checkout(ctx, card, item, { staffId: staff.id, reason });
  });
}
