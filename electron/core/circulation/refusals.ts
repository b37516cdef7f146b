// Refusals as residents read them, and their `circulation.refused` events. A refusal is decided
// inside the transaction that would have made the change; that transaction rolls back, so the
// event is written afterwards in one of its own.
import type { KioskContext } from '../context';
import { KioskError } from '../errors';
import { recordEvent } from '../store/event-types';

export type RefusalAction = 'checkout' | 'renew' | 'return' | 'sign_in' | 'hold';

/** What the failing step had learned before it refused, for the event (local ids only). */
export interface RefusalIds {
  patronId: number | null;
  itemId: number | null;
}

export function withRefusalRecorded<T>(ctx: KioskContext, action: RefusalAction, body: (ids: RefusalIds) => T): T {
  const ids: RefusalIds = { patronId: null, itemId: null };
  try {
    return body(ids);
  } catch (error) {
    if (error instanceof KioskError && (error.code === 'refused' || error.code === 'not_found') && error.reason) {
      const reason = error.reason;
      ctx.db.transaction(() => recordEvent(ctx.db, ctx.clock, 'circulation.refused', { reason, action, patronId: ids.patronId, itemId: ids.itemId }))();
    }
    throw error;
  }
}
