// Where the kiosk window may navigate: only inside app://kiosk. Other web contents (the internet
// session's browsing views) have their own URL policy; the kiosk UI itself never leaves its origin.
import { APP_ORIGIN } from './ipc-guard';

export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Web preferences every web contents must have; a contents created otherwise is refused. */
export function hasSafeWebPreferences(prefs: {
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webviewTag?: boolean;
}): boolean {
  return prefs.contextIsolation !== false && prefs.sandbox !== false && !prefs.nodeIntegration && !prefs.nodeIntegrationInSubFrames && !prefs.webviewTag;
}
