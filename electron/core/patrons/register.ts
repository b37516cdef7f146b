// Registers the staff-facing patron methods: categories, add, show, list, approve/block/unblock.
import type { KioskContext } from '../context';
import { pinModeOf } from './categories';
import { createPatron, listPatrons, requirePatron, setPatronStatus, toSummary } from './records';
import { pinHashFor, requirePinWhenCategoryAsks, setResidentPin } from './resident-pin';
import { renewCard } from './renewal';
import { changeCategory, mergePatrons, reissueCard } from './card-care';

export function registerPatrons(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('patrons.categories', () =>
    ctx.config.circulation.categories.map((c) => ({
      id: c.id,
      name: c.name,
      pin: pinModeOf(ctx.config, c.id),
      loanDays: c.policy.loanDays,
      maxLoans: c.policy.maxLoans,
      renewals: c.policy.renewals,
    })),
  );
  registry.register('patrons.add', async ({ staffToken, pin, consent, ...input }, { staff }) => {
    requirePinWhenCategoryAsks(ctx, input.category, pin);
    // The PIN is hashed before the card exists, so a weak or refused PIN leaves no card behind.
    const hash = pin === undefined ? undefined : await pinHashFor(ctx, input.category, pin);
    return toSummary(
      ctx,
      createPatron(ctx, input, {
        via: 'staff',
        status: 'active',
        ...(consent ? { consentBy: 'staff' as const } : {}),
        ...(hash ? { pin: { hash, by: 'staff' as const, staffId: staff.id } } : {}),
      }),
    );
  });
  registry.register('patrons.setPin', async ({ card, pin }, { staff }) => {
    const patron = requirePatron(ctx, card);
    await setResidentPin(ctx, patron, pin, 'staff', staff.id);
    return toSummary(ctx, patron);
  });
  registry.register('patrons.show', ({ card }) => {
    return toSummary(ctx, requirePatron(ctx, card));
  });
  registry.register('patrons.list', ({ status, query }) => {
    return listPatrons(ctx, { ...(status ? { status } : {}), ...(query ? { query } : {}) }).map((patron) => toSummary(ctx, patron));
  });
  registry.register('patrons.setStatus', ({ card, status, reason }, { staff }) => {
    return toSummary(ctx, setPatronStatus(ctx, card, status, staff.id, reason));
  });
  registry.register('patrons.reissueCard', ({ card, reason }, { staff }) => toSummary(ctx, reissueCard(ctx, card, { staffId: staff.id, reason })));
  registry.register('patrons.setCategory', ({ card, category, reason }, { staff }) =>
    toSummary(ctx, changeCategory(ctx, card, category, { staffId: staff.id, reason })),
  );
  registry.register('patrons.merge', ({ keep, duplicate, reason }, { staff }) =>
    toSummary(ctx, mergePatrons(ctx, keep, duplicate, { staffId: staff.id, reason })),
  );
  registry.register('patrons.renewCard', ({ card, until, reason }, { staff }) => {
    return toSummary(ctx, renewCard(ctx, card, { staffId: staff.id, reason, until }));
  });
}
