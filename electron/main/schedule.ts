// When the kiosk restarts itself at night, and how a crashed or hung renderer is recovered.
// Pure so the timing is tested without Electron.

import { DAY_MS, localMidnight } from '../../common/calendar';

/**
 * The next instant (epoch ms) at local time HH:MM (Vietnam, no DST) strictly after `now`;
 * undefined when nightly restart is off. A kiosk that started less than an hour before the
 * restart time waits for the next night, so a restart never follows a power cut immediately.
 */
export function nextRestartAt(now: number, time: string | null, startedAt: number = now - DAY_MS): number | undefined {
  if (!time) return undefined;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  let at = localMidnight(now) + minutes * 60_000;
  if (at <= now) at += DAY_MS;
  if (at - startedAt < 60 * 60 * 1000) at += DAY_MS;
  return at;
}

/** A renderer that crashed or stopped responding is reloaded at the home screen within this time. */
export const RECOVER_WITHIN_MS = 5000;
/** After this many crashes in ten minutes, stop reloading in a loop and restart the whole app. */
export const CRASHES_BEFORE_RELAUNCH = 3;

export function recoveryAction(crashTimes: readonly number[], now: number): 'reload' | 'relaunch' {
  const recent = crashTimes.filter((at) => now - at <= 10 * 60 * 1000);
  return recent.length >= CRASHES_BEFORE_RELAUNCH ? 'relaunch' : 'reload';
}
