// Locale-aware formatting for every screen: dates, times, numbers and durations in the kiosk's
// time zone (Asia/Ho_Chi_Minh), in the resident's language or Vietnamese when the browser has no
// data for it (e.g. Ê Đê). Use `useFormat()` in components.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from './index';

const KNOWN: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The Intl locale for an i18next language; languages Intl does not know format as Vietnamese. */
export function intlLocale(language: string): string {
  const wanted = KNOWN[language] ?? language;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : 'vi-VN';
  } catch {
    return 'vi-VN';
  }
}

export interface Formatters {
  /** 21/4/2026 (vi) · 21/04/2026 (en) */
  date(value: Date | string | number): string;
  /** thứ Ba, 21 tháng 4, 2026 */
  longDate(value: Date | string | number): string;
  /** 14:05 */
  time(value: Date | string | number): string;
  /** 1.234 (vi) · 1,234 (en) */
  number(value: number): string;
  /** 1 giờ 5 phút · 45 giây: a duration in seconds, largest units first, zero parts left out. */
  duration(seconds: number): string;
}

export function createFormatters(language: string): Formatters {
  const locale = intlLocale(language);
  const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: TIME_ZONE });
  const long = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const number = new Intl.NumberFormat(locale);
  const unit = (name: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' });
  const units = { hour: unit('hour'), minute: unit('minute'), second: unit('second') };
  return {
    date: (value) => short.format(toDate(value)),
    longDate: (value) => long.format(toDate(value)),
    time: (value) => time.format(toDate(value)),
    number: (value) => number.format(value),
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
