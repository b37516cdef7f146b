// Lending one item: every rule that can refuse, then the loan and its event in one immediate
// transaction (synchronous=FULL), so an acknowledged loan survives a power cut and two quick scans
// of the same item give one loan.
import type { LoanView } from '#contract/circulation';
import type { KioskContext } from '../context';
import { notFound, refused } from '../errors';
import { assertCardUsable, patronDimensions, type Patron } from '../patrons/lookup';
import { requirePatron } from '../patrons/records';
import { recordEvent } from '../store/event-types';
import { addDays, daysBetween, localDay } from '../../../common/calendar';
import { expireHolds, fulfilHold, holdOfItem, takeCopyBack } from './holds';
import { findItem, insertLoan, openLoanOfItem, openLoansOf, toLoanView, type CirculationItem } from './loans';
import { policyFor } from './policy';
import { withRefusalRecorded } from './refusals';

export interface Override {
  staffId: number;
  reason: string;
}

export function requireItem(ctx: KioskContext, barcode: string): CirculationItem {
  const item = findItem(ctx.db, barcode);
  if (!item) {
    throw notFound(
      'unknown_item',
      `Không tìm thấy sách có mã vạch ${barcode}. Hãy quét lại mã vạch dán trên sách; nếu vẫn không được, đưa sách cho cán bộ thư viện.`,
      {
        item: barcode,
      },
    );
  }
  return item;
}

/** The rules a staff override may set aside: card standing, overdue loans, loan limit, reference copy. */
function assertMayBorrow(ctx: KioskContext, patron: Patron, item: CirculationItem, today: string): void {
  if (item.status === 'reference') {
    throw refused('reference_only', `Cuốn "${item.title}" là sách chỉ đọc tại chỗ, không cho mượn về nhà. Bạn có thể đọc sách ngay tại phòng đọc.`, {
      item: item.barcode,
    });
  }
  assertCardUsable(patron, today);
  const loans = openLoansOf(ctx.db, patron.id);
  const limit = ctx.config.circulation.blockWhenOverdueDays;
  const worst = Math.max(0, ...loans.map((loan) => daysBetween(loan.dueDate, today)));
  if (worst > limit) {
    throw refused('overdue_block', `Bạn có sách đã quá hạn trả ${worst} ngày. Vui lòng trả sách quá hạn trước, rồi mượn sách mới.`, { days: worst });
  }
  const { maxLoans } = policyFor(ctx.config, patron.category);
  if (loans.length >= maxLoans) {
    throw refused(
      'too_many_loans',
      `Bạn đang mượn ${loans.length} cuốn, đã đủ số sách được mượn cùng lúc (${maxLoans} cuốn). Hãy trả bớt sách rồi mượn tiếp.`,
      {
        count: loans.length,
        max: maxLoans,
      },
    );
  }
}

export function checkout(ctx: KioskContext, card: string, barcode: string, override?: Override): LoanView {
  const { db, clock } = ctx;
  return withRefusalRecorded(ctx, 'checkout', (ids) =>
    db
      .transaction((): LoanView => {
        const patron = requirePatron(ctx, card);
        ids.patronId = patron.id;
        const item = requireItem(ctx, barcode);
        ids.itemId = item.id;
        const now = clock.now();
        const today = localDay(now);
        const policy = policyFor(ctx.config, patron.category);

        const existing = openLoanOfItem(db, item.id);
        if (existing && existing.patronId === patron.id) {
          // The same item scanned twice: the loan already exists, so answer with it and write nothing.
          return toLoanView(existing, today, policy.renewals);
        }
        if (existing) {
          throw refused(
            'on_loan_elsewhere',
            ctx.config.circulation.offerReturnWhenOnLoan
              ? `Cuốn "${item.title}" đang được ghi là người khác mượn. Nếu sách đang ở trong tay bạn, hãy chọn "Trả sách này rồi mượn"; nếu không, gặp cán bộ thư viện.`
              : `Cuốn "${item.title}" đang được ghi là người khác mượn. Vui lòng đưa sách cho cán bộ thư viện.`,
            { item: item.barcode, offerReturn: ctx.config.circulation.offerReturnWhenOnLoan },
          );
        }
        if (item.status === 'lost' || item.status === 'in_transit') {
          throw refused('item_unavailable', `Cuốn "${item.title}" đang được ghi là không có trên giá. Vui lòng đưa sách cho cán bộ thư viện kiểm tra.`, {
            item: item.barcode,
          });
        }
        if (!override) assertMayBorrow(ctx, patron, item, today);
        expireHolds(ctx);
        const setAsideFor = holdOfItem(db, item.id);
        if (setAsideFor && setAsideFor.patronId !== patron.id) {
          if (!override) {
            throw refused('reserved_for_other', `Cuốn "${item.title}" đang được giữ cho bạn đọc khác đã đặt trước. Vui lòng đưa sách cho cán bộ thư viện.`, {
              item: item.barcode,
            });
          }
          // Staff lend it anyway: that hold waits for the next copy back.
          takeCopyBack(db, setAsideFor.id);
        }

        const dueDate = addDays(today, policy.loanDays);
        const at = new Date(now).toISOString();
        const loanId = insertLoan(db, {
          itemId: item.id,
          patronId: patron.id,
          at,
          dueDate,
          overrideBy: override?.staffId ?? null,
          overrideReason: override?.reason ?? null,
          itemStatusBefore: item.status,
        });
        const dims = patronDimensions(patron, now);
        recordEvent(db, clock, 'loan.checkout', {
          loanId,
          patronId: patron.id,
          itemId: item.id,
          recordId: item.recordId,
          collectionKind: item.collectionKind,
          dueDate,
          overrideBy: override?.staffId ?? null,
          ...dims,
        });
        fulfilHold(ctx, patron.id, item.recordId, item.id);
        if (override) {
          recordEvent(db, clock, 'staff.override', {
            staffId: override.staffId,
            action: 'checkout',
            reason: override.reason,
            patronId: patron.id,
            itemId: item.id,
          });
        }
        return {
          loanId,
          item: item.barcode,
          title: item.title,
          checkedOutAt: at,
          dueDate,
          overdueDays: 0,
          renewals: 0,
          renewalsLeft: policy.renewals,
        };
      })
      .immediate(),
  );
}
