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
