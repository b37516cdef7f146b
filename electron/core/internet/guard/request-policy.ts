// The decision for one request of a tab, any frame or worker: the URL policy on its address, then
// the resolved addresses of its host (a name pointing into the room's network is blocked like the
// address itself). Subresources may use ws:/wss: (same rules as http/https); everything else
// follows decideUrl. Total: a malformed URL or a failing resolver gives a decision, never a throw.
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
  const decision = decideUrl(rules.policy, asWebUrl(url));
  if (decision.decision === 'block') return decision;
  let host = '';
  let port = '';
  try {
    const parsed = new URL(decision.url ?? url);
    host = normaliseHost(parsed.hostname);
    port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  } catch {
    return decision;
  }
  if (!host || !needsLookup(host)) return decision;
  let addresses: string[];
  try {
    addresses = await rules.resolve(host);
  } catch {
    // Chromium cannot reach a name DNS does not know either; nothing to protect.
    return decision;
  }
  const local = addresses.find((address) => isLocalAddress(address) && !(rules.policy.localExceptions ?? []).includes(`${host}:${port}`));
  if (local) return { decision: 'block', rule: 'local-address', pattern: local, reason: LOCAL_REASON, ...(decision.url ? { url: decision.url } : {}) };
  return decision;
}
