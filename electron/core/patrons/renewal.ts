// Card renewal by staff (issue #21: an expired card was a dead end). The card runs for the kiosk's
// card period (`circulation.cardValidityYears`) from today, or from its current expiry while it is
// still valid so a resident renewing early loses nothing; or to a day staff choose. Recorded with
// who did it and why; the reason stays on the kiosk (statistics upload only counts events).
import type { KioskContext } from '../context';
import { refused } from '../errors';
import { recordEvent } from '../store/event-types';
import { addYears, formatDay, localDay } from '../../../common/calendar';
import { requirePatron } from './records';
import type { Patron } from './lookup';

/** Further ahead than this is a typing slip (2062 for 2026), not a renewal. */
const MAX_YEARS_AHEAD = 10;

export function renewCard(ctx: KioskContext, card: string, by: { staffId: number | null; reason: string; until?: string | undefined }): Patron {
  const { db, clock } = ctx;
  return db
    .transaction(() => {
      const patron = requirePatron(ctx, card);
      const today = localDay(clock.now());
      const from = patron.cardExpiry > today ? patron.cardExpiry : today;
      const expiry = by.until ?? addYears(from, ctx.config.circulation.cardValidityYears);
      if (expiry <= today)
        throw refused(
          'renew_date_past',
          `Ngày ${formatDay(expiry)} không sau hôm nay. Hãy chọn một ngày sau hôm nay, hoặc bỏ trống để gia hạn theo thời hạn thẻ.`,
        );
      if (expiry <= patron.cardExpiry) {
        throw refused(
          'renew_not_later',
          `Thẻ ${patron.cardNumber} đã có hạn đến ${formatDay(patron.cardExpiry)}, không sớm hơn ngày ${formatDay(expiry)}. Không cần gia hạn.`,
        );
      }
      if (expiry > addYears(today, MAX_YEARS_AHEAD)) {
        throw refused('renew_too_far', `Ngày ${formatDay(expiry)} xa quá ${MAX_YEARS_AHEAD} năm. Hãy kiểm tra lại năm đã gõ.`);
      }
      db.prepare('UPDATE patrons SET card_expiry = ? WHERE id = ?').run(expiry, patron.id);
      recordEvent(db, clock, 'patron.card_renewed', { patronId: patron.id, expiry, staffId: by.staffId, from: patron.cardExpiry, reason: by.reason });
      return { ...patron, cardExpiry: expiry };
    })
    .immediate();
}
