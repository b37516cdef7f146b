// The browsing data a session leaves, cleared over CDP at its end: cookies, HTTP cache, and per
// origin every storage (local/session storage, IndexedDB, Cache Storage, service workers, file
// systems). Electron also drops the session's in-memory partition (browsing.ts); this is the part
// a test can run and then check from a fresh tab that nothing is left.
import type { CdpChannel } from './cdp';

export async function wipeBrowsingData(cdp: CdpChannel, origins: Iterable<string>): Promise<string[]> {
  const failed: string[] = [];
  const step = async (name: string, method: string, params: Record<string, unknown> = {}) => {
    try {
      await cdp.send(method, params);
    } catch {
      failed.push(name);
    }
  };
  await step('cookies', 'Network.clearBrowserCookies');
  await step('httpCache', 'Network.clearBrowserCache');
  for (const origin of origins) await step(`storage ${origin}`, 'Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  return failed;
}
