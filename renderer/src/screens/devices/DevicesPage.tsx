// Technician/staff page "Thiết bị quét": the HID devices the kiosk opened (mode, state, why not
// connected), the keyboard-wedge settings, a field to try a scanner in, and the last scans with
// CCCD masked. Refreshes every 2 s so an unplugged device shows as disconnected and comes back.
import { formatTime } from '../../../../common/calendar';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDiagnostics, ScanEvent } from '#contract/devices';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useScan } from '../../devices/ScanProvider';
import '../../styles/devices.css';
import { Banner } from '../../components/Banner';

const REFRESH_MS = 2000;
const hex = (n: number) => n.toString(16).padStart(4, '0');

export function DevicesPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('devices');
  const [diagnostics, setDiagnostics] = useState<DeviceDiagnostics>();
  const [error, setError] = useState<string>();
  const [lastScan, setLastScan] = useState<ScanEvent>();
  const [trial, setTrial] = useState('');

  const load = useCallback(() => {
    api.call('devices.diagnostics', { staffToken }).then(
      (value) => (setDiagnostics(value), setError(undefined)),
      (failure: unknown) => setError(apiErrorText(t, failure, 'errors.unavailable')),
    );
  }, [api, staffToken, t]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  useScan((scan) => {
    setLastScan(scan);
    load();
  });

  const time = formatTime;

  return (
    <div className="devices-page">
      <Banner kind="error" text={error} />
      {lastScan && (
        <p className="banner success" role="status" data-testid="last-scan">
          {t('lastScan', { kind: t(`kinds.${lastScan.kind}`), source: t(`sources.${lastScan.source}`) })}
        </p>
      )}
      {diagnostics && (
        <>
          <section aria-labelledby="devices-hid">
            <h2 id="devices-hid">{t('hid.title')}</h2>
            <p>
              {diagnostics.hid.available ? t('hid.available') : t('hid.unavailable')} {t(`selection.${diagnostics.selection}`)}
              {diagnostics.simulated && <> {t('hid.simulated')}</>}
            </p>
            {diagnostics.hid.problem && <p className="banner error">{diagnostics.hid.problem}</p>}
            {diagnostics.devices.length === 0 ? (
              <p>{t('noDevices')}</p>
            ) : (
              <table className="devices-table" aria-label={t('table.label')}>
                <thead>
                  <tr>
                    <th scope="col">{t('table.name')}</th>
                    <th scope="col">{t('table.ids')}</th>
                    <th scope="col">{t('table.mode')}</th>
                    <th scope="col">{t('table.state')}</th>
                    <th scope="col">{t('table.scans')}</th>
                  </tr>
                </thead>
                <tbody>
                  {diagnostics.devices.map((device) => (
                    <tr key={`${device.simulated}-${device.id}`} data-state={device.state}>
                      <td>
                        {device.name}
                        {device.simulated && <span className="status-tag">{t('table.simulated')}</span>}
                      </td>
                      <td>
                        <code>
                          {hex(device.vendorId)}:{hex(device.productId)}
                        </code>
                      </td>
                      <td>{t(`modes.${device.mode}`)}</td>
                      <td>
                        <span className="status-tag" data-state={device.state}>
                          {t(`states.${device.state}`)}
                        </span>
                        {device.problem && <small className="device-problem">{device.problem}</small>}
                      </td>
                      <td>{device.lastScanAt ? t('table.scanCount', { count: device.scans, time: time(device.lastScanAt) }) : t('table.noScans')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="devices-wedge">
            <h2 id="devices-wedge">{t('wedge.title')}</h2>
            <p>
              {diagnostics.wedge.enabled
                ? t('wedge.rules', { ms: diagnostics.wedge.maxInterKeyMs, min: diagnostics.wedge.minLength, keys: diagnostics.wedge.terminators.join(', ') })
                : t('wedge.disabled')}
            </p>
            <label className="field">
              {t('wedge.trialLabel')}
              <input value={trial} onChange={(e) => setTrial(e.target.value)} autoComplete="off" />
              <small>{t('wedge.trialHelp')}</small>
            </label>
          </section>

          <section aria-labelledby="devices-recent">
            <h2 id="devices-recent">{t('recent.title')}</h2>
            {diagnostics.recentScans.length === 0 ? (
              <p>{t('recent.none')}</p>
            ) : (
              <ol className="recent-scans" aria-label={t('recent.title')}>
                {diagnostics.recentScans.map((scan, index) => (
                  <li key={`${scan.at}-${index}`}>
                    <span>{time(scan.at)}</span>
                    <span className="status-tag">{t(`kinds.${scan.kind}`)}</span>
                    <code>{scan.text}</code>
                    <span>
                      {t(`sources.${scan.source}`)}
                      {scan.symbology ? ` · ${scan.symbology}` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      {!diagnostics && !error && <p role="status">{t('loading')}</p>}
    </div>
  );
}
