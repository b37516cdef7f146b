// Time policy arithmetic, pure: opening hours in local (Vietnam) time, what remains of each limit,
// and the allowance of a new session = the smallest of them. No clock, no store: callers pass both.
import { localTime, MINUTE_MS, weekStart, type LocalTime } from '../../../common/calendar';
import type { CategoryLimits, InternetConfig, OpeningInterval } from './config';

export { localTime, MINUTE_MS, weekStart, type LocalTime };

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type Hours = Pick<InternetConfig, 'openingHours' | 'closedDates' | 'specialHours'>;

export function intervalsOn(hours: Hours, day: string, weekday: LocalTime['weekday']): OpeningInterval[] {
  if (hours.closedDates.includes(day)) return [];
  return hours.specialHours[day] ?? hours.openingHours[weekday];
}

export type OpenState = { open: true; minutesUntilClose: number; closesAt: string } | { open: false; nextOpen: string | null };

/** Whether the room is open at `epochMs`, and for how many minutes more; or when it opens next. */
export function openState(hours: Hours, epochMs: number): OpenState {
  const now = localTime(epochMs);
  for (const interval of intervalsOn(hours, now.day, now.weekday)) {
    const open = toMinutes(interval.open);
    const close = toMinutes(interval.close);
    if (now.minuteOfDay >= open && now.minuteOfDay < close) {
      return { open: true, minutesUntilClose: close - now.minuteOfDay, closesAt: interval.close };
    }
  }
  // Look ahead up to two weeks for the next opening (holidays can run several days).
  for (let ahead = 0; ahead < 15; ahead++) {
    const t = localTime(epochMs + ahead * 86_400_000);
    const later = intervalsOn(hours, t.day, t.weekday).filter((i) => ahead > 0 || toMinutes(i.open) > now.minuteOfDay);
    const first = later.sort((a, b) => toMinutes(a.open) - toMinutes(b.open))[0];
    if (first) return { open: false, nextOpen: `${first.open} ${t.day.slice(8, 10)}/${t.day.slice(5, 7)}` };
  }
  return { open: false, nextOpen: null };
}

export interface Usage {
  minutesToday: number;
  minutesThisWeek: number;
  sessionsToday: number;
  /** Minutes staff added to this resident's day. */
  extraDayMinutes: number;
}

export type LimitName = 'session' | 'day' | 'week' | 'closing' | 'guest';

export type Allowance =
  | { ok: true; minutes: number; limitedBy: LimitName; closesAt: string }
  | {
      ok: false;
      reason: 'closed' | 'closing_soon' | 'sessions_used_up' | 'day_used_up' | 'week_used_up';
      message: string;
      params: Record<string, string | number>;
    };

/** Under one minute left is not worth starting: the resident would be cut off at once. */
export const MIN_START_MINUTES = 1;

/** The allowance of a session starting at `epochMs` for a resident with `limits` and `usage`. */
export function computeAllowance(hours: Hours, limits: CategoryLimits | { guestMinutes: number }, usage: Usage, epochMs: number): Allowance {
  const state = openState(hours, epochMs);
  if (!state.open) {
    return {
      ok: false,
      reason: 'closed',
      message: state.nextOpen
        ? `Phòng đọc đang ngoài giờ mở Internet. Mời bạn quay lại lúc ${state.nextOpen}.`
        : 'Phòng đọc hiện không mở dịch vụ Internet. Vui lòng hỏi cán bộ thư viện.',
      params: { nextOpen: state.nextOpen ?? '' },
    };
  }
  const candidates: [LimitName, number][] = [['closing', state.minutesUntilClose]];
  if ('guestMinutes' in limits) {
    candidates.push(['guest', limits.guestMinutes]);
  } else {
    if (usage.sessionsToday >= limits.sessionsPerDay) {
      return {
        ok: false,
        reason: 'sessions_used_up',
        message: `Hôm nay bạn đã dùng đủ ${limits.sessionsPerDay} lượt Internet. Mời bạn quay lại vào ngày mai.`,
        params: { sessions: limits.sessionsPerDay },
      };
    }
    const dayLeft = limits.dayMinutes + usage.extraDayMinutes - usage.minutesToday;
    if (dayLeft < MIN_START_MINUTES) {
      return {
        ok: false,
        reason: 'day_used_up',
        message: `Hôm nay bạn đã dùng hết ${limits.dayMinutes + usage.extraDayMinutes} phút Internet. Mời bạn quay lại vào ngày mai, hoặc hỏi cán bộ thư viện nếu cần thêm.`,
        params: { minutes: limits.dayMinutes + usage.extraDayMinutes },
      };
    }
    candidates.push(['session', limits.sessionMinutes], ['day', dayLeft]);
    if (limits.weekMinutes !== null) {
      const weekLeft = limits.weekMinutes + usage.extraDayMinutes - usage.minutesThisWeek;
      if (weekLeft < MIN_START_MINUTES) {
        return {
          ok: false,
          reason: 'week_used_up',
          message: `Tuần này bạn đã dùng hết ${limits.weekMinutes} phút Internet. Mời bạn quay lại vào thứ Hai tuần sau.`,
          params: { minutes: limits.weekMinutes },
        };
      }
      candidates.push(['week', weekLeft]);
    }
  }
  // On a tie the named limit beats closing, so "time up" is reported as the resident's own limit.
  const [limitedBy, minutes] = candidates.reduce((best, c) => (c[1] < best[1] || (c[1] === best[1] && best[0] === 'closing') ? c : best));
  if (limitedBy === 'closing' && minutes < MIN_START_MINUTES) {
    return {
      ok: false,
      reason: 'closing_soon',
      message: `Phòng đọc sắp đóng cửa lúc ${state.closesAt}, không đủ thời gian cho một lượt Internet. Mời bạn quay lại lần sau.`,
      params: { closesAt: state.closesAt },
    };
  }
  return { ok: true, minutes, limitedBy, closesAt: state.closesAt };
}
