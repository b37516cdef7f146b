// The per-commune roll-up of the PostgreSQL store. At national scale (3,300 communes × 3 kiosks ×
// 5 years ≈ 18 million day rows) a year's dashboard summed over day rows takes seconds. The roll-up
// holds one row per commune for each month, quarter and year with figures, so a period reads the
// fewest rows that cover it: a year is one row per commune, a half two, a quarter one; only the
// partial months at a custom period's edges read day rows.
//
// A month's row is recomputed from its day rows after each upload that touches it, and its
// quarter's and year's rows from their month rows, under an advisory lock per commune-month: an
// upload of another kiosk of the same commune waits for the first to commit, and its
// recomputation (a new snapshot under READ COMMITTED) then sees both. Recomputing rather than
// adding deltas keeps the distinct counts (days, kiosks) exact and keeps the roll-up from drifting
// away from the day rows. SQLite (a pilot's few terminals) needs none.
import { COLUMNS } from './sql';

export type Span = 'month' | 'quarter' | 'year';
const LONGER_SPANS = [
  { span: 'quarter', months: 3 },
  { span: 'year', months: 12 },
] as const;

/**
 * The roll-up table, keyed by span and its first day, so a period's rows are a few index ranges.
 * `terminals` lists the kiosks that sent days in the span (distinct counts over several spans).
 * Sums are bigint: the contract lets a day carry up to 10 million per indicator, so a commune's
 * year can pass 2^31, and a sum that overflowed would refuse every upload of that commune.
 */
export function rollupDdl(): string {
  return `
CREATE TABLE IF NOT EXISTS commune_rollup (
  span text NOT NULL CHECK (span IN ('month', 'quarter', 'year')),
  start date NOT NULL,
  commune_code text NOT NULL,
  days integer NOT NULL,
  terminals text[] NOT NULL,
  ${COLUMNS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (span, start, commune_code)
);`;
}

/** Indicator columns an older roll-up lacks (an indicator added since): added, then the roll-up is rebuilt. */
export function rollupColumnStatements(existingColumns: readonly string[]): string[] {
  return COLUMNS.filter((c) => !existingColumns.includes(c)).map((c) => `ALTER TABLE commune_rollup ADD COLUMN IF NOT EXISTS ${c} bigint NOT NULL DEFAULT 0`);
}

const rollupColumns = `span, start, commune_code, days, terminals, ${COLUMNS.join(', ')}`;
const daySums = `COUNT(DISTINCT day)::integer AS days, array_agg(DISTINCT terminal_id ORDER BY terminal_id) AS terminals,
  ${COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}`;

/** Month rows from day rows; $1 commune and $2 month, or NULL for all. */
const MONTHS_FROM_DAYS = `INSERT INTO commune_rollup (${rollupColumns})
  SELECT 'month', date_trunc('month', day::timestamp)::date, commune_code, ${daySums} FROM day_figures
  WHERE ($1::text IS NULL OR commune_code = $1) AND ($2::date IS NULL OR (day >= $2::date AND day < $2::date + interval '1 month'))
  GROUP BY 2, 3`;

/**
 * Quarter or year rows from month rows: days add up (months do not overlap), the kiosk lists are
 * merged. $1 commune and $2 first day, or NULL for all; the span's name and length are fixed text.
 */
function longerFromMonths(span: 'quarter' | 'year', months: number): string {
  return `INSERT INTO commune_rollup (${rollupColumns})
  SELECT '${span}', g.start, g.commune_code, g.days,
    ARRAY(SELECT DISTINCT t FROM commune_rollup r, unnest(r.terminals) AS t
          WHERE r.span = 'month' AND r.commune_code = g.commune_code AND r.start >= g.start AND r.start < g.start + interval '${months} months' ORDER BY t),
    ${COLUMNS.map((c) => `g.${c}`).join(', ')}
  FROM (SELECT date_trunc('${span}', start::timestamp)::date AS start, commune_code, SUM(days)::integer AS days,
          ${COLUMNS.map((c) => `SUM(${c})::bigint AS ${c}`).join(', ')}
        FROM commune_rollup WHERE span = 'month' AND ($1::text IS NULL OR commune_code = $1)
          AND ($2::date IS NULL OR (start >= $2::date AND start < $2::date + interval '${months} months'))
        GROUP BY 1, 2) g`;
}

/** Rebuilds the whole roll-up from the day rows (first start after the upgrade, an indicator added, figures corrected on start). */
export const REBUILD_ROLLUP: { sql: string; params: unknown[] }[] = [
  { sql: 'TRUNCATE commune_rollup', params: [] },
  { sql: MONTHS_FROM_DAYS, params: [null, null] },
  ...LONGER_SPANS.map(({ span, months }) => ({ sql: longerFromMonths(span, months), params: [null, null] })),
];

/** First day of the quarter and of the year holding a month's first day (YYYY-MM-01). */
function spanStarts(month: string): Record<Span, string> {
  const [y, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  return { month, quarter: `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`, year: `${y}-01-01` };
}

/** Recomputes one commune-month and its quarter and year; run under `LOCK_COMMUNE_YEAR`. */
export function refreshMonth(communeCode: string, month: string): { sql: string; params: unknown[] }[] {
  const starts = spanStarts(month);
  const replace = (span: Span, insert: string) => [
    { sql: 'DELETE FROM commune_rollup WHERE span = $1 AND start = $2::date AND commune_code = $3', params: [span, starts[span], communeCode] },
    { sql: insert, params: [communeCode, starts[span]] },
  ];
  return [...replace('month', MONTHS_FROM_DAYS), ...LONGER_SPANS.flatMap(({ span, months }) => replace(span, longerFromMonths(span, months)))];
}

/**
 * One transaction-scoped lock per commune-month, so concurrent uploads recompute one after the
 * other. Months of one quarter share its quarter and year rows: those are recomputed from the month
 * rows under each month's lock, so the lock is the commune-year's (kiosks of one commune send the
 * same recent days, so little is lost by the coarser lock).
 */
export const LOCK_COMMUNE_YEAR = `SELECT pg_advisory_xact_lock(hashtext('commune_rollup:' || $1 || ':' || left($2, 4)))`;

/** The commune-months an upload touches, sorted (locks taken in one order cannot deadlock). */
export function touchedMonths(pairs: Iterable<{ communeCode: string; day: string }>): { communeCode: string; month: string }[] {
  const keys = new Set<string>();
  for (const { communeCode, day } of pairs) keys.add(`${communeCode}|${day.slice(0, 7)}-01`);
  return [...keys].sort().map((k) => {
    const [communeCode, month] = k.split('|') as [string, string];
    return { communeCode, month };
  });
}

/** The first day of the month `n` months after the one holding `day`. */
function monthsLater(day: string, n: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * How a period [from, to] (inclusive days) is read: its whole months [monthsFrom, monthsTo) as the
 * fewest roll-up rows (a whole year as one, a whole quarter as one, other months one each), and
 * the days left at its edges from the day rows. No whole month: monthsFrom = monthsTo = from and
 * every day is an edge day.
 */
export function splitPeriod(from: string, to: string): { monthsFrom: string; monthsTo: string; spans: Span[]; starts: string[] } {
  const first = from.endsWith('-01') ? from : monthsLater(from, 1);
  const dayAfter = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = dayAfter.endsWith('-01') ? dayAfter : `${to.slice(0, 7)}-01`;
  if (first >= end) return { monthsFrom: from, monthsTo: from, spans: [], starts: [] };
  const spans: Span[] = [];
  const starts: string[] = [];
  for (let at = first; at < end;) {
    const month = Number(at.slice(5, 7));
    const fits = (n: number) => monthsLater(at, n) <= end;
    const span: Span = month === 1 && fits(12) ? 'year' : (month - 1) % 3 === 0 && fits(3) ? 'quarter' : 'month';
    spans.push(span);
    starts.push(at);
    at = monthsLater(at, span === 'year' ? 12 : span === 'quarter' ? 3 : 1);
  }
  return { monthsFrom: first, monthsTo: end, spans, starts };
}

/**
 * The parts of a period as rows of (commune_code, days, terminals, columns…): its roll-up rows,
 * and its edge days summed per commune from the day rows. Parameters: $1 from, $2 to,
 * $3 monthsFrom, $4 monthsTo, $5 spans, $6 their starts, $7 one commune or NULL. The parts never cover the same day, so
 * days add up.
 */
export const PERIOD_PARTS = `
  SELECT r.commune_code, r.days, r.terminals, ${COLUMNS.map((c) => `r.${c}`).join(', ')}
  FROM unnest($5::text[], $6::date[]) AS piece(span, start) JOIN commune_rollup r ON r.span = piece.span AND r.start = piece.start
  WHERE $7::text IS NULL OR r.commune_code = $7
  UNION ALL
  SELECT commune_code, ${daySums} FROM day_figures
  WHERE ((day >= $1::date AND day < $3::date) OR (day >= $4::date AND day <= $2::date)) AND ($7::text IS NULL OR commune_code = $7)
  GROUP BY commune_code`;

/** The parameters of PERIOD_PARTS for a period, for every commune or one ($7). */
export function periodParams(from: string, to: string, communeCode: string | null = null): unknown[] {
  const { monthsFrom, monthsTo, spans, starts } = splitPeriod(from, to);
  return [from, to, monthsFrom, monthsTo, spans, starts, communeCode];
}

/**
 * Kiosks that sent days in the period's parts, per commune. A commune's kiosks are mostly the same
 * in every part, so the lists are first made distinct as whole arrays, and only those few are
 * unnested and counted: exact, and cheaper than unnesting every part.
 */
export const KIOSKS_OF_PARTS = `SELECT commune_code, COUNT(DISTINCT t) AS terminals
  FROM (SELECT DISTINCT commune_code, terminals FROM parts) lists, unnest(lists.terminals) AS t GROUP BY commune_code`;

/**
 * Visits and items served per month for a period, the whole province or one commune: month rows
 * for its whole months, day rows for its edges. Parameters: $1 from, $2 to, $3 monthsFrom,
 * $4 monthsTo, $5 commune or NULL.
 */
export const MONTH_SERIES = `
  SELECT month, SUM(visits) AS visits, SUM(items) AS items FROM (
    SELECT to_char(start, 'YYYY-MM') AS month, SUM(visits) AS visits, SUM(items_served) AS items FROM commune_rollup
    WHERE span = 'month' AND start >= $3::date AND start < $4::date AND ($5::text IS NULL OR commune_code = $5) GROUP BY 1
    UNION ALL
    SELECT to_char(day, 'YYYY-MM'), SUM(visits), SUM(items_served) FROM day_figures
    WHERE ((day >= $1::date AND day < $3::date) OR (day >= $4::date AND day <= $2::date)) AND ($5::text IS NULL OR commune_code = $5) GROUP BY 1
  ) parts GROUP BY month ORDER BY month`;
