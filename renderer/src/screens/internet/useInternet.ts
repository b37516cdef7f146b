// The resident-facing internet state, kept current from `internet.state` events, plus the helpers
// every part of the screen shares (error text, time formatting).
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { InternetState } from '#contract/internet';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';

export function useInternetState(): InternetState | undefined {
  const api = useApi();
  const [state, setState] = useState<InternetState>();
  useEffect(() => {
    let live = true;
    const off = api.on('internet.state', (s) => live && setState(s));
    api.call('internet.status', {}).then(
      (s) => live && setState(s),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return state;
}

/** mm:ss, or h:mm:ss past an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The translated sentence for a refusal; the core's own Vietnamese sentence when no key exists. */
// i18n-namespace: internet
export function errorText(t: TFunction, error: unknown): string {
  return apiErrorText(t, error, 'errors.unexpected');
}

/** The other loopback name of the browser-mode host: a separate origin (own cookies and storage) for the placeholder page. */
export function placeholderOrigin(): string | null {
  const { protocol, hostname, port } = location;
  if (protocol !== 'http:') return null;
  const other = hostname === '127.0.0.1' ? 'localhost' : hostname === 'localhost' ? '127.0.0.1' : null;
  return other ? `${protocol}//${other}${port ? `:${port}` : ''}` : null;
}
