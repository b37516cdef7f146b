// The decision for one request of a tab, any frame or worker: the URL policy on its address, then
// the resolved addresses of its host (a name pointing into the room's network is blocked like the
// address itself). Subresources may use ws:/wss: (same rules as http/https); everything else
// follows decideUrl. Total: a malformed URL or a failing resolver gives a decision, never a throw.
import { isIP } from 'node:net';
import { isLocalAddress, normaliseHost } from '../host';
import { decideUrl, type UrlDecision, type UrlPolicy } from '../url-policy';
import { needsLookup, type HostResolver } from './resolve';

const LOCAL_REASON = 'Máy tính công cộng không mở được địa chỉ trong mạng nội bộ của phòng đọc. Hãy mở một trang web trên Internet.';

export interface RequestPolicy {
  policy: UrlPolicy;
  resolve: HostResolver;
}

function asWebUrl(url: string): string {
  return url.replace(/^ws(s?):/i, 'http$1:');
}

export async function decideRequest(rules: RequestPolicy, url: string): Promise<UrlDecision> {
  return (await decideDestination(rules, url)).decision;
}

/**
 * The decision and, when allowed, the addresses it was taken on: the egress proxy connects to one of
 * exactly these, so DNS cannot answer Chromium differently afterwards (rebinding). An empty list
 * means the name was not looked up (an address literal, or DNS failed: nothing to pin).
 */
export async function decideDestination(rules: RequestPolicy, url: string): Promise<{ decision: UrlDecision; addresses: string[] }> {
  const decision = decideUrl(rules.policy, asWebUrl(url));
  if (decision.decision === 'block') return { decision, addresses: [] };
  let host = '';
  let port = '';
  try {
    const parsed = new URL(decision.url ?? url);
    host = normaliseHost(parsed.hostname);
    port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  } catch {
    return { decision, addresses: [] };
  }
  if (!host || !needsLookup(host)) return { decision, addresses: [] };
  let addresses: string[];
  try {
    addresses = await rules.resolve(host);
  } catch {
    // Chromium cannot reach a name DNS does not know either; nothing to protect.
    return { decision, addresses: [] };
  }
  // An exception names a destination: by the name typed, or by the address a name resolves to.
  const exceptions = rules.policy.localExceptions ?? [];
  const excepted = (address: string) =>
    exceptions.includes(`${host}:${port}`) || exceptions.includes(isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`);
  const local = addresses.find((address) => isLocalAddress(address) && !excepted(address));
  if (local)
    return {
      decision: { decision: 'block', rule: 'local-address', pattern: local, reason: LOCAL_REASON, ...(decision.url ? { url: decision.url } : {}) },
      addresses: [],
    };
  return { decision, addresses };
}
