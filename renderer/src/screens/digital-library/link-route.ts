// How Thư viện số opens an online link. When the library counts such links as internet time
// (eresources.linksCountAsInternetTime), the page must be seen inside a running internet session so
// its countdown takes the minutes; without a session the resident is sent to sign in first.
import type { InternetState } from '#contract/internet';
import type { OpenResponse } from '#contract/eresources';

export type LinkRoute =
  /** The URL policy refuses it: only the explanation is shown. */
  | 'blocked'
  /** Free to view: opened directly, no internet minutes taken. */
  | 'open'
  /** Counts as internet time and a session is running: opened in that session's browsing area. */
  | 'throughSession'
  /** Counts as internet time and no session is running: sign in at Truy cập Internet first. */
  | 'needsSession';

export function linkRoute(link: NonNullable<OpenResponse['link']>, internetPhase: InternetState['phase'] | undefined): LinkRoute {
  if (link.decision.decision !== 'allow') return 'blocked';
  if (!link.countsAsInternetTime) return 'open';
  return internetPhase === 'active' ? 'throughSession' : 'needsSession';
}
