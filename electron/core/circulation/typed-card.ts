// A card number typed on screen is weaker than a card in the hand: anyone can type a neighbour's
// number (card numbers are printed, and older ones run in sequence). Typed numbers therefore go
// through this gate, for every service that accepts them (circulation, internet):
//  - the kiosk's switch (`circulation.typedCards`): accepted, accepted only with the resident PIN,
//    or refused (scan only);
//  - a per-kiosk rate limit counted in one IMMEDIATE transaction (parallel tries cannot slip past);
//  - the resident's own PIN when they chose one.
import type { KioskContext } from '../context';
import { refused } from '../errors';
import type { Patron } from '../patrons/lookup';
import { categoryOf } from '../patrons/categories';
import { checkResidentPin, hasResidentPin } from '../patrons/resident-pin';

/** Counts one typed entry against the kiosk's limit, before the number is even looked up. */
export function countTypedEntry(ctx: KioskContext): void {
  const { circulation } = ctx.config;
  if (circulation.typedCards === 'refused') {
    throw refused('typed_cards_refused', 'Kiosk này không nhận số thẻ gõ tay. Hãy quét thẻ thư viện hoặc mã QR trên CCCD, hoặc gặp cán bộ thư viện.');
  }
  const now = ctx.clock.now();
  const windowStart = now - circulation.typedCardLimit.minutes * 60_000;
  const admitted = ctx.db
    .transaction(() => {
      ctx.db.prepare('DELETE FROM typed_card_entries WHERE at < ?').run(now - 86_400_000);
      const { n } = ctx.db.prepare('SELECT count(*) AS n FROM typed_card_entries WHERE at > ?').get(windowStart) as { n: number };
      if (n >= circulation.typedCardLimit.max) return false;
      ctx.db.prepare('INSERT INTO typed_card_entries (at) VALUES (?)').run(now);
      return true;
    })
    .immediate();
  if (!admitted) {
    throw refused(
      'typed_cards_busy',
      `Đã có nhiều số thẻ được gõ tay trong ${circulation.typedCardLimit.minutes} phút qua. Hãy quét thẻ thư viện hoặc CCCD, hoặc chờ vài phút rồi thử lại.`,
      {
        minutes: circulation.typedCardLimit.minutes,
      },
    );
  }
}

/** After the number was found: the resident's PIN when they have one, or when the kiosk asks for it. True when a PIN was checked. */
export async function admitTypedCard(ctx: KioskContext, patron: Patron, pin: string | undefined): Promise<boolean> {
  if (!hasResidentPin(ctx, patron.id) && ctx.config.circulation.typedCards !== 'withPin') return false;
  await checkResidentPin(ctx, patron, pin);
  return true;
}

/** Whether residents of this patron's category give their PIN at every sign-in with a library card. */
export function pinRequiredFor(ctx: KioskContext, patron: Pick<Patron, 'category'>): boolean {
  return categoryOf(ctx.config, patron.category)?.requirePin === true;
}

/**
 * Any sign-in with a library card, scanned (`typed` false) or typed: a category that requires the
 * resident PIN asks it even for the card in hand (a lost or borrowed card borrows for nobody);
 * otherwise only typed numbers go through `admitTypedCard`. True when the resident's PIN was checked.
 */
export async function admitLibraryCard(ctx: KioskContext, patron: Patron, typed: boolean, pin: string | undefined): Promise<boolean> {
  if (pinRequiredFor(ctx, patron)) {
    if (!hasResidentPin(ctx, patron.id)) {
      throw refused('resident_pin_unset', 'Thẻ này cần mã PIN riêng nhưng chưa có mã PIN. Hãy gặp cán bộ thư viện để đặt mã PIN (mang theo thẻ hoặc CCCD).');
    }
    await checkResidentPin(ctx, patron, pin);
    return true;
  }
  return typed ? admitTypedCard(ctx, patron, pin) : false;
}
