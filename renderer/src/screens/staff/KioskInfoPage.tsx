// Staff page "about this kiosk": what a technician on the phone asks staff to read out
// (software version, library, commune code, operating mode).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../../electron/contract/system';
import { useApi } from '../../api/context';

export function KioskInfoPage() {
  const api = useApi();
  const { t } = useTranslation('staff');
  const [info, setInfo] = useState<SystemInfo>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.call('system.info', {}).then(
      (value) => !cancelled && setInfo(value),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (failed) return <p className="banner error" role="alert">{t('errors.unavailable')}</p>;
  if (!info) return <p role="status">{t('loading')}</p>;
  const rows: [string, string][] = [
    [t('kioskInfo.library'), info.libraryName],
    [t('kioskInfo.communeCode'), info.communeCode ?? t('kioskInfo.none')],
    [t('kioskInfo.mode'), t(`kioskInfo.modes.${info.mode}`)],
    [t('kioskInfo.version'), info.version],
    [t('kioskInfo.language'), info.language],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
