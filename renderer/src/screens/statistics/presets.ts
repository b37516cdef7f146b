// The period presets of the reports page, computed from today's date in Vietnam.
import { localDay } from '../../../../common/calendar';

export type PresetId = 'month' | 'quarter' | 'half' | 'year' | 'lastYear';
export const PRESETS: PresetId[] = ['month', 'quarter', 'half', 'year', 'lastYear'];

export function todayInVietnam(now = Date.now()): { year: number; month: number } {
  const [y, m] = localDay(now).split('-');
  return { year: Number(y), month: Number(m) };
}

export function presetPeriod(id: PresetId, now = Date.now()): string {
  const { year, month } = todayInVietnam(now);
  switch (id) {
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
    case 'lastYear':
      return String(year - 1);
  }
}
