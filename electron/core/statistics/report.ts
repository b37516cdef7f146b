// A period report: every indicator for the period and the same period last year, growth against
// the programme's targets, the share of residents reached, and a chart series.
import {
  DAY_INDICATORS,
  daysBetween,
  parsePeriod,
  PERIOD_HELP,
  previousYear,
  type DayFigures,
  type DayIndicator,
  type IndicatorKey,
  type Period,
  type ReportRow,
  type StatisticsReport,
} from '#contract/statistics';
import { refused } from '../errors';
import { ageBand } from '../patrons/demographics';
import { localDay } from '../../../common/calendar';
import type { Db } from '../store/open';
import { stagedFiguresBetween } from './staged-days';
import { activeCards, distinctUsers, sumFigures } from './aggregate';
import type { StatisticsConfig } from './config';
import { INDICATORS } from './indicators';

export interface ReportInput {
  db: Db;
  now: number;
  library: { name: string; communeCode: string | null };
  statistics: StatisticsConfig;
  generatedBy: string | null;
  /** Run between two write batches when recomputing days (staged-days.ts): the report thread pauses there. */
  betweenWrites?: () => void;
}

export function periodOrRefuse(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw refused('bad_period', `Không hiểu kỳ báo cáo "${text.slice(0, 40)}". ${PERIOD_HELP}`);
  return period;
}

/** Which indicator each programme target applies to. */
function targetFor(key: IndicatorKey, targets: StatisticsConfig['targets']): { minPct: number; maxPct: number } | null {
  switch (key) {
    case 'users':
      return targets.users;
    case 'items_served':
      return targets.itemsServed;
    case 'rotation_loans':
      return targets.rotation;
    case 'items_added':
      return targets.acquisitions;
    default:
      return null;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function growthPct(current: number, previous: number): number | null {
  return previous === 0 ? null : round1(((current - previous) / previous) * 100);
}

export function buildReport(input: ReportInput, period: Period): StatisticsReport {
  const { db, statistics } = input;
  const today = localDay(input.now);
  const previous = previousYear(period);
  // Nothing after today exists yet: a running period is reported up to today and marked partial.
  const end = period.to > today ? today : period.to;
  const prevEnd = period.to > today ? previousYear({ kind: 'day', label: end, from: end, to: end }).from : previous.to;

  // Computed days come from the outbox (recomputed when their events changed): a year's report
  // reads 365 small rows instead of every event of two years.
  const currentDays = end >= period.from ? stagedFiguresBetween(db, period.from, end, input.now, input.betweenWrites) : new Map<string, DayFigures>();
  const previousDays =
    prevEnd >= previous.from ? stagedFiguresBetween(db, previous.from, prevEnd, input.now, input.betweenWrites) : new Map<string, DayFigures>();
  const cur = sumFigures(currentDays.values());
  const prev = sumFigures(previousDays.values());

  const bandAt = (day: string) => (birthYear: number | null) => ageBand(birthYear, Number(day.slice(0, 4)));
  const cardsNow = end >= period.from ? activeCards(db, end, bandAt(end)) : { total: 0, by: {} };
  const cardsBefore = activeCards(db, prevEnd, bandAt(prevEnd));
  const usersNow = end >= period.from ? distinctUsers(db, period.from, end) : 0;
  const usersBefore = prevEnd >= previous.from ? distinctUsers(db, previous.from, prevEnd) : 0;

  const rows: ReportRow[] = INDICATORS.map((def) => {
    let current: number;
    let prior: number;
    let byDimension: ReportRow['byDimension'] = {};
    if (def.key === 'active_cards') {
      [current, prior, byDimension] = [cardsNow.total, cardsBefore.total, cardsNow.by];
    } else if (def.key === 'users') {
      [current, prior] = [usersNow, usersBefore];
    } else {
      const key = def.key as DayIndicator;
      [current, prior, byDimension] = [cur.totals[key] ?? 0, prev.totals[key] ?? 0, cur.by[key] ?? {}];
    }
    const target = targetFor(def.key, statistics.targets);
    const growth = growthPct(current, prior);
    return {
      indicator: def.key,
      current,
      previous: prior,
      growthPct: growth,
      target,
      targetMet: target && growth !== null ? growth >= target.minPct : null,
      byDimension,
    };
  });

  const byMonth = daysBetween(period.from, period.to) + 1 > 62;
  const buckets = new Map<string, Partial<Record<DayIndicator, number>>>();
  for (const [day, figures] of currentDays) {
    const bucket = byMonth ? day.slice(0, 7) : day;
    const values = buckets.get(bucket) ?? {};
    for (const key of DAY_INDICATORS) {
      const total = figures[key]?.total;
      if (total) values[key] = (values[key] ?? 0) + total;
    }
    buckets.set(bucket, values);
  }
  const points = allBuckets(period, byMonth).map((bucket) => ({ bucket, values: buckets.get(bucket) ?? {} }));

  return {
    library: input.library,
    period,
    previousPeriod: previous,
    partial: period.to >= today,
    generatedAt: new Date(input.now).toISOString(),
    generatedBy: input.generatedBy,
    rows,
    series: { unit: byMonth ? 'month' : 'day', points },
    residents: residentsShare(input, end),
  };
}

/**
 * The programme's "14–20 % of residents use the library" is a yearly share: distinct residents
 * served from 1 January to the period's end (year to date), over the configured population. It
 * adds up residents_first_served, the same uploaded figure the province adds up, so the commune's
 * report and the province's agree. The target is judged on a whole year only.
 */
function residentsShare(input: ReportInput, end: string): StatisticsReport['residents'] {
  const { statistics } = input;
  const servedFrom = `${end.slice(0, 4)}-01-01`;
  const served = sumFigures(stagedFiguresBetween(input.db, servedFrom, end, input.now, input.betweenWrites).values()).totals.residents_first_served ?? 0;
  const count = statistics.residents;
  // Two decimals: a small commune's first residents (1 of 3,850 = 0.03 %) must not read as 0 %.
  const usersPct = count ? Math.round((served / count) * 10_000) / 100 : null;
  const yearToDate = !end.endsWith('-12-31');
  return {
    count,
    served,
    servedFrom,
    servedTo: end,
    yearToDate,
    usersPct,
    targetMinPct: statistics.targets.residentsShare.minPct,
    targetMaxPct: statistics.targets.residentsShare.maxPct,
    targetMet: usersPct === null || yearToDate ? null : usersPct >= statistics.targets.residentsShare.minPct,
  };
}

/** Every day or month of the period, so the chart shows empty stretches too. */
function allBuckets(period: Period, byMonth: boolean): string[] {
  const out: string[] = [];
  if (byMonth) {
    let [y, m] = period.from.split('-').map(Number) as [number, number];
    const last = period.to.slice(0, 7);
    for (;;) {
      const bucket = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      if (bucket > last) break;
      out.push(bucket);
      if (++m > 12) [y, m] = [y + 1, 1];
    }
    return out;
  }
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const n = daysBetween(period.from, period.to);
  for (let i = 0; i <= n; i++) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return out;
}
