// Joins the URL policy with the session's web protection: the category lists follow whoever is
// using the PC now (a child's session gets the family-safe lists), local exceptions come from the
// configuration, and the staff page reads what is really in force from here.
import type { WebProtectionState } from '#contract/internet';
import type { KioskContext } from '../context';
import type { InternetConfig } from './config';
import { openSession } from './sessions-store';
import type { UrlPolicy } from './url-policy';
import { categoryMatch, loadCategoryLists, protectionFor, type Protection } from './web-protection';

export function attachWebProtection(
  ctx: KioskContext,
  config: InternetConfig,
  base: UrlPolicy,
  resourcesDir: string,
): { policy: UrlPolicy; protectionState: () => WebProtectionState; protectionNow: () => Protection } {
  const lists = loadCategoryLists(resourcesDir, ctx.dataDir);
  for (const name of config.webProtection.adultLists) {
    if (!lists.has(name)) ctx.log.log('warn', 'internet.category_list_missing', { list: name });
  }
  const protectionNow = (): Protection => {
    const open = openSession(ctx.db);
    // No session (the CLI's check, the address bar before sign-in): an adult's protection.
    if (!open) return protectionFor(config.webProtection, '');
    return protectionFor(config.webProtection, open.guestPassId !== null ? null : open.category);
  };
  const policy: UrlPolicy = {
    ...base,
    localExceptions: config.localExceptions,
    categoryBlock: (host) => categoryMatch(lists, protectionNow(), host),
  };
  const protectionState = (): WebProtectionState => ({
    current: protectionNow(),
    childCategories: config.webProtection.childCategories,
    adultLists: config.webProtection.adultLists,
    guestsAsChildren: config.webProtection.guestsAsChildren,
    lists: [...lists.values()].map((l) => ({ name: l.name, entries: l.entries, updated: !l.source.startsWith(resourcesDir) })),
    localNetworkBlocked: true,
    localExceptions: config.localExceptions,
    urlPolicyMode: base.mode,
  });
  return { policy, protectionState, protectionNow };
}
