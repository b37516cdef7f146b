// Where a kiosk keeps its data when no --data-dir is given, per operating system.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'commune-kiosk';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.KIOSK_DATA_DIR) return env.KIOSK_DATA_DIR;
  if (platform === 'win32') return join(env.PROGRAMDATA ?? env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), APP_DIR_NAME);
}

/** The data directory a newcomer's `npm start` uses when nothing is configured: never a real kiosk's. */
export function demoDataDir(base = defaultDataDir()): string {
  return join(base, 'demo');
}

/** No --data-dir: the default folder if a technician configured it, else the demo folder. */
export function chooseDataDir(explicit: string | undefined): string {
  if (explicit) return explicit;
  const base = defaultDataDir();
  return existsSync(join(base, 'kiosk.config.json')) ? base : demoDataDir(base);
}
