// Naming, listing and pruning the daily backups in <dataDir>/backups. Pure functions over names
// and times so the retention rule is tested without a disk.
import { DAY_MS, localInstant, localStamp } from '../../../common/calendar';

export const BACKUP_DIR = 'backups';
export const BACKUP_PATTERN = /^kiosk-(\d{8})-(\d{6})\.sqlite$/;

/** kiosk-YYYYMMDD-HHMMSS.sqlite in Vietnam time, so names sort by when they were taken. */
export function backupFileName(at: number): string {
  return `kiosk-${localStamp(at)}.sqlite`;
}

/** The instant a backup name records (Vietnam time), or undefined for foreign files. */
export function backupTime(name: string): number | undefined {
  const match = BACKUP_PATTERN.exec(name);
  if (!match) return undefined;
  const [, d, t] = match as unknown as [string, string, string];
  const at = localInstant(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, `${t.slice(0, 2)}:${t.slice(2, 4)}`, Number(t.slice(4, 6)));
  return Number.isNaN(at) ? undefined : at;
}

/** Backups newest first; files that are not kiosk backups are ignored (never deleted). */
export function sortBackups(names: readonly string[]): string[] {
  return names
    .filter((name) => backupTime(name) !== undefined)
    .sort()
    .reverse();
}

/** Which backups to delete so only the newest `keep` remain. */
export function backupsToDelete(names: readonly string[], keep: number): string[] {
  return sortBackups(names).slice(Math.max(1, keep));
}

const STRAY = /^kiosk-\d{8}-\d{6}\.sqlite(\.partial)?(-wal|-shm|-journal)?$/;

/**
 * Leftovers beside the backups: `FILE.partial` of a backup cut short, and the `-wal`/`-shm` files
 * earlier versions left after every backup. `busy` are the partial files of backups under way.
 */
export function strayBackupFiles(names: readonly string[], busy: ReadonlySet<string> = new Set()): string[] {
  return names.filter((name) => STRAY.test(name) && !BACKUP_PATTERN.test(name) && ![...busy].some((partial) => name.startsWith(partial)));
}

/** A daily backup is due when none exists or the newest is at least a day old (or from the future: clock was wrong). */
export function isBackupDue(names: readonly string[], now: number): boolean {
  const newest = sortBackups(names)[0];
  if (!newest) return true;
  const at = backupTime(newest)!;
  return now - at >= DAY_MS || at - now > DAY_MS;
}
