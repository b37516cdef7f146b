// Technician page "Cập nhật phần mềm": a signed update found on a USB stick (kiosk-update/), with
// its version, the key that signed it and its size, installed only when the technician touches
// "Cài đặt". A refused stick says why and what to do. The core verifies and installs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsbUpdateState } from '#contract/technician';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { useFormat } from '../../i18n/format';

export function UsbUpdatePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('technician');
  const format = useFormat();
  const loaded = useLoad<UsbUpdateState>(() => api.call('technician.usbUpdate', { staffToken }), [api, staffToken]);
  const state = loaded.value;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const install = async (version: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await api.call('technician.installUsbUpdate', { staffToken, version });
      setMessage({
        kind: 'success',
        text: result.installing ? t('updates.installing', { version: result.version }) : t('updates.staged', { version: result.version, file: result.staged }),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: apiErrorText(t, error, 'errors.unavailable') });
      loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {message && (
        <p className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {loaded.error !== undefined && !message && (
        <p className="banner error" role="alert">
          {apiErrorText(t, loaded.error, 'errors.unavailable')}
        </p>
      )}
      <section className="usb-update" aria-labelledby="usb-update-title">
        <h2 id="usb-update-title">{t('updates.title')}</h2>
        <p>{t('updates.lead')}</p>
        {state && (
          <dl className="facts">
            <div>
              <dt>{t('updates.current')}</dt>
              <dd>{state.currentVersion}</dd>
            </div>
            <div>
              <dt>{t('updates.trustedKey')}</dt>
              <dd>{state.signedBy ?? t('updates.noKey')}</dd>
            </div>
          </dl>
        )}
        {state?.status === 'none' && <p data-testid="usb-update-none">{t('updates.none')}</p>}
        {state?.status === 'refused' && (
          <p className="banner error" role="alert" data-testid="usb-update-refused">
            {t(`errors.update_${state.reason}`, { defaultValue: state.message })}
          </p>
        )}
        {state?.status === 'verified' && state.update && (
          <article className="update-card" aria-label={t('updates.found')} data-testid="usb-update-found">
            <h3>{t('updates.found')}</h3>
            <dl className="facts">
              <div>
                <dt>{t('updates.version')}</dt>
                <dd>{state.update.version}</dd>
              </div>
              <div>
                <dt>{t('updates.signedBy')}</dt>
                <dd>{t('updates.provinceKey', { fingerprint: state.signedBy })}</dd>
              </div>
              <div>
                <dt>{t('updates.size')}</dt>
                <dd>{t('updates.megabytes', { size: format.decimal(state.update.bytes / 1048576, 1) })}</dd>
              </div>
              <div>
                <dt>{t('updates.file')}</dt>
                <dd>{state.update.file}</dd>
              </div>
            </dl>
            <p className="hint">{t('updates.installHint')}</p>
            <button type="button" className="button" disabled={busy} onClick={() => void install(state.update!.version)}>
              {t('updates.install')}
            </button>
          </article>
        )}
        <div className="row">
          <button
            type="button"
            className="button quiet"
            disabled={busy}
            onClick={() => {
              setMessage(undefined);
              loaded.reload();
            }}
          >
            {t('updates.rescan')}
          </button>
        </div>
      </section>
    </div>
  );
}
