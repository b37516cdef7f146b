// Online resources go through the kiosk's URL policy (the same decision the browsing surface makes)
// before a resident is offered them.
import type { KioskContext } from '../context';
import { decideUrl, type UrlPolicy } from '../internet/url-policy';

export function linkPolicy(ctx: KioskContext): UrlPolicy {
  const policy = ctx.config.internet.urlPolicy;
  return { mode: policy.mode, allow: policy.allow, block: policy.block };
}

export function decideLink(ctx: KioskContext, url: string) {
  const decision = decideUrl(linkPolicy(ctx), url);
  return {
    decision: { decision: decision.decision, rule: decision.rule, reason: decision.reason, url: decision.url ?? null },
    countsAsInternetTime: ctx.config.eresources.linksCountAsInternetTime,
  };
}
