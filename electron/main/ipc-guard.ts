// Decides whether an IPC message comes from the kiosk's own UI frame. Plain function so tests can
// call it without Electron: only the top frame served from app://kiosk may call the core.
export const APP_ORIGIN = 'app://kiosk';

export function isKioskFrame(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
