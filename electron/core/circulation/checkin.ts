// Returning one item, without signing in: the loan is closed with its event in one transaction,
// and the screen is told whether the book goes to the staff shelf (rotation or reserved).
import type { CheckinResult } from '#contract/circulation';
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { findPatronById, patronDimensions } from '../patrons/lookup';
import { recordEvent } from '../store/event-types';
import { requireItem } from './checkout';
import { daysBetween, localDay } from '../../../common/calendar';
import { expireHolds, setAsideForNextHold } from './holds';
import { closeLoan, openLoanOfItem } from './loans';
import { withRefusalRecorded } from './refusals';

export function checkin(ctx: KioskContext, barcode: string): CheckinResult {
  const { db, clock } = ctx;
  return withRefusalRecorded(ctx, 'return', (ids) =>
    db
      .transaction((): CheckinResult => {
        const item = requireItem(ctx, barcode);
        ids.itemId = item.id;
        const loan = openLoanOfItem(db, item.id);
        if (!loan) {
          throw refused(
            'not_on_loan',
            `Cuốn "${item.title}" không có trong danh sách đang cho mượn. Bạn có thể đặt sách lên giá trả sách, hoặc đưa cho cán bộ thư viện.`,
            {
              item: item.barcode,
            },
          );
        }
        ids.patronId = loan.patronId;
        const now = clock.now();
        const overdueDays = Math.max(0, daysBetween(loan.dueDate, localDay(now)));
        closeLoan(db, loan, new Date(now).toISOString());
        const patron = findPatronById(db, loan.patronId)!;
        recordEvent(db, clock, 'loan.return', {
          loanId: loan.id,
          patronId: loan.patronId,
          itemId: item.id,
          collectionKind: item.collectionKind,
          overdueDays,
          ...patronDimensions(patron, now),
        });
        // A copy back on the premises goes to the oldest hold still waiting for its title (a reference
        // copy lent by an override stays a reference copy).
        expireHolds(ctx);
        const reserved = loan.itemStatusBefore !== 'reference' && setAsideForNextHold(ctx, item.id, item.recordId);
        const flag = reserved ? 'reserved' : item.collectionKind === 'rotation' ? 'rotation' : null;
        return { item: item.barcode, title: item.title, overdueDays, shelf: flag ? 'staff' : 'open', flag };
      })
      .immediate(),
  );
}
