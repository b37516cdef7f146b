// Decisions the browsing surface asks for: session-bar commands, web addresses (through the URL
// policy), permissions; and the tabs it reports back to the screens.
import type { BrowseRequest, BrowserTabs } from '#contract/internet';
import type { InternetContext } from './context';
import { requirePresent } from './step-away';
import { addressToUrl, decideUrl, type UrlDecision } from './url-policy';

/** A command from the session bar: navigations go through the URL policy first. */
export function browse(ic: InternetContext, request: BrowseRequest): { handled: boolean; decision?: UrlDecision } {
  requirePresent(ic);
  let decision: UrlDecision | undefined;
  if (request.action === 'navigate') {
    decision = decideUrlFor(ic, addressToUrl(request.url ?? ''));
    if (decision.decision === 'block') return { handled: ic.surface !== undefined, decision };
  }
  if (!ic.surface) return { handled: false, ...(decision ? { decision } : {}) };
  ic.surface.command({ ...request, ...(decision?.url ? { url: decision.url } : {}) });
  return { handled: true, ...(decision ? { decision } : {}) };
}

export function decideUrlFor(ic: InternetContext, url: string): UrlDecision {
  return decideUrl(ic.policy, url);
}

export function permissionAllowed(ic: InternetContext, permission: string): boolean {
  return (ic.config.allowedPermissions as readonly string[]).includes(permission);
}

export function publishTabs(ic: InternetContext, tabs: BrowserTabs): void {
  ic.kiosk.bus.emit('internet.tabs', tabs);
}
