// The kiosk UI: loads what kind of kiosk this is, then shows the screen the route names.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Maintenance as MaintenanceInfo, SystemInfo } from '#contract/system';
import { useApi } from './api/context';
import { ConfigError } from './screens/ConfigError';
import { Home } from './screens/Home';
import { Maintenance } from './screens/Maintenance';
import { prefetchResidentScreens, screens } from './screens/routes';
import { useRoute, useSubRoute } from './router';

// The resident screens' idle rule is not needed to show home (issue #23's first-screen budget): it
// comes with the first screen a resident opens.
const ResidentIdle = lazy(() => import('./session/ResidentIdle').then((module) => ({ default: module.ResidentIdle })));

export function App() {
  const api = useApi();
  const { t } = useTranslation('common');
  const route = useRoute();
  const sub = useSubRoute();
  const [info, setInfo] = useState<SystemInfo>();
  const [failed, setFailed] = useState(false);
  const [maintenance, setMaintenance] = useState<MaintenanceInfo | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      api.call('system.info', {}).then(
        (value) => {
          if (cancelled) return;
          setInfo(value);
          setMaintenance(value.maintenance);
          setFailed(false);
          prefetchResidentScreens();
        },
        () => {
          if (cancelled) return;
          setFailed(true);
          setTimeout(load, 2000);
        },
      );
    void load();
    return () => {
      cancelled = true;
    };
  }, [api]);
  useEffect(() => api.on('system.maintenance', (event) => setMaintenance(event.maintenance)), [api]);

  if (!info) {
    return (
      <main className="content" aria-busy={!failed}>
        <p role="status">{failed ? t('connecting') : t('loading')}</p>
      </main>
    );
  }
  if (info.mode === 'misconfigured') return <ConfigError info={info} />;
  // Out of service for residents; staff still reach their screens to put the PC back.
  if (maintenance && route !== 'staff') return <Maintenance since={maintenance} />;
  if (route === 'home') return <Home info={info} />;
  const Screen = screens[route];
  const loading = (
    <main className="content" aria-busy>
      <p role="status">{t('loading')}</p>
    </main>
  );
  const screen = (
    <Suspense fallback={loading}>
      <Screen info={info} />
    </Suspense>
  );
  // The staff area has its own, shorter lock; the internet placeholder pages are frames inside a session.
  if (route === 'staff') return screen;
  return (
    <Suspense fallback={loading}>
      <ResidentIdle active={!(route === 'internet' && (sub === 'frame' || sub === 'wipe'))}>{screen}</ResidentIdle>
    </Suspense>
  );
}
