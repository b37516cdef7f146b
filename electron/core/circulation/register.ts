// Registers the circulation methods: resident sign-in and registration, checkout, return, renew,
// loans, receipts, holds; and the staff side (overdue list, holds, override).
import type { KioskContext } from '../context';
import { requireStaff } from '../staff/auth';
import { checkin } from './checkin';
import { checkout } from './checkout';
import { allOpenHolds, cancelHold, expireHolds, holdsOf, placeHold } from './holds';
import { withRefusalRecorded } from './refusals';
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
  registry.register('circulation.signIn', (request) => (request.method === 'cccd' ? signInByCccd(ctx, request.qr) : signInByCard(ctx, request.card, request.method)));
  registry.register('circulation.register', ({ registrationToken, village }) => registerFromOffer(ctx, registrationToken, village));
  registry.register('circulation.loans', ({ card }) => patronView(ctx, requirePatron(ctx, card)));
  registry.register('circulation.checkout', ({ card, item }) => checkout(ctx, card, item));
  registry.register('circulation.checkin', ({ item }) => checkin(ctx, item));
  registry.register('circulation.renew', ({ card, item }) => renew(ctx, card, item));
  registry.register('circulation.receipt', (request) => buildReceipt(ctx, request));
  registry.register('circulation.placeHold', ({ card, recordId }) =>
    withRefusalRecorded(ctx, 'hold', (ids) =>
      ctx.db
        .transaction(() => {
          expireHolds(ctx);
          const patron = requirePatron(ctx, card);
          ids.patronId = patron.id;
          return placeHold(ctx, patron, recordId);
        })
        .immediate(),
    ),
  );
  registry.register('circulation.cancelHold', ({ card, holdId }) =>
    ctx.db
      .transaction(() => {
        const patron = requirePatron(ctx, card);
        cancelHold(ctx, holdId, { patronId: patron.id });
        return holdsOf(ctx, patron.id);
      })
      .immediate(),
  );
  registry.register('circulation.holds', ({ staffToken }) => {
    requireStaff(ctx, staffToken);
    ctx.db.transaction(() => expireHolds(ctx)).immediate();
    return allOpenHolds(ctx);
  });
  registry.register('circulation.staffCancelHold', ({ staffToken, holdId }) => {
    const staff = requireStaff(ctx, staffToken);
    return ctx.db
      .transaction(() => {
        cancelHold(ctx, holdId, { staffId: staff.id });
        return allOpenHolds(ctx);
      })
      .immediate();
  });
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
