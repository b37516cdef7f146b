// Where a host name really points. The URL policy judges the name; this asks DNS (node:dns, the
// system resolver Chromium also reads on Linux) so a public-looking name that resolves to the
// router or the kiosk itself is blocked too. Answers are cached briefly: a page loads many
// resources from one host. A rebinding server answering differently a moment later gains nothing:
// the egress proxy (egress-proxy.ts) connects only to the address judged here.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Wraps a resolver with a small time-bounded cache; failures are not cached. */
export function cachedResolver(resolve: HostResolver, monotonic: () => number, ttlMs = 30_000, max = 500): HostResolver {
  const cache = new Map<string, { at: number; addresses: Promise<string[]> }>();
  return (host) => {
    const hit = cache.get(host);
    if (hit && monotonic() - hit.at < ttlMs) return hit.addresses;
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    const addresses = resolve(host);
    cache.set(host, { at: monotonic(), addresses });
    addresses.catch(() => cache.delete(host));
    return addresses;
  };
}

/** A host that is already an address needs no lookup. */
export function needsLookup(host: string): boolean {
  return !host.startsWith('[') && isIP(host) === 0;
}
