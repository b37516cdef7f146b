// Locale-aware formatting for every screen: dates, times, numbers and durations in the kiosk's
// time zone (Asia/Ho_Chi_Minh), in the resident's language or Vietnamese when the browser has no
// data for it (e.g. Ê Đê). Use `useFormat()` in components.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatDay, formatTime, intlLocale, longDateFormatter } from '../../../common/calendar';

export { intlLocale };

export interface Formatters {
  /** 21/04/2026 in every language (day first): an instant's local date. */
  date(value: Date | string | number): string;
  /** 21/04/2026 14:05 */
  dateTime(value: Date | string | number): string;
  /** 2026-04-21 → 21/04/2026: a calendar day (due dates, card expiry). */
  day(isoDay: string): string;
  /** thứ Ba, 21 tháng 4, 2026 */
  longDate(value: Date | string | number): string;
  /** 14:05 */
  time(value: Date | string | number): string;
  /** 1.234 (vi) · 1,234 (en) */
  number(value: number): string;
  /** 12,5 (vi) · 12.5 (en): at most one decimal, or at most `digits`. */
  decimal(value: number, digits?: number): string;
  /** 1 giờ 5 phút · 45 giây: a duration in seconds, largest units first, zero parts left out. */
  duration(seconds: number): string;
}

export function createFormatters(language: string): Formatters {
  const locale = intlLocale(language);
  const number = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const unit = (name: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' });
  const units = { hour: unit('hour'), minute: unit('minute'), second: unit('second') };
  return {
    date: formatDate,
    dateTime: formatDateTime,
    day: formatDay,
    longDate: longDateFormatter(language),
    time: formatTime,
    number: (value) => number.format(value),
    decimal: (value, digits = 1) => (digits === 1 ? decimal : new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value),
    duration(seconds) {
      const total = Math.max(0, Math.round(seconds));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const parts = [h ? units.hour.format(h) : '', m ? units.minute.format(m) : '', s || total === 0 ? units.second.format(s) : ''].filter(Boolean);
      return parts.join(' ');
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
