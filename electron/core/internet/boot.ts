// Which boot of the PC this is, and what a restart proves about the session that was open. What
// survives a program restart but not a power cut or a reboot: Linux's boot_id (a new random id at
// every boot) and the time since boot (CLOCK_BOOTTIME through /proc/uptime on Linux,
// GetTickCount64 on Windows, both through os.uptime()), which only grows within one boot whatever
// the wall clock does. The wall clock proves nothing: it may have been changed, or crossed
// midnight, while the kiosk was down. Injectable so tests choose the instants on purpose.
import { existsSync, readFileSync } from 'node:fs';
import { uptime } from 'node:os';

export interface BootProbe {
  /** An id that changes at every boot where the OS offers one (Linux boot_id), else ''. */
  bootId(): string;
  /** Seconds since the OS started: it only grows within one boot, whatever the wall clock does. */
  uptimeSeconds(): number;
}

const LINUX_BOOT_ID = '/proc/sys/kernel/random/boot_id';

export const systemBootProbe: BootProbe = {
  bootId: () => (existsSync(LINUX_BOOT_ID) ? readFileSync(LINUX_BOOT_ID, 'utf8').trim() : ''),
  uptimeSeconds: () => uptime(),
};

/** Same boot when the ids agree and uptime has not gone backwards (Windows has no boot id). */
export function sameBoot(saved: { bootId: string; uptimeSeconds: number }, probe: BootProbe): boolean {
  if (saved.bootId !== probe.bootId()) return false;
  return probe.uptimeSeconds() + 1 >= saved.uptimeSeconds;
}

/** What the restart saw, kept with a session it ended (internet_sessions.end_evidence). */
export interface RestartEvidence {
  savedBootId: string;
  bootId: string;
  savedUptimeSeconds: number;
  uptimeSeconds: number;
  /** Wall-clock time between the last checkpoint and now, as the (possibly changed) clock says. */
  wallSeconds: number;
  why: 'same_boot' | 'uptime_agrees_with_clock' | 'boot_changed' | 'uptime_went_back' | 'no_boot_id_and_clock_disagrees';
}

/** Without a boot id, uptime and the wall clock must tell the same story within this much. */
const AGREEMENT_SECONDS = 120;

/**
 * Resume only when the evidence says just the program stopped: the same boot id with an uptime that
 * grew. Where the OS gives no boot id (Windows), a grown uptime that agrees with the wall clock is
 * taken as proof; if the clock was changed meanwhile nothing proves it, so the session ends as a
 * power cut (never as a crash, which would claim the program alone stopped).
 */
export function judgeRestart(
  saved: { bootId: string; uptimeSeconds: number; checkpointAt: string },
  probe: BootProbe,
  now: number,
): { resume: boolean; evidence: RestartEvidence } {
  const bootId = probe.bootId();
  const uptimeSeconds = probe.uptimeSeconds();
  const wallSeconds = Math.round((now - Date.parse(saved.checkpointAt)) / 1000);
  const base = { savedBootId: saved.bootId, bootId, savedUptimeSeconds: saved.uptimeSeconds, uptimeSeconds, wallSeconds };
  const grew = uptimeSeconds + 1 >= saved.uptimeSeconds;
  if (saved.bootId !== '' && bootId !== '') {
    if (saved.bootId !== bootId) return { resume: false, evidence: { ...base, why: 'boot_changed' } };
    return grew ? { resume: true, evidence: { ...base, why: 'same_boot' } } : { resume: false, evidence: { ...base, why: 'uptime_went_back' } };
  }
  if (!grew) return { resume: false, evidence: { ...base, why: 'uptime_went_back' } };
  const agrees = Math.abs(uptimeSeconds - saved.uptimeSeconds - wallSeconds) <= AGREEMENT_SECONDS;
  return agrees
    ? { resume: true, evidence: { ...base, why: 'uptime_agrees_with_clock' } }
    : { resume: false, evidence: { ...base, why: 'no_boot_id_and_clock_disagrees' } };
}
