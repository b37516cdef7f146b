// Browser mode: the placeholder origin's wipe page. Loaded hidden by the kiosk screen at the end of a
// session (and when the internet screen opens); clears this origin and tells the kiosk it is done.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wipeStep, type WipeStep } from '#contract/internet';
import { wipeThisOrigin } from './browser-wipe';

function requestedSteps(): WipeStep[] {
  const query = location.hash.split('?')[1] ?? '';
  const raw = new URLSearchParams(query).get('steps') ?? '';
  return raw.split(',').flatMap((s) => (wipeStep.safeParse(s).success ? [s as WipeStep] : []));
}

export function WipePage() {
  const { t } = useTranslation('internet');
  const [done, setDone] = useState(false);
  useEffect(() => {
    void wipeThisOrigin(requestedSteps()).finally(() => {
      setDone(true);
      // Only the kiosk screen (the other loopback origin) embeds this page; the message carries no data.
      window.parent.postMessage({ kind: 'internet-wiped' }, '*');
    });
  }, []);
  return <p role="status">{done ? t('wipe.done') : t('wipe.running')}</p>;
}
