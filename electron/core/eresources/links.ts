// Online resources go through the kiosk's URL policy (the same decision, lists and block-list files
// the browsing surface uses) before a resident is offered them.
import type { KioskContext } from '../context';
import { decideUrl, type UrlPolicy } from '../internet/url-policy';
import { followPushedBlocks, pushedBlockHosts } from '../internet/pushed-blocks';
import { internetResourcesDir, loadUrlPolicy } from '../internet/url-rules';

const KIOSK_ORIGINS = ['app://kiosk', 'http://127.0.0.1', 'http://localhost'];
const policies = new WeakMap<KioskContext, UrlPolicy>();

export function linkPolicy(ctx: KioskContext): UrlPolicy {
  let policy = policies.get(ctx);
  if (!policy) {
    policy = loadUrlPolicy(ctx.config.internet.urlPolicy, KIOSK_ORIGINS, internetResourcesDir(), pushedBlockHosts(ctx.db)).policy;
    policies.set(ctx, policy);
    followPushedBlocks(ctx, policy.block as string[]);
  }
  return policy;
}

export function decideLink(ctx: KioskContext, url: string) {
  const decision = decideUrl(linkPolicy(ctx), url);
  return {
    decision: { decision: decision.decision, rule: decision.rule, reason: decision.reason, url: decision.url ?? null },
    countsAsInternetTime: ctx.config.eresources.linksCountAsInternetTime,
  };
}
