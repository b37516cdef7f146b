// Who is signed in at this kiosk as a resident. Sign-in (card, typed number or CCCD) hands out a
// short-lived token; resident methods carry it instead of a card number, so knowing someone's card
// number is not enough to read their loans or borrow on their card once they have left. The
// registry resolves the token before any resident handler runs (electron/core/api/access.ts).
// Tokens live in memory, per kiosk: a restart signs everyone out, as the screen does.
import { randomBytes } from 'node:crypto';
import type { KioskContext } from '../context';
import { KioskError } from '../errors';

/** A resident who stops using the kiosk for this long is signed out even if the screen is not. */
export const RESIDENT_IDLE_MS = 10 * 60 * 1000;

/**
 * How the resident proved who they are: the library card alone (scanned or typed), the card with
 * their PIN, or their CCCD. Seeing their own phone, birth year and village needs more than a card.
 */
export type ResidentProof = 'card' | 'pin' | 'cccd';

export interface ResidentCaller {
  patronId: number;
  card: string;
  proof: ResidentProof;
}

interface ResidentSession extends ResidentCaller {
  lastUsed: number;
}

const sessionsByKiosk = new WeakMap<KioskContext, Map<string, ResidentSession>>();

function sessions(ctx: KioskContext): Map<string, ResidentSession> {
  let map = sessionsByKiosk.get(ctx);
  if (!map) sessionsByKiosk.set(ctx, (map = new Map()));
  return map;
}

export function openResidentSession(ctx: KioskContext, patron: { id: number; cardNumber: string }, proof: ResidentProof): string {
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.monotonic();
  const open = sessions(ctx);
  // Forget sessions nobody ended (the resident walked away): they could only ever expire.
  for (const [key, session] of open) if (now - session.lastUsed > RESIDENT_IDLE_MS) open.delete(key);
  open.set(token, { patronId: patron.id, card: patron.cardNumber, proof, lastUsed: now });
  return token;
}

/** The resident behind a token, or an `unauthorized` refusal that sends them back to sign in. */
export function requireResident(ctx: KioskContext, token: string): ResidentCaller {
  const session = sessions(ctx).get(token);
  const now = ctx.clock.monotonic();
  if (!session || now - session.lastUsed > RESIDENT_IDLE_MS) {
    if (session) sessions(ctx).delete(token);
    throw new KioskError('unauthorized', 'Phiên của bạn đã kết thúc. Vui lòng quét lại thẻ thư viện để tiếp tục.', { reason: 'resident_signed_out' });
  }
  session.lastUsed = now;
  return { patronId: session.patronId, card: session.card, proof: session.proof };
}

export function endResidentSession(ctx: KioskContext, token: string): void {
  sessions(ctx).delete(token);
}

/** Every open session of one patron ends (card blocked, reissued or erased by staff). */
export function endSessionsOf(ctx: KioskContext, patronId: number): void {
  for (const [token, session] of sessions(ctx)) if (session.patronId === patronId) sessions(ctx).delete(token);
}
