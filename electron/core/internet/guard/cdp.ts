// The one thing the browsing guard needs from a browser: send a DevTools Protocol command to a
// session and hear its events. Electron gives it through `webContents.debugger` (sendCommand with
// a sessionId for auto-attached frames and workers); tests give it through a CDP pipe to Debian's
// Chromium. The guard speaks only this, so the code a test runs is the code a kiosk runs.

/** Undefined session = the tab itself; child sessions (iframes, workers) carry the id CDP gave them. */
export type CdpSessionId = string | undefined;

export interface CdpChannel {
  send(method: string, params?: Record<string, unknown>, sessionId?: CdpSessionId): Promise<unknown>;
  /** Subscribes to every event of the tab and its child sessions; returns the unsubscribe. */
  onEvent(listener: (method: string, params: Record<string, unknown>, sessionId: CdpSessionId) => void): () => void;
}
