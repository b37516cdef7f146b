// Registers the staff-facing patron methods: categories, add, show, list, approve/block/unblock.
import type { KioskContext } from '../context';
import { createPatron, listPatrons, requirePatron, setPatronStatus, toSummary } from './records';
import { renewCard } from './renewal';

export function registerPatrons(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('patrons.categories', () =>
    ctx.config.circulation.categories.map((c) => ({ id: c.id, name: c.name, loanDays: c.policy.loanDays, maxLoans: c.policy.maxLoans, renewals: c.policy.renewals })),
  );
  registry.register('patrons.add', ({ staffToken, ...input }) => {
    return toSummary(ctx, createPatron(ctx, input, { via: 'staff', status: 'active' }));
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
  registry.register('patrons.renewCard', ({ card, until, reason }, { staff }) => {
    return toSummary(ctx, renewCard(ctx, card, { staffId: staff.id, reason, until }));
  });
}
