// A period's figures against the same period last year and the programme's targets, per commune
// and for the province: what the dashboard shows and the official report prints.
import { previousYear, type Period } from '#contract/statistics';
import type { CommuneRecord } from './store/portal-types';
import type { CollectorStore, CommuneSums } from './store/types';
import { GROWTH_INDICATORS, targetsFor, type Target, type TargetSet } from './targets';

export type GrowthKey = (typeof GROWTH_INDICATORS)[number];

export interface IndicatorAssessment {
  key: GrowthKey;
  current: number;
  previous: number;
  /** Percent over the same period last year; null when last year had nothing. */
  growthPct: number | null;
  target: Target;
  met: boolean | null;
}

export interface CommuneAssessment {
  commune: CommuneRecord;
  terminals: number;
  days: number;
  indicators: IndicatorAssessment[];
  /**
   * Distinct residents the commune's kiosks served from 1 January to the period's end: the sum of
   * residents_first_served, which counts each resident once a calendar year (see the kiosk's
   * indicator definitions). The kiosk's own report adds up the same figure, so the two agree.
   */
  servedThisYear: number;
  sharePct: number | null;
  /** Judged on a whole year only (null for a period not ending on 31 December, or no population). */
  shareMet: boolean | null;
  /** Targets not met (growth and share); communes with more come first. */
  behind: number;
}

export interface Assessment {
  period: Period;
  previousPeriod: Period;
  targets: TargetSet;
  communes: CommuneAssessment[];
  province: Omit<CommuneAssessment, 'commune'> & { communes: number; population: number | null };
  /** The share counts residents from this day (1 January of the period's last year) to the period's end. */
  servedFrom: string;
  /** True when the period does not end on 31 December: the shares are year to date and not judged. */
  shareYearToDate: boolean;
  ruralReachPct: number | null;
  disadvantagedReachPct: number | null;
  ruralReachMet: boolean | null;
  disadvantagedReachMet: boolean | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function growth(current: number, previous: number): number | null {
  return previous > 0 ? round1(((current - previous) / previous) * 100) : null;
}

function indicatorsOf(cur: CommuneSums['totals'] | undefined, prev: CommuneSums['totals'] | undefined, targets: TargetSet): IndicatorAssessment[] {
  return GROWTH_INDICATORS.map((key) => {
    const current = cur?.[key] ?? 0;
    const previous = prev?.[key] ?? 0;
    const growthPct = growth(current, previous);
    return { key, current, previous, growthPct, target: targets[key], met: growthPct === null ? null : growthPct >= targets[key].minPct };
  });
}

function shareOf(served: number, population: number | null): number | null {
  // Two decimals: a small commune's first residents (1 of 3,850 = 0.03 %) must not read as 0 %.
  return population && population > 0 ? Math.round((served / population) * 10_000) / 100 : null;
}

export async function assess(store: CollectorStore, period: Period, onlyCommune?: string): Promise<Assessment> {
  const previousPeriod = previousYear(period);
  const servedFrom = `${period.to.slice(0, 4)}-01-01`;
  const shareYearToDate = !period.to.endsWith('-12-31');
  const [register, current, previous, yearSoFar, targetRows] = await Promise.all([
    store.communeRegister(),
    store.communeTotals(period.from, period.to, onlyCommune),
    store.communeSums(previousPeriod.from, previousPeriod.to, GROWTH_INDICATORS, onlyCommune),
    servedFrom === period.from ? null : store.communeSums(servedFrom, period.to, ['residents_first_served'], onlyCommune),
    store.targetRows(),
  ]);
  const targets = targetsFor(Number(period.to.slice(0, 4)), targetRows);
  const byCode = <T extends { communeCode: string }>(rows: T[]) => new Map(rows.map((r) => [r.communeCode, r]));
  const [cur, prev, year] = [byCode(current), byCode(previous), byCode(yearSoFar ?? current)];
  const judge = (pct: number | null, target: Target) => (pct === null || shareYearToDate ? null : pct >= target.minPct);
  const communes = register
    .filter((c) => !onlyCommune || c.code === onlyCommune)
    .map((commune): CommuneAssessment => {
      const c = cur.get(commune.code);
      const indicators = indicatorsOf(c?.totals, prev.get(commune.code)?.totals, targets);
      const servedThisYear = year.get(commune.code)?.totals.residents_first_served ?? 0;
      const sharePct = shareOf(servedThisYear, commune.population);
      const shareMet = judge(sharePct, targets.residents_share);
      const behind = indicators.filter((i) => i.met === false).length + (shareMet === false ? 1 : 0);
      return { commune, terminals: c?.terminals ?? 0, days: c?.days ?? 0, indicators, servedThisYear, sharePct, shareMet, behind };
    })
    // Codes are digits of one length: plain comparison, far cheaper than localeCompare over 3,300 communes.
    .sort((a, b) => b.behind - a.behind || (a.commune.code < b.commune.code ? -1 : a.commune.code > b.commune.code ? 1 : 0));

  const sum = (rows: Map<string, CommuneSums>) => {
    const totals = Object.fromEntries(GROWTH_INDICATORS.map((k) => [k, 0])) as Record<GrowthKey, number>;
    for (const c of communes) for (const k of GROWTH_INDICATORS) totals[k] += rows.get(c.commune.code)?.totals[k] ?? 0;
    return totals;
  };
  const indicators = indicatorsOf(sum(cur), sum(prev), targets);
  const known = communes.filter((c) => c.commune.population);
  const population = known.length ? known.reduce((n, c) => n + c.commune.population!, 0) : null;
  const servedKnown = known.reduce((n, c) => n + c.servedThisYear, 0);
  const sharePct = shareOf(servedKnown, population);
  const shareMet = judge(sharePct, targets.residents_share);
  const reach = (pick: (c: CommuneRecord) => boolean) => {
    const group = known.filter((c) => pick(c.commune));
    return shareOf(
      group.reduce((n, c) => n + c.servedThisYear, 0),
      group.reduce((n, c) => n + c.commune.population!, 0) || null,
    );
  };
  const ruralReachPct = reach((c) => c.rural);
  const disadvantagedReachPct = reach((c) => c.disadvantaged);
  return {
    period,
    previousPeriod,
    targets,
    communes,
    province: {
      communes: communes.length,
      population,
      terminals: communes.reduce((n, c) => n + c.terminals, 0),
      days: communes.reduce((n, c) => n + c.days, 0),
      indicators,
      servedThisYear: communes.reduce((n, c) => n + c.servedThisYear, 0),
      sharePct,
      shareMet,
      behind: indicators.filter((i) => i.met === false).length + (shareMet === false ? 1 : 0),
    },
    servedFrom,
    shareYearToDate,
    ruralReachPct,
    disadvantagedReachPct,
    ruralReachMet: judge(ruralReachPct, targets.rural_reach),
    disadvantagedReachMet: judge(disadvantagedReachPct, targets.disadvantaged_reach),
  };
}
