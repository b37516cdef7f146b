// Registers the staff-facing patron methods: categories, add, show, list, approve/block/unblock.
import type { KioskContext } from '../context';
import { requireStaff } from '../staff/auth';
import { createPatron, listPatrons, requirePatron, setPatronStatus, toSummary } from './records';

export function registerPatrons(ctx: KioskContext): void {
  const { registry } = ctx;
  registry.register('patrons.categories', () =>
    ctx.config.circulation.categories.map((c) => ({ id: c.id, name: c.name, loanDays: c.policy.loanDays, maxLoans: c.policy.maxLoans, renewals: c.policy.renewals })),
  );
  registry.register('patrons.add', ({ staffToken, ...input }) => {
    requireStaff(ctx, staffToken);
    return toSummary(ctx, createPatron(ctx, input, { via: 'staff', status: 'active' }));
  });
  registry.register('patrons.show', ({ staffToken, card }) => {
    requireStaff(ctx, staffToken);
    return toSummary(ctx, requirePatron(ctx, card));
  });
  registry.register('patrons.list', ({ staffToken, status, query }) => {
    requireStaff(ctx, staffToken);
    return listPatrons(ctx, { ...(status ? { status } : {}), ...(query ? { query } : {}) }).map((patron) => toSummary(ctx, patron));
  });
  registry.register('patrons.setStatus', ({ staffToken, card, status, reason }) => {
    const staff = requireStaff(ctx, staffToken);
    return toSummary(ctx, setPatronStatus(ctx, card, status, staff.id, reason));
  });
}
