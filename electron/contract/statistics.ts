// Statistics contract: the indicator keys, the reporting dimensions, report periods (syntax and
// parsing), the period report, its exports and the staff methods that produce them.
import { z } from 'zod';
import { method, staff } from './define';
import { staffToken } from './staff';

/**
 * Every indicator the kiosk counts per day (definitions with their Vietnamese names and ISO 2789
 * references live in electron/core/statistics/indicators.ts). Order = order in reports.
 */
export const DAY_INDICATORS = [
  'cards_new',
  'visits',
  'residents_first_served',
  'items_served',
  'loans',
  'renewals',
  'returns',
  'rotation_loans',
  'rotation_batches_received',
  'rotation_items_received',
  'rotation_batches_returned',
  'items_added',
  'internet_sessions',
  'internet_minutes',
  'eresource_opens',
  'eresource_minutes',
  'printed_pages',
] as const;
export const dayIndicator = z.enum(DAY_INDICATORS);
export type DayIndicator = z.infer<typeof dayIndicator>;

/** Indicators that exist for a period only: state (active cards) or distinct over the period (users). */
export const PERIOD_INDICATORS = ['active_cards', 'users'] as const;
export const indicatorKey = z.enum([...PERIOD_INDICATORS, ...DAY_INDICATORS]);
export type IndicatorKey = z.infer<typeof indicatorKey>;

export const DIMENSIONS = ['category', 'gender', 'ageBand', 'collection'] as const;
export const dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof dimension>;

/** A dimension value: a code (adult, female, 18-35, rotation), never free text, so nothing personal fits. */
export const dimensionValue = z.string().regex(/^[a-z0-9][a-z0-9_+-]{0,31}$/, 'mã phân loại chỉ gồm chữ thường không dấu, số, -, _, +');

const count = z.number().int('số đếm phải là số nguyên').nonnegative('số đếm không được âm').max(10_000_000);
export const dimensionCounts = z.record(dimensionValue, count).refine((map) => Object.keys(map).length <= 40, 'quá nhiều giá trị phân loại (tối đa 40)');
export const indicatorValue = z
  .object({
    total: count,
    by: z.object({ category: dimensionCounts, gender: dimensionCounts, ageBand: dimensionCounts, collection: dimensionCounts }).partial().strict().optional(),
  })
  .strict();
export type IndicatorValue = z.infer<typeof indicatorValue>;

/** One day's figures: only the indicators that are non-zero that day. */
export const dayFigures = z.partialRecord(dayIndicator, indicatorValue);
export type DayFigures = z.infer<typeof dayFigures>;

/**
 * Day figures read by today's definitions, whichever kiosk version sent them. Kiosks before the
 * acquisitions audit (issue #24) counted rotation books in `items_added`, with the split in
 * `by.collection`; those figures always carry that split, so the commune's own acquisitions are
 * `by.collection.own` (0 when absent). Figures without the split are already own-only. Used by
 * the collector on every upload, so a province never adds rotation books up as acquisitions.
 */
export function normaliseDayFigures(figures: DayFigures): DayFigures {
  const added = figures.items_added;
  const split = added?.by?.collection;
  if (!added || !split) return figures;
  const own = split.own ?? 0;
  const out: DayFigures = { ...figures };
  if (own === 0) delete out.items_added;
  else out.items_added = { total: own };
  return out;
}

// ---- Periods -------------------------------------------------------------------------------

export const periodKind = z.enum(['day', 'month', 'quarter', 'half', 'year', 'custom']);
export type PeriodKind = z.infer<typeof periodKind>;
export interface Period {
  kind: PeriodKind;
  /** Canonical text: 2026, 2026-H1, 2026-Q3, 2026-05, 2026-05-14, 2026-01-01..2026-03-31. */
  label: string;
  /** First and last local day, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}
export const periodSchema = z.object({ kind: periodKind, label: z.string(), from: z.string(), to: z.string() });

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
export const calendarDay = z.string().refine(isCalendarDay, 'ngày phải có dạng NNNN-TT-NN và là ngày có thật');

const MAX_CUSTOM_DAYS = 3 * 366;

/**
 * Parses the period syntax staff and technicians type. Returns undefined for anything else; the
 * caller says what is accepted. Years 1900–9999 only.
 */
export function parsePeriod(input: string): Period | undefined {
  const text = input.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    return y >= 1900 ? { kind: 'year', label: `${y}`, from: `${y}-01-01`, to: `${y}-12-31` } : undefined;
  }
  if ((m = /^(\d{4})-H([12])$/.exec(text))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    if (y < 1900) return undefined;
    return { kind: 'half', label: `${y}-H${h}`, from: h === 1 ? `${y}-01-01` : `${y}-07-01`, to: h === 1 ? `${y}-06-30` : `${y}-12-31` };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(text))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (y < 1900) return undefined;
    const last = q * 3;
    return { kind: 'quarter', label: `${y}-Q${q}`, from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (y < 1900 || mo < 1 || mo > 12) return undefined;
    return { kind: 'month', label: `${y}-${pad(mo)}`, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(daysInMonth(y, mo))}` };
  }
  if (isCalendarDay(text)) return { kind: 'day', label: text, from: text, to: text };
  if ((m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isCalendarDay(from) || !isCalendarDay(to) || from > to) return undefined;
    if (daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return undefined;
    return { kind: 'custom', label: `${from}..${to}`, from, to };
  }
  return undefined;
}

export const PERIOD_HELP =
  'Kỳ báo cáo viết theo một trong các dạng: 2026 (năm), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-Q3 (quý), 2026-05 (tháng), 2026-05-14 (một ngày), 2026-01-01..2026-03-31 (tùy chọn, tối đa 3 năm).';

export const periodText = z
  .string()
  .max(40)
  .refine((text) => parsePeriod(text) !== undefined, PERIOD_HELP);

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same day one year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(day: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return `${pad(y - 1, 4)}-${pad(mo)}-${pad(Math.min(d, daysInMonth(y - 1, mo)))}`;
}

/** The same period one year earlier (a whole month/quarter/half/year stays whole). */
export function previousYear(period: Period): Period {
  const from = sameDayLastYear(period.from);
  const [y, mo] = period.to.split('-').map(Number) as [number, number];
  const wholeMonthEnd = period.to.endsWith(`-${pad(daysInMonth(y, mo))}`);
  const to = wholeMonthEnd ? `${pad(y - 1, 4)}-${pad(mo)}-${pad(daysInMonth(y - 1, mo))}` : sameDayLastYear(period.to);
  const shift = (label: string) => label.replace(/\d{4}/g, (year) => pad(Number(year) - 1, 4));
  if (period.kind === 'custom' || period.kind === 'day') {
    return period.kind === 'day' ? { kind: 'day', label: from, from, to: from } : { kind: 'custom', label: `${from}..${to}`, from, to };
  }
  return { kind: period.kind, label: shift(period.label), from, to };
}

// ---- The report --------------------------------------------------------------------------------

export const reportRow = z.object({
  indicator: indicatorKey,
  current: z.number(),
  previous: z.number(),
  /** Growth over the same period last year, percent; null when last year was 0. */
  growthPct: z.number().nullable(),
  /** The programme's yearly growth target for this indicator, percent (null: no target). */
  target: z.object({ minPct: z.number(), maxPct: z.number() }).nullable(),
  /** met = reached the lower target; null when there is no target or no growth figure. */
  targetMet: z.boolean().nullable(),
  byDimension: z.partialRecord(dimension, z.record(z.string(), z.number())),
});
export type ReportRow = z.infer<typeof reportRow>;

export const statisticsReport = z.object({
  library: z.object({ name: z.string(), communeCode: z.string().nullable() }),
  period: periodSchema,
  previousPeriod: periodSchema,
  /** The period is not over yet (figures up to today). */
  partial: z.boolean(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
  rows: z.array(reportRow),
  /** Chart series: one point per day (periods up to 62 days) or per month. */
  series: z.object({
    unit: z.enum(['day', 'month']),
    points: z.array(z.object({ bucket: z.string(), values: z.partialRecord(dayIndicator, z.number()) })),
  }),
  residents: z.object({
    /** The commune's population as configured (statistics.residents); null when not configured. */
    count: z.number().int().nullable(),
    /** Distinct residents served from 1 January of the period's last year to the period's end. */
    served: z.number().int(),
    servedFrom: z.string(),
    servedTo: z.string(),
    /** True when servedTo is not 31 December: the yearly target is not judged yet. */
    yearToDate: z.boolean(),
    /** served / count, percent (two decimals); null without a population. */
    usersPct: z.number().nullable(),
    targetMinPct: z.number(),
    targetMaxPct: z.number(),
    /** Judged on a whole year only; null before the year is over or without a population. */
    targetMet: z.boolean().nullable(),
  }),
});
export type StatisticsReport = z.infer<typeof statisticsReport>;

export const exportFormat = z.enum(['xlsx', 'pdf', 'csv']);
export type ExportFormat = z.infer<typeof exportFormat>;

// The period is checked by the core (reason 'bad_period'), so the screen can say how to write one.
const periodRequest = z.string().trim().min(1).max(40);

export const statisticsMethods = {
  'statistics.report': method(z.object({ staffToken, period: periodRequest }).strict(), statisticsReport, staff),
  'statistics.export': method(
    z.object({ staffToken, period: periodRequest, format: exportFormat }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), base64: z.string() }),
    staff,
  ),
};
