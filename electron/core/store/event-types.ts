// The catalogue of events the kiosk records, with the payload each one carries. Statistics count
// only these; a feature writes its events through `recordEvent` so a payload can never drift.
// Payloads hold local ids and reporting dimensions only: no names, card or ID numbers.
import { z } from 'zod';
import type { Clock } from '../clock';
import { appendEvent, appendEvents } from './event-log';
import type { Db } from './open';

const dimensions = {
  category: z.string(),
  gender: z.string(),
  ageBand: z.string(),
};
const collectionKind = z.enum(['own', 'rotation']);
const serviceName = z.enum(['circulation', 'internet', 'eresources', 'search']);

export const eventPayloads = {
  /** A new library card: self-registration at the kiosk, by staff, or imported. */
  'patron.registered': z.object({ patronId: z.number().int(), via: z.enum(['self', 'staff', 'import']), status: z.string(), ...dimensions }),
  /** Staff corrected a resident's details: which fields, never their old or new values. */
  'patron.corrected': z.object({ patronId: z.number().int(), staffId: z.number().int(), fields: z.array(z.string()) }),
  /** A resident's personal details erased (on request or by the retention rule); loans stay as anonymous records. */
  /** staffId null: the retention rule anonymised the resident by itself after its notice. */
  'patron.erased': z.object({
    patronId: z.number().int(),
    staffId: z.number().int().nullable(),
    reason: z.enum(['resident_request', 'moved_away', 'deceased', 'duplicate', 'retention']),
  }),
  /** Staff kept a resident the retention rule had scheduled (still in touch): the period starts again. */
  'patron.retention_kept': z.object({ patronId: z.number().int(), staffId: z.number().int() }),
  'patron.status_changed': z.object({ patronId: z.number().int(), from: z.string(), to: z.string(), staffId: z.number().int().nullable() }),
  /** Staff extended a card (`from` → `expiry`); staffId null from the CLI. The reason stays on the kiosk. */
  'patron.card_renewed': z.object({
    patronId: z.number().int(),
    expiry: z.string(),
    staffId: z.number().int().nullable(),
    from: z.string().optional(),
    reason: z.string().max(200).optional(),
  }),
  /** A lost card replaced by a new number (the old one is refused from now on); staffId null from the CLI. */
  'patron.card_reissued': z.object({ patronId: z.number().int(), staffId: z.number().int().nullable(), reason: z.string().max(200) }),
  /** A resident moved to another category (loan rules, PIN rule). */
  'patron.category_changed': z.object({
    patronId: z.number().int(),
    from: z.string(),
    to: z.string(),
    staffId: z.number().int().nullable(),
    reason: z.string().max(200),
  }),
  /** A duplicate record folded into the resident's kept one: its loans, holds and internet use now belong to `patronId`. */
  'patron.merged': z.object({ patronId: z.number().int(), mergedId: z.number().int(), staffId: z.number().int().nullable(), reason: z.string().max(200) }),
  /** A resident signed in for a service: distinct patrons per day make the visit count. */
  'patron.signed_in': z.object({ patronId: z.number().int(), service: serviceName, method: z.enum(['card', 'cccd', 'manual']), ...dimensions }),

  'loan.checkout': z.object({
    loanId: z.number().int(),
    patronId: z.number().int(),
    itemId: z.number().int(),
    recordId: z.number().int(),
    collectionKind,
    dueDate: z.string(),
    overrideBy: z.number().int().nullable(),
    ...dimensions,
  }),
  'loan.renew': z.object({
    loanId: z.number().int(),
    patronId: z.number().int(),
    itemId: z.number().int(),
    collectionKind,
    dueDate: z.string(),
    ...dimensions,
  }),
  'loan.return': z.object({
    loanId: z.number().int(),
    patronId: z.number().int(),
    itemId: z.number().int(),
    collectionKind,
    overdueDays: z.number().int(),
    ...dimensions,
  }),
  'hold.placed': z.object({ holdId: z.number().int(), patronId: z.number().int(), recordId: z.number().int(), ...dimensions }),
  /** A returned copy was set aside for a hold (it waits on the staff shelf). */
  'hold.ready': z.object({ holdId: z.number().int(), itemId: z.number().int(), recordId: z.number().int() }),
  'hold.ended': z.object({ holdId: z.number().int(), outcome: z.enum(['fulfilled', 'resident', 'staff', 'expired']), staffId: z.number().int().nullable() }),
  'circulation.refused': z.object({
    reason: z.string(),
    action: z.enum(['checkout', 'renew', 'return', 'sign_in', 'hold']),
    patronId: z.number().int().nullable(),
    itemId: z.number().int().nullable(),
  }),
  'staff.override': z.object({
    staffId: z.number().int(),
    action: z.string(),
    reason: z.string(),
    patronId: z.number().int().nullable(),
    itemId: z.number().int().nullable(),
  }),

  'item.added': z.object({ itemId: z.number().int(), recordId: z.number().int(), collectionKind, source: z.enum(['import', 'manual', 'rotation', 'demo']) }),
  'item.status_changed': z.object({ itemId: z.number().int(), from: z.string(), to: z.string() }),
  'rotation.batch_received': z.object({ collectionId: z.number().int(), items: z.number().int() }),
  'rotation.batch_returned': z.object({ collectionId: z.number().int(), items: z.number().int() }),

  'internet.session_started': z.object({
    sessionId: z.number().int(),
    patronId: z.number().int().nullable(),
    guest: z.boolean(),
    allowanceMinutes: z.number(),
    ...dimensions,
  }),
  'internet.session_ended': z.object({
    sessionId: z.number().int(),
    patronId: z.number().int().nullable(),
    guest: z.boolean(),
    minutesUsed: z.number().nonnegative(),
    reason: z.enum(['time_up', 'resident', 'staff', 'closing', 'crash', 'power_cut', 'emergency', 'inactive']),
    pagesPrinted: z.number().int().nonnegative(),
    ...dimensions,
  }),
  'internet.extended': z.object({ sessionId: z.number().int(), minutes: z.number(), staffId: z.number().int().nullable(), scope: z.enum(['session', 'day']) }),
  'print.pages': z.object({ pages: z.number().int().nonnegative(), service: serviceName }),

  'eresource.opened': z.object({ resourceId: z.number().int(), topic: z.string(), format: z.string(), patronId: z.number().int().nullable() }),
  'eresource.closed': z.object({
    resourceId: z.number().int(),
    topic: z.string(),
    format: z.string(),
    minutes: z.number().nonnegative(),
    completed: z.boolean().nullable(),
  }),

  'staff.signed_in': z.object({ staffId: z.number().int(), role: z.string() }),
  'staff.sign_in_failed': z.object({ staffId: z.number().int().nullable(), locked: z.boolean() }),
  'staff.action': z.object({ staffId: z.number().int(), action: z.string(), target: z.string().nullable() }),
} satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof eventPayloads;
export type EventPayloadOf<T extends EventType> = z.input<(typeof eventPayloads)[T]>;

/** Validates and appends one event; call inside the transaction of the change it records. */
export function recordEvent<T extends EventType>(db: Db, clock: Pick<Clock, 'now'>, type: T, payload: EventPayloadOf<T>): number {
  const parsed = eventPayloads[type].parse(payload) as Record<string, unknown>;
  return appendEvent(db, clock.now(), type, parsed);
}

/**
 * Events of a bulk operation (a catalogue import appends one `item.added` per item), appended
 * together by `flush()` (call it before the transaction ends). Validating every payload with zod
 * cost more than writing it, so the first payload of each type is parsed with zod and later ones
 * pass a cheap guard instead: the same keys in the same order, values of the same JavaScript
 * types as the first (integers stay integers). Enum values and the rest of the shape are kept
 * exact by the TypeScript types (the payload schemas have no transforms or defaults); a payload
 * that fails the guard is parsed with zod in full. All events of a chunk carry the clock time of
 * its first event.
 */
export class EventBatch {
  private readonly rows: [string, string][] = [];
  private readonly shapes = new Map<string, [string, string][]>();
  private at: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Pick<Clock, 'now'>,
    /** Written every this many events, so memory stays flat however large the operation. */
    private readonly chunk = 4096,
  ) {}

  record<T extends EventType>(type: T, payload: EventPayloadOf<T>): void {
    this.at ??= this.clock.now();
    const shape = this.shapes.get(type);
    let checked = payload as Record<string, unknown>;
    if (!shape || !matchesShape(checked, shape)) {
      checked = eventPayloads[type].parse(payload) as Record<string, unknown>;
      if (!shape) this.shapes.set(type, shapeOf(checked));
    }
    this.rows.push([type, JSON.stringify(checked)]);
    if (this.rows.length >= this.chunk) this.flush();
  }

  flush(): void {
    if (this.rows.length > 0) appendEvents(this.db, this.at!, this.rows);
    this.rows.length = 0;
    this.at = undefined;
  }
}

const kindOf = (value: unknown) => (value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value);
const shapeOf = (payload: Record<string, unknown>): [string, string][] => Object.keys(payload).map((key) => [key, kindOf(payload[key])]);

function matchesShape(payload: Record<string, unknown>, shape: [string, string][]): boolean {
  // Same keys in the same order, so the JSON text is what zod's output would give.
  const keys = Object.keys(payload);
  if (keys.length !== shape.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== shape[i]![0] || kindOf(payload[keys[i]!]) !== shape[i]![1]) return false;
  return true;
}
