// SQL shared by both stores: the indicator columns (a fixed list from the contract, so they are
// safe identifiers) and the stale-revision rule.
import { DAY_INDICATORS, type DayIndicator } from '../../electron/contract/statistics';
import type { StoredDay } from './types';

export const COLUMNS: readonly DayIndicator[] = DAY_INDICATORS;

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
