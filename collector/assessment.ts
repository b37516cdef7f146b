// A period's figures against the same period last year and the programme's targets, per commune
// and for the province: what the dashboard shows and the official report prints.
import { previousYear, type Period } from '#contract/statistics';
import type { CommuneRecord } from './store/portal-types';
import type { CollectorStore, CommuneTotals } from './store/types';
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
  /** Library cards the commune's kiosks issued up to the end of the period. */
  cardsToDate: number;
  sharePct: number | null;
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
  ruralReachPct: number | null;
  disadvantagedReachPct: number | null;
}

const EARLIEST = '2020-01-01';
const round1 = (n: number) => Math.round(n * 10) / 10;

export function growth(current: number, previous: number): number | null {
  return previous > 0 ? round1(((current - previous) / previous) * 100) : null;
}

function indicatorsOf(cur: CommuneTotals['totals'] | undefined, prev: CommuneTotals['totals'] | undefined, targets: TargetSet): IndicatorAssessment[] {
  return GROWTH_INDICATORS.map((key) => {
    const current = cur?.[key] ?? 0;
    const previous = prev?.[key] ?? 0;
    const growthPct = growth(current, previous);
    return { key, current, previous, growthPct, target: targets[key], met: growthPct === null ? null : growthPct >= targets[key].minPct };
  });
}

function shareOf(cards: number, population: number | null): number | null {
  return population && population > 0 ? round1((cards / population) * 100) : null;
}

export async function assess(store: CollectorStore, period: Period, onlyCommune?: string): Promise<Assessment> {
  const previousPeriod = previousYear(period);
  const [register, current, previous, cumulative, targetRows] = await Promise.all([
    store.communeRegister(),
    store.communeTotals(period.from, period.to),
    store.communeTotals(previousPeriod.from, previousPeriod.to),
    store.communeTotals(EARLIEST, period.to),
    store.targetRows(),
  ]);
  const targets = targetsFor(Number(period.to.slice(0, 4)), targetRows);
  const byCode = <T extends { communeCode: string }>(rows: T[]) => new Map(rows.map((r) => [r.communeCode, r]));
  const [cur, prev, cum] = [byCode(current), byCode(previous), byCode(cumulative)];
  const communes = register
    .filter((c) => !onlyCommune || c.code === onlyCommune)
    .map((commune): CommuneAssessment => {
      const c = cur.get(commune.code);
      const indicators = indicatorsOf(c?.totals, prev.get(commune.code)?.totals, targets);
      const cardsToDate = cum.get(commune.code)?.totals.cards_new ?? 0;
      const sharePct = shareOf(cardsToDate, commune.population);
      const shareMet = sharePct === null ? null : sharePct >= targets.residents_share.minPct;
      const behind = indicators.filter((i) => i.met === false).length + (shareMet === false ? 1 : 0);
      return { commune, terminals: c?.terminals ?? 0, days: c?.days ?? 0, indicators, cardsToDate, sharePct, shareMet, behind };
    })
    .sort((a, b) => b.behind - a.behind || a.commune.code.localeCompare(b.commune.code));

  const sum = (rows: Map<string, CommuneTotals>) => {
    const totals = Object.fromEntries(GROWTH_INDICATORS.map((k) => [k, 0])) as Record<GrowthKey, number>;
    for (const c of communes) for (const k of GROWTH_INDICATORS) totals[k] += rows.get(c.commune.code)?.totals[k] ?? 0;
    return totals as unknown as CommuneTotals['totals'];
  };
  const indicators = indicatorsOf(sum(cur), sum(prev), targets);
  const known = communes.filter((c) => c.commune.population);
  const population = known.length ? known.reduce((n, c) => n + c.commune.population!, 0) : null;
  const cardsKnown = known.reduce((n, c) => n + c.cardsToDate, 0);
  const sharePct = shareOf(cardsKnown, population);
  const shareMet = sharePct === null ? null : sharePct >= targets.residents_share.minPct;
  const reach = (pick: (c: CommuneRecord) => boolean) => {
    const group = known.filter((c) => pick(c.commune));
    return shareOf(
      group.reduce((n, c) => n + c.cardsToDate, 0),
      group.reduce((n, c) => n + c.commune.population!, 0) || null,
    );
  };
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
      cardsToDate: communes.reduce((n, c) => n + c.cardsToDate, 0),
      sharePct,
      shareMet,
      behind: indicators.filter((i) => i.met === false).length + (shareMet === false ? 1 : 0),
    },
    ruralReachPct: reach((c) => c.rural),
    disadvantagedReachPct: reach((c) => c.disadvantaged),
  };
}
