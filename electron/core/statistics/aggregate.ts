// Computes day figures from the append-only event log, following the definitions in indicators.ts.
// The same function feeds the staff reports and the uploads, so the province sees exactly what
// the commune sees.
import type { DayFigures, DayIndicator, Dimension } from '#contract/statistics';
import { dimensionValue } from '#contract/statistics';
import type { Db } from '../store/open';

/** Event types the day indicators read; anything else in the log is ignored here. */
export const COUNTED_EVENT_TYPES = [
  'patron.registered',
  'patron.signed_in',
  'loan.checkout',
  'loan.renew',
  'loan.return',
  'item.added',
  'rotation.batch_received',
  'rotation.batch_returned',
  'internet.session_started',
  'internet.session_ended',
  'eresource.opened',
  'eresource.closed',
  'print.pages',
] as const;

type Payload = Record<string, unknown>;

const codeCache = new Map<string, string>();

/** A dimension value as uploaded: a short lower-case code; free text that is not a code becomes 'other'. */
export function dimensionCode(value: unknown): string {
  if (typeof value !== 'string') return 'unknown';
  // A handful of distinct values, hundreds of thousands of events: validate each value once.
  let code = codeCache.get(value);
  if (code === undefined) {
    const folded = value.trim().toLowerCase();
    code = folded === '' ? 'unknown' : dimensionValue.safeParse(folded).success ? folded : 'other';
    if (codeCache.size < 10_000) codeCache.set(value, code);
  }
  return code;
}

/**
 * Events that show an identified resident in the room using a service: the basis of visits.
 * A return is not one: it identifies the book, not who brought it back (self-service returns need
 * no card), and the use itself was counted when the book was lent.
 */
export const PRESENCE_EVENT_TYPES = ['patron.signed_in', 'loan.checkout', 'internet.session_started', 'eresource.opened'] as const;
/** Events that make a resident a user of the library (ISO 2789 "active user"): presence, or a renewal (which staff may do on a phone call). */
export const USE_EVENT_TYPES = [...PRESENCE_EVENT_TYPES, 'loan.renew'] as const;
const PRESENCE = new Set<string>(PRESENCE_EVENT_TYPES);
const USE = new Set<string>(USE_EVENT_TYPES);
const USE_LIST = USE_EVENT_TYPES.map((t) => `'${t}'`).join(',');

type ResidentDims = { category: string; gender: string; ageBand: string };

class DayAccumulator {
  private readonly totals = new Map<DayIndicator, number>();
  private readonly by = new Map<DayIndicator, Map<Dimension, Map<string, number>>>();
  /** Residents present today / using a service today, with the dimensions of their first event that had them. */
  private readonly present = new Map<number, ResidentDims | null>();
  private readonly using = new Map<number, ResidentDims | null>();

  add(indicator: DayIndicator, amount: number, dims: Partial<Record<Dimension, string>> = {}): void {
    this.totals.set(indicator, (this.totals.get(indicator) ?? 0) + amount);
    let perDim = this.by.get(indicator);
    if (!perDim) this.by.set(indicator, (perDim = new Map()));
    for (const [dim, value] of Object.entries(dims) as [Dimension, string][]) {
      let values = perDim.get(dim);
      if (!values) perDim.set(dim, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + amount);
    }
  }

  resident(type: string, p: Payload): void {
    if (typeof p.patronId !== 'number' || !USE.has(type)) return;
    const dims = typeof p.category === 'string' ? residentDims(p) : null;
    for (const [set, applies] of [
      [this.present, PRESENCE.has(type)],
      [this.using, true],
    ] as const) {
      if (applies && !set.get(p.patronId)) set.set(p.patronId, dims);
    }
  }

  /** Whole numbers only: minutes are rounded per day (and per dimension value) here, once. */
  finish(servedEarlierThisYear: (patronId: number) => boolean): DayFigures {
    for (const dims of this.present.values()) this.add('visits', 1, dims ?? UNKNOWN_DIMS);
    for (const [patronId, dims] of this.using) if (!servedEarlierThisYear(patronId)) this.add('residents_first_served', 1, dims ?? UNKNOWN_DIMS);
    const figures: DayFigures = {};
    for (const [indicator, total] of this.totals) {
      const rounded = Math.round(total);
      if (rounded === 0) continue;
      const dims = this.by.get(indicator);
      const by: Partial<Record<Dimension, Record<string, number>>> = {};
      for (const [dim, values] of dims ?? []) {
        const entries = [...values].map(([k, v]) => [k, Math.round(v)] as const).filter(([, v]) => v > 0);
        if (entries.length) by[dim] = Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
      }
      figures[indicator] = Object.keys(by).length ? { total: rounded, by } : { total: rounded };
    }
    return figures;
  }
}

const UNKNOWN_DIMS: ResidentDims = { category: 'unknown', gender: 'unknown', ageBand: 'unknown' };
const residentDims = (p: Payload): ResidentDims => ({
  category: dimensionCode(p.category),
  gender: dimensionCode(p.gender),
  ageBand: dimensionCode(p.ageBand),
});
const loanDims = (p: Payload) => ({ ...residentDims(p), collection: p.collectionKind === 'rotation' ? 'rotation' : 'own' });
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

function applyEvent(acc: DayAccumulator, type: string, p: Payload): void {
  acc.resident(type, p);
  switch (type) {
    case 'patron.registered':
      acc.add('cards_new', 1, residentDims(p));
      break;
    case 'loan.checkout':
      acc.add('loans', 1, loanDims(p));
      acc.add('items_served', 1, loanDims(p));
      if (p.collectionKind === 'rotation') acc.add('rotation_loans', 1, residentDims(p));
      break;
    case 'loan.renew':
      acc.add('renewals', 1, loanDims(p));
      acc.add('items_served', 1, loanDims(p));
      break;
    case 'loan.return':
      acc.add('returns', 1, loanDims(p));
      break;
    case 'item.added':
      // Acquisitions are the commune's own collection only: rotation books belong to the provincial
      // library and are counted by rotation_items_received (see indicators.ts).
      if (p.source !== 'demo' && p.collectionKind !== 'rotation') acc.add('items_added', 1);
      break;
    case 'rotation.batch_received':
      acc.add('rotation_batches_received', 1);
      acc.add('rotation_items_received', num(p.items));
      break;
    case 'rotation.batch_returned':
      acc.add('rotation_batches_returned', 1);
      break;
    case 'internet.session_started':
      acc.add('internet_sessions', 1, residentDims(p));
      break;
    case 'internet.session_ended':
      acc.add('internet_minutes', num(p.minutesUsed), residentDims(p));
      break;
    case 'eresource.opened':
      acc.add('eresource_opens', 1);
      acc.add('items_served', 1);
      break;
    case 'eresource.closed':
      acc.add('eresource_minutes', num(p.minutes));
      break;
    case 'print.pages':
      acc.add('printed_pages', num(p.pages));
      break;
  }
}

/**
 * Whether a resident used a service earlier in the same calendar year, before `day`. Reads the
 * partial index of 0055 (patronId, day over the use events), so it costs one lookup per resident.
 */
function servedEarlierLookup(db: Db, day: string): (patronId: number) => boolean {
  const stmt = db.prepare(`SELECT 1 FROM events WHERE type IN (${USE_LIST}) AND json_extract(payload, '$.patronId') = ? AND day >= ? AND day < ? LIMIT 1`);
  const yearStart = `${day.slice(0, 4)}-01-01`;
  return (patronId) => stmt.get(patronId, yearStart, day) !== undefined;
}

const TYPE_LIST = COUNTED_EVENT_TYPES.map((t) => `'${t}'`).join(',');

/** Figures for every day in [from, to] that has any counted event, keyed by day, in day order. */
export function dayFiguresBetween(db: Db, from: string, to: string): Map<string, DayFigures> {
  const rows = db
    // ORDER BY day alone: the (day, type) index yields each type's rows in id order within a day,
    // which is all the visit count needs, and spares a sort of the whole period.
    .prepare(`SELECT day, type, payload FROM events WHERE day BETWEEN ? AND ? AND type IN (${TYPE_LIST}) ORDER BY day`)
    .raw()
    .iterate(from, to) as IterableIterator<[string, string, string]>;
  const result = new Map<string, DayFigures>();
  let day: string | undefined;
  let acc = new DayAccumulator();
  const flush = () => {
    if (day === undefined) return;
    const figures = acc.finish(servedEarlierLookup(db, day));
    if (Object.keys(figures).length) result.set(day, figures);
  };
  for (const [rowDay, type, payload] of rows) {
    if (rowDay !== day) {
      flush();
      day = rowDay;
      acc = new DayAccumulator();
    }
    applyEvent(acc, type, JSON.parse(payload) as Payload);
  }
  flush();
  return result;
}

export function dayFiguresOf(db: Db, day: string): DayFigures {
  return dayFiguresBetween(db, day, day).get(day) ?? {};
}

export interface Totals {
  totals: Partial<Record<DayIndicator, number>>;
  by: Partial<Record<DayIndicator, Partial<Record<Dimension, Record<string, number>>>>>;
}

/** Adds day figures together (what the collector does with the same numbers). */
export function sumFigures(days: Iterable<DayFigures>): Totals {
  const out: Totals = { totals: {}, by: {} };
  for (const figures of days) {
    for (const [indicator, value] of Object.entries(figures) as [DayIndicator, NonNullable<DayFigures[DayIndicator]>][]) {
      out.totals[indicator] = (out.totals[indicator] ?? 0) + value.total;
      for (const [dim, values] of Object.entries(value.by ?? {}) as [Dimension, Record<string, number>][]) {
        const target = ((out.by[indicator] ??= {})[dim] ??= {});
        for (const [k, v] of Object.entries(values)) target[k] = (target[k] ?? 0) + v;
      }
    }
  }
  return out;
}

/** Distinct residents who used any service in [from, to] (the 'users' indicator; use events as above). */
export function distinctUsers(db: Db, from: string, to: string): number {
  const row = db
    .prepare(
      `SELECT COUNT(DISTINCT json_extract(payload, '$.patronId')) AS n FROM events
       WHERE day BETWEEN ? AND ? AND type IN (${USE_LIST}) AND json_extract(payload, '$.patronId') IS NOT NULL`,
    )
    .get(from, to) as { n: number };
  return row.n;
}

/** The instant a local (Asia/Ho_Chi_Minh, UTC+7 all year) day ends, as the ISO text the store keeps. */
function endOfLocalDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
}

/** Active cards at the end of `day` (state: see indicators.ts), with their dimensions. */
export function activeCards(
  db: Db,
  day: string,
  ageBandOf: (birthYear: number | null) => string,
): { total: number; by: Partial<Record<Dimension, Record<string, number>>> } {
  const rows = db
    // created_at is a UTC instant: compare it with the end of the local day, not its first ten
    // characters (a card issued at 05:30 on 1 March in Vietnam is 22:30 UTC on 29 February).
    // An erased card (rights/erase.ts) counts until the day it was erased, in the dimensions kept for it.
    .prepare(
      `SELECT category, coalesce(gender, stats_gender) AS gender, birth_year, stats_age_band FROM patrons
       WHERE status = 'active' AND card_expiry >= ? AND created_at < ? AND (erased_at IS NULL OR erased_at >= ?)`,
    )
    .all(day, endOfLocalDay(day), endOfLocalDay(day)) as {
    category: string;
    gender: string | null;
    birth_year: number | null;
    stats_age_band: string | null;
  }[];
  const by: Record<'category' | 'gender' | 'ageBand', Record<string, number>> = { category: {}, gender: {}, ageBand: {} };
  for (const row of rows) {
    const c = dimensionCode(row.category);
    const g = dimensionCode(row.gender ?? 'unknown');
    const a = dimensionCode(row.stats_age_band ?? ageBandOf(row.birth_year));
    by.category[c] = (by.category[c] ?? 0) + 1;
    by.gender[g] = (by.gender[g] ?? 0) + 1;
    by.ageBand[a] = (by.ageBand[a] ?? 0) + 1;
  }
  return { total: rows.length, by };
}
