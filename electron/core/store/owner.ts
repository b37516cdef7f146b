// One owner per data folder. The process that serves the kiosk from a data folder (browser-mode
// host, Electron main, later the room hub) holds an OS-level lock for its whole life; anything else
// opening the folder meanwhile is a guest that does no start-up housekeeping.
//
// Why a SQLite file in EXCLUSIVE locking mode rather than a pid file or proper-lockfile: SQLite
// takes a real OS lock (fcntl on Linux, LockFileEx on Windows) that the kernel drops the moment the
// process dies, however it dies (SIGKILL, power cut), so there is no staleness to guess from a
// timestamp or a pid that may have been reused. better-sqlite3 is already a dependency on every
// target, and SQLite's Unix VFS keeps the lock when another connection in the same process opens
// and closes the same file (a plain fcntl lock would be dropped then). The holder's pid and start
// time go to a small JSON file beside it, because nobody else can read the locked database.
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KioskError } from '../errors';

export const OWNER_LOCK_FILE = 'kiosk.owner.lock';
export const OWNER_INFO_FILE = 'kiosk.owner.json';

export type OwnerRole = 'host' | 'electron' | 'cli' | 'hub';

export interface OwnerInfo {
  pid: number;
  /** When the holding process started (ISO, from its clock). */
  startedAt: string;
  role: OwnerRole;
}

export interface OwnerLock {
  readonly info: OwnerInfo;
  release(): void;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Who holds the folder according to its info file (the lock itself is the truth; this names it). */
export function readOwnerInfo(dataDir: string): OwnerInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, OWNER_INFO_FILE), 'utf8')) as Partial<OwnerInfo>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'string') return undefined;
    return { pid: parsed.pid, startedAt: parsed.startedAt, role: parsed.role ?? 'host' };
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock now, or returns undefined when another process holds it. */
export function tryClaimDataDir(dataDir: string, info: OwnerInfo): OwnerLock | undefined {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, OWNER_LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock; in this locking mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS owner (pid INTEGER NOT NULL, started_at TEXT NOT NULL)');
    db.exec('DELETE FROM owner');
    db.prepare('INSERT INTO owner (pid, started_at) VALUES (?, ?)').run(info.pid, info.startedAt);
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (isBusy(error)) return undefined;
    throw error;
  }
  const infoFile = join(dataDir, OWNER_INFO_FILE);
  writeFileSync(`${infoFile}.tmp`, `${JSON.stringify(info)}\n`);
  renameSync(`${infoFile}.tmp`, infoFile);
  let released = false;
  return {
    info,
    release() {
      if (released) return;
      released = true;
      rmSync(infoFile, { force: true });
      db.close();
    },
  };
}

/** The Vietnamese sentence a second kiosk (or a refused command) shows. */
export function ownedMessage(dataDir: string, holder: OwnerInfo | undefined, what = 'Kiosk không khởi động'): string {
  const who = holder ? `tiến trình ${holder.pid}, chạy từ ${holder.startedAt}` : 'một tiến trình khác';
  return (
    `${what} vì thư mục dữ liệu ${dataDir} đang được một kiosk khác dùng (${who}). ` +
    'Mỗi thư mục dữ liệu chỉ một kiosk được chạy. Hãy dùng kiosk đang chạy, hoặc tắt nó rồi thử lại.'
  );
}

export function ownedError(dataDir: string, what?: string): KioskError {
  const holder = readOwnerInfo(dataDir);
  return new KioskError('refused', ownedMessage(dataDir, holder, what), {
    reason: 'data_dir_owned',
    params: holder ? { pid: holder.pid, startedAt: holder.startedAt } : {},
  });
}

/** How long a starting kiosk waits for a predecessor that is still shutting down. */
export const OWNER_WAIT_MS = 10_000;

export interface ClaimOptions {
  /** How long to wait for a holder that is shutting down (ms); 0 refuses at once. */
  waitMs?: number;
  /** Told once, with the holder, when the lock is busy and we start waiting. */
  onWait?: (holder: OwnerInfo | undefined) => void;
  /** Polling period while waiting. */
  pollMs?: number;
}

/** Claims the folder, waiting up to `waitMs`; throws KioskError `data_dir_owned` naming the holder. */
export async function claimDataDir(dataDir: string, info: OwnerInfo, options: ClaimOptions = {}): Promise<OwnerLock> {
  const waitMs = options.waitMs ?? 0;
  const pollMs = options.pollMs ?? 100;
  // Waiting is bounded by polls, not by a clock: the lock frees itself when the holder dies.
  let polls = Math.ceil(waitMs / pollMs);
  let told = false;
  for (;;) {
    const lock = tryClaimDataDir(dataDir, info);
    if (lock) return lock;
    if (polls-- <= 0) throw ownedError(dataDir);
    if (!told) {
      told = true;
      options.onWait?.(readOwnerInfo(dataDir));
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
