// Staff page "about this kiosk": what a technician on the phone asks staff to read out
// (software version, library, commune code, operating mode, terminal id and whether the PC must be
// enrolled again with the provincial statistics server).
import { formatDateTime } from '../../../../common/calendar';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '#contract/system';
import type { TerminalIdentity } from '#contract/technician';
import { useApi } from '../../api/context';
import { useLoad, type Loaded } from '../../api/useLoad';

/** Undefined while loading, null when the call failed. */
function orNull<T>(loaded: Loaded<T>): T | null | undefined {
  return loaded.error !== undefined ? null : loaded.value;
}

export function KioskInfoPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('staff');
  const system = useLoad<SystemInfo>(() => api.call('system.info', {}), [api]);
  // The identity and enrolment rows are extra: the basic facts still show when they fail.
  const identity: TerminalIdentity | null | undefined = orNull(useLoad(() => api.call('technician.identity', { staffToken }), [api, staffToken]));
  const enrolled: boolean | null | undefined = orNull(
    useLoad(() => api.call('upload.status', { staffToken }).then((status) => status.enrolled), [api, staffToken]),
  );
  const info = system.value;
  const failed = system.error !== undefined;

  if (failed)
    return (
      <p className="banner error" role="alert">
        {t('errors.unavailable')}
      </p>
    );
  if (!info) return <p role="status">{t('loading')}</p>;
  const when = formatDateTime;
  const enrolment = () => {
    if (identity?.resetAt && enrolled !== true) return t('kioskInfo.enrolmentNeeded', { when: when(identity.resetAt) });
    if (enrolled === true) return t('kioskInfo.enrolled');
    if (enrolled === false) return t('kioskInfo.notEnrolled');
    return t('kioskInfo.enrolmentUnknown');
  };
  const rows: [string, string, string][] = [
    ['library', t('kioskInfo.library'), info.libraryName],
    ['commune', t('kioskInfo.communeCode'), info.communeCode ?? t('kioskInfo.none')],
    ['mode', t('kioskInfo.mode'), t(`kioskInfo.modes.${info.mode}`)],
    ['version', t('kioskInfo.version'), info.version],
    ['language', t('kioskInfo.language'), info.language],
  ];
  if (identity) rows.push(['terminal', t('kioskInfo.terminalId'), identity.terminalId]);
  if (identity !== undefined && enrolled !== undefined) rows.push(['enrolment', t('kioskInfo.enrolment'), enrolment()]);
  return (
    <>
      <dl className="facts">
        {rows.map(([id, label, value]) => (
          <div key={id} data-fact={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {identity && !identity.machineIdKnown && <p className="banner warning">{t('kioskInfo.machineIdUnknown')}</p>}
    </>
  );
}
