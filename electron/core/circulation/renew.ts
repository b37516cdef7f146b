// Renewing a loan from the resident's "my loans" list, within the category's renewal limit.
import type { LoanView } from '#contract/circulation';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { assertCardUsable, patronDimensions } from '../patrons/lookup';
import { requirePatron } from '../patrons/records';
import { recordEvent } from '../store/event-types';
import { requireItem } from './checkout';
import { addDays, formatDay, localDay } from '../../../common/calendar';
import { someoneWaitsFor } from './holds';
import { extendLoan, openLoanOfItem, toLoanView } from './loans';
import { policyFor } from './policy';
import { withRefusalRecorded } from './refusals';

export function renew(ctx: KioskContext, card: string, barcode: string): LoanView {
  const { db, clock } = ctx;
  return withRefusalRecorded(ctx, 'renew', (ids) =>
    db
      .transaction((): LoanView => {
        const patron = requirePatron(ctx, card);
        ids.patronId = patron.id;
        const item = requireItem(ctx, barcode);
        ids.itemId = item.id;
        const loan = openLoanOfItem(db, item.id);
        if (!loan || loan.patronId !== patron.id) {
          throw notFound('not_your_loan', `Cuốn "${item.title}" không có trong danh sách sách bạn đang mượn, nên không gia hạn được.`, { item: item.barcode });
        }
        const now = clock.now();
        const today = localDay(now);
        assertCardUsable(patron, today);
        const policy = policyFor(ctx.config, patron.category);
        if (loan.renewals >= policy.renewals) {
          throw refused(
            'no_renewals_left',
            `Cuốn "${item.title}" đã được gia hạn ${loan.renewals} lần, là số lần tối đa. Vui lòng trả sách đúng hạn; nếu cần đọc thêm, gặp cán bộ thư viện.`,
            {
              item: item.barcode,
              max: policy.renewals,
            },
          );
        }
        if (someoneWaitsFor(db, item.recordId, patron.id)) {
          throw refused('reserved_by_other', `Cuốn "${item.title}" đang có bạn đọc khác chờ mượn nên không gia hạn được. Vui lòng trả sách đúng hạn.`, {
            item: item.barcode,
          });
        }
        // A renewal counts the loan period again from today; one that would not move the due date
        // later would only use up a renewal, so it is refused with advice instead.
        const dueDate = addDays(today, policy.loanDays);
        if (dueDate <= loan.dueDate) {
          throw refused(
            'renew_too_early',
            `Cuốn "${item.title}" còn hạn đến ${formatDay(loan.dueDate)}; gia hạn bây giờ không kéo dài thêm ngày nào. Hãy gia hạn khi gần đến hạn trả.`,
            {
              item: item.barcode,
              dueDate: loan.dueDate,
            },
          );
        }
        extendLoan(db, loan.id, dueDate);
        recordEvent(db, clock, 'loan.renew', {
          loanId: loan.id,
          patronId: patron.id,
          itemId: item.id,
          collectionKind: item.collectionKind,
          dueDate,
          ...patronDimensions(patron, now),
        });
        return toLoanView({ ...loan, dueDate, renewals: loan.renewals + 1 }, today, policy.renewals);
      })
      .immediate(),
  );
}
