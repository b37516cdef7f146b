// Which boot of the PC this is: a kiosk restart keeps the boot (a session may resume), a power cut
// or reboot changes it (the session ended then). Injectable so tests can simulate a reboot.
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
