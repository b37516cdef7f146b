// When the session's web pages must step aside (hidden) and fall silent, from the internet state the
// screens see: Electron's tabs (main/browsing.ts) follow this, and the browser-mode stand-in page is
// unmounted by the renderer in the same states. Here, so the rule runs in tests without Electron.
import type { InternetState } from '#contract/internet';

export interface TabsAside {
  /** "Bạn còn dùng máy không?" shows: the question and its button must never be under a page. */
  asking: boolean;
  /** Nobody who may see the pages is at the screen: the resident stepped away, or staff locked the session. */
  withheld: boolean;
}

export function tabsAside(state: InternetState): TabsAside {
  const session = state.session;
  return {
    asking: (session?.inactiveEndsInSeconds ?? null) !== null,
    withheld: (session?.awayEndsInSeconds ?? null) !== null || session?.locked === true,
  };
}
