// Browser mode's stand-in for a web page, on its own origin (own cookies and storage, like a
// browsing partition): it shows the session's countdown and what the URL policy decided for the
// address typed, where the Electron kiosk would show the page itself.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UrlDecisionDto } from '#contract/internet';
import { useApi } from '../../api/context';
import { formatClock, useInternetState } from './useInternet';
import { wipeThisOrigin } from './browser-wipe';
import { useReportInput } from './report-input';

const ALL_STEPS = ['cookies', 'localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers'] as const;

function requestedUrl(): string {
  const query = location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('u') ?? '';
}

export function PlaceholderPage() {
  const api = useApi();
  const { t } = useTranslation('internet');
  const state = useInternetState();
  const [url] = useState(requestedUrl);
  const [decision, setDecision] = useState<UrlDecisionDto | null>(null);

  useEffect(() => {
    if (url) api.call('internet.checkUrl', { url }).then(setDecision, () => setDecision(null));
  }, [api, url]);

  // This page stands in for the browsing partition: it applies the core's wipe plan to its own
  // origin when the session ends, and clears leftovers whenever it opens with no session running.
  useEffect(() => api.on('internet.ended', (event) => void wipeThisOrigin(event.wipe)), [api]);
  const phase = state?.phase;
  useEffect(() => {
    if (phase !== undefined && phase !== 'active') void wipeThisOrigin(ALL_STEPS);
  }, [phase]);

  // Input on the stand-in page is input in the session, as on a real web page (report-input.ts).
  useReportInput(phase === 'active', (state?.session?.inactiveEndsInSeconds ?? null) !== null);

  const remaining = state?.session?.remainingSeconds;
  return (
    <main className="placeholder-page">
      <p className="placeholder-countdown" data-testid="frame-countdown">
        {remaining === undefined ? t('placeholder.noSession') : t('placeholder.remaining', { time: formatClock(remaining) })}
      </p>
      <h1>{t('placeholder.title')}</h1>
      <p className="hint">{t('placeholder.explain')}</p>
      {decision && (
        <section className={`banner ${decision.decision === 'allow' ? 'success' : 'error'}`} data-testid="frame-decision" data-decision={decision.decision}>
          <p>
            <strong>{decision.url ?? url}</strong>
          </p>
          <p>{decision.decision === 'allow' ? t('placeholder.allowed') : t('placeholder.blocked')}</p>
          <p>{decision.reason}</p>
          <p className="hint">{t('blocked.rule', { rule: t(`rules.${decision.rule}`, { defaultValue: decision.rule }) })}</p>
        </section>
      )}
    </main>
  );
}
