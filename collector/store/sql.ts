// SQL shared by both stores: the indicator columns (a fixed list from the contract, so they are
// safe identifiers) and the stale-revision rule.
import { DAY_INDICATORS, type DayIndicator } from '#contract/statistics';
import type { StoredDay, TerminalRow } from './types';

export const COLUMNS: readonly DayIndicator[] = DAY_INDICATORS;

/**
 * Statements that bring a day_figures table made by an older collector to today's columns and
 * definitions, safe to run on every start: indicators added since get their column (0 for the days
 * stored before, which is what those kiosks counted), and items_added of days sent by kiosks that
 * counted rotation books is recomputed from the stored figures (see normaliseDayFigures).
 */
export function upgradeStatements(dialect: 'sqlite' | 'postgres', existingColumns: readonly string[]): string[] {
  const missing = COLUMNS.filter((c) => !existingColumns.includes(c));
  const add = missing.map((c) =>
    dialect === 'postgres'
      ? `ALTER TABLE day_figures ADD COLUMN IF NOT EXISTS ${c} integer NOT NULL DEFAULT 0`
      : `ALTER TABLE day_figures ADD COLUMN ${c} INTEGER NOT NULL DEFAULT 0`,
  );
  const own =
    dialect === 'postgres'
      ? `COALESCE((figures #>> '{items_added,by,collection,own}')::integer, 0)`
      : `COALESCE(json_extract(figures, '$.items_added.by.collection.own'), 0)`;
  const split =
    dialect === 'postgres' ? `figures #> '{items_added,by,collection}' IS NOT NULL` : `json_extract(figures, '$.items_added.by.collection') IS NOT NULL`;
  return [...add, `UPDATE day_figures SET items_added = ${own} WHERE ${split} AND items_added <> ${own}`];
}

export function zeroTotals(): Record<DayIndicator, number> {
  return Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<DayIndicator, number>;
}

/**
 * A day may replace what is stored only with a higher revision. The same revision is a duplicate
 * when the figures are identical (a retry) and a conflict otherwise (e.g. a kiosk restored from
 * a backup): both the conflict and an older revision are refused with the revision held.
 */
export function classify(day: StoredDay, existing: { revision: number; digest: string } | undefined): 'store' | 'duplicate' | 'stale' {
  if (!existing) return 'store';
  if (day.revision > existing.revision) return 'store';
  if (day.revision === existing.revision && day.digest === existing.digest) return 'duplicate';
  return 'stale';
}

/** Sorts an upload's days by `classify` against what is held: what to store, what to report, what is stale. */
export function planUpload(days: StoredDay[], heldFor: (day: string) => { revision: number; digest: string } | undefined) {
  const stale: { day: string; current: number }[] = [];
  const results: { day: string; revision: number; status: 'stored' | 'duplicate' }[] = [];
  const toStore: StoredDay[] = [];
  for (const day of days) {
    const held = heldFor(day.day);
    const verdict = classify(day, held);
    if (verdict === 'stale') stale.push({ day: day.day, current: held!.revision });
    else if (verdict === 'duplicate') results.push({ day: day.day, revision: day.revision, status: 'duplicate' });
    else {
      toStore.push(day);
      results.push({ day: day.day, revision: day.revision, status: 'stored' });
    }
  }
  return { stale, results, toStore };
}

/** Terminals with their commune; `days` is how the store counts each terminal's days held. */
const terminalSelect = (days: string) => `SELECT t.id, t.commune_code, c.name AS commune_name, c.province_code, t.name, t.kiosk_id, t.created_at, t.enrolled_at,
  t.revoked_at, t.last_seen_at, t.last_software, ${days} AS days
  FROM terminals t JOIN communes c ON c.code = t.commune_code`;
/** SQLite (a pilot's few terminals) counts the day rows on each read. */
export const TERMINAL_SELECT = terminalSelect('(SELECT COUNT(*) FROM day_figures d WHERE d.terminal_id = t.id)');
/** PostgreSQL keeps the count on the terminal (updated with each upload): counting 18 million rows for every fleet page would take seconds. */
export const TERMINAL_SELECT_COUNTED = terminalSelect('t.day_count');

/** A timestamp as both drivers return it (PostgreSQL: Date, SQLite: ISO text) → ISO text. */
export const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

/** A row of TERMINAL_SELECT, from either driver. */
export function toTerminal(r: Record<string, unknown>): TerminalRow {
  return {
    id: String(r.id),
    communeCode: String(r.commune_code),
    communeName: String(r.commune_name),
    provinceCode: String(r.province_code),
    name: String(r.name),
    kioskId: (r.kiosk_id as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    enrolledAt: iso(r.enrolled_at),
    revokedAt: iso(r.revoked_at),
    lastSeenAt: iso(r.last_seen_at),
    lastSoftware: (r.last_software as string | null) ?? null,
    days: Number(r.days),
  };
}

// A plain loop: a national dashboard reads tens of thousands of such rows per page, and building
// each through spreads and Object.fromEntries was a third of its time.
function totalsOf(r: Record<string, unknown>): Record<DayIndicator, number>;
function totalsOf(r: Record<string, unknown>, columns: readonly DayIndicator[]): Partial<Record<DayIndicator, number>>;
function totalsOf(r: Record<string, unknown>, columns: readonly DayIndicator[] = COLUMNS): Partial<Record<DayIndicator, number>> {
  const totals: Partial<Record<DayIndicator, number>> = {};
  for (const c of columns) totals[c] = Number(r[c] ?? 0);
  return totals;
}

/** A row of the per-commune totals query (code, name, province_code, terminals, days, columns). */
export function toCommuneTotals(r: Record<string, unknown>) {
  return {
    communeCode: String(r.code),
    communeName: String(r.name),
    provinceCode: String(r.province_code),
    terminals: Number(r.terminals),
    days: Number(r.days),
    totals: totalsOf(r),
  };
}

/** A row of a per-commune sums query (commune_code and the indicators asked for). */
export function toCommuneSums(r: Record<string, unknown>, indicators: readonly DayIndicator[]) {
  return { communeCode: String(r.commune_code), totals: totalsOf(r, indicators) };
}

/** Indicator names to select, checked against the fixed list (they become SQL identifiers). */
export function indicatorColumns(indicators: readonly DayIndicator[]): readonly DayIndicator[] {
  for (const c of indicators) if (!COLUMNS.includes(c)) throw new Error(`unknown indicator ${c}`);
  return indicators;
}

/** A row of the per-day figures query (day, revision, columns). */
export function toDayTotals(r: Record<string, unknown>) {
  return { day: String(r.day), revision: Number(r.revision), totals: totalsOf(r) };
}
