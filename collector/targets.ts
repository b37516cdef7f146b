// The programme's targets (lifelong-learning programme to 2030): yearly growth of four indicators
// and shares of residents reached. The administrator may set other values per year; the defaults
// apply to every year without its own row.
import type { DayIndicator } from '#contract/statistics';
import type { TargetRow } from './store/portal-types';

/** Indicators with a yearly growth target, in report order. */
export const GROWTH_INDICATORS = ['visits', 'items_served', 'rotation_loans', 'items_added'] as const satisfies readonly DayIndicator[];
export const SHARE_TARGETS = ['residents_share', 'rural_reach', 'disadvantaged_reach'] as const;
export const TARGET_KEYS = [...GROWTH_INDICATORS, ...SHARE_TARGETS] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export interface Target {
  minPct: number;
  maxPct: number;
}

export const DEFAULT_TARGETS: Record<TargetKey, Target> = {
  visits: { minPct: 7, maxPct: 9 },
  items_served: { minPct: 10, maxPct: 10 },
  rotation_loans: { minPct: 8, maxPct: 8 },
  items_added: { minPct: 8, maxPct: 8 },
  residents_share: { minPct: 14, maxPct: 20 },
  rural_reach: { minPct: 25, maxPct: 25 },
  disadvantaged_reach: { minPct: 20, maxPct: 20 },
};

export type TargetSet = Record<TargetKey, Target & { custom: boolean }>;

export function targetsFor(year: number, rows: TargetRow[]): TargetSet {
  const own = new Map(rows.filter((r) => r.year === year).map((r) => [r.indicator, r]));
  return Object.fromEntries(
    TARGET_KEYS.map((k) => {
      const row = own.get(k);
      return [k, row ? { minPct: row.minPct, maxPct: row.maxPct, custom: true } : { ...DEFAULT_TARGETS[k], custom: false }];
    }),
  ) as TargetSet;
}

/** "7–9 %" or "10 %", with a Vietnamese decimal comma. */
export function targetText(t: Target): string {
  const n = (v: number) => String(v).replace('.', ',');
  return t.minPct === t.maxPct ? `${n(t.minPct)} %` : `${n(t.minPct)}–${n(t.maxPct)} %`;
}
