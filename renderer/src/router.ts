// Screen routing by URL hash (#/search), so a reload or a test can land on any screen.
import { useSyncExternalStore } from 'react';

export type RouteId = 'home' | 'circulation' | 'internet' | 'digital-library' | 'search' | 'staff';

const ROUTES: readonly RouteId[] = ['home', 'circulation', 'internet', 'digital-library', 'search', 'staff'];

export function parseRoute(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTES as readonly string[]).includes(id) ? (id as RouteId) : 'home';
}

export function navigate(route: RouteId): void {
  location.hash = route === 'home' ? '#/' : `#/${route}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, () => parseRoute(location.hash));
}

/** The segment after the route (#/staff/self-test → 'self-test'), or '' when there is none. */
export function parseSubRoute(hash: string): string {
  const rest = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const segment = rest.split('/')[1] ?? '';
  return /^[a-z0-9-]{1,64}$/.test(segment) ? segment : '';
}

export function navigateSub(route: Exclude<RouteId, 'home'>, sub: string): void {
  location.hash = sub ? `#/${route}/${sub}` : `#/${route}`;
}

export function useSubRoute(): string {
  return useSyncExternalStore(subscribe, () => parseSubRoute(location.hash));
}
