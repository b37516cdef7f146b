// Browser mode's part of the wipe plan: clears what web pages of this origin can leave behind
// (cookies, local and session storage, IndexedDB, Cache Storage, service workers). Electron clears
// its session partition in the main process instead.
import type { WipeStep } from '#contract/internet';

export async function wipeThisOrigin(steps: readonly WipeStep[]): Promise<void> {
  try {
    await wipe(steps);
  } catch {
    // A third-party frame may be denied storage altogether: then it holds nothing to clear.
  }
}

async function wipe(steps: readonly WipeStep[]): Promise<void> {
  if (steps.includes('cookies')) {
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0]?.trim();
      if (!name) continue;
      const segments = location.pathname.split('/');
      for (let i = 1; i <= segments.length; i++) {
        const path = segments.slice(0, i).join('/') || '/';
        document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
      }
    }
  }
  if (steps.includes('localStorage')) localStorage.clear();
  if (steps.includes('sessionStorage')) sessionStorage.clear();
  if (steps.includes('indexedDB') && 'databases' in indexedDB) {
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
  }
  if (steps.includes('cacheStorage') && 'caches' in window) {
    for (const key of await caches.keys()) await caches.delete(key);
  }
  if (steps.includes('serviceWorkers') && 'serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  }
}
