// Where the figures stand with the provincial library: last successful upload, days pending,
// the next attempt, and a button to send now. Follows the 'upload.state' event live.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadState } from '#contract/upload';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { formatDateTime } from '../../../../common/calendar';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);

export function UploadStatus({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('statistics');
  const [state, setState] = useState<UploadState>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.call('upload.status', { staffToken }).then(
      (s) => !cancelled && setState(s),
      () => undefined,
    );
    const off = api.on('upload.state', (s) => setState(s));
    return () => {
      cancelled = true;
      off();
    };
  }, [api, staffToken]);

  if (!state) return null;
  const sendNow = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await api.call('upload.now', { staffToken });
      setState(result.state);
      setMessage({ kind: 'ok', text: t('upload.sent', { count: result.sentDays }) });
    } catch (error) {
      setMessage({ kind: 'error', text: apiErrorText(t, error, 'errors.unavailable') });
      api.call('upload.status', { staffToken }).then(setState, () => undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="stats-upload" aria-labelledby="stats-upload-title">
      <h2 id="stats-upload-title">{t('upload.title')}</h2>
      {!state.enrolled ? (
        <p className="banner warning">{t('upload.notEnrolled')}</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('upload.lastSuccess')}</dt>
              <dd data-testid="upload-last-success">{when(state.lastSuccessAt) ?? t('upload.never')}</dd>
            </div>
            <div>
              <dt>{t('upload.pending')}</dt>
              <dd data-testid="upload-pending">
                {state.oldestPendingDay
                  ? t('upload.pendingSince', { count: state.pendingDays, day: state.oldestPendingDay })
                  : t('upload.pendingDays', { count: state.pendingDays })}
              </dd>
            </div>
            <div>
              <dt>{t('upload.status')}</dt>
              <dd>
                {t(`upload.phase.${state.phase}`)}
                {state.nextAttemptAt && state.phase !== 'sending' ? ` · ${t('upload.nextAttempt')}: ${when(state.nextAttemptAt)}` : ''}
              </dd>
            </div>
            {state.lastError && (
              <div>
                <dt>{t('upload.lastError')}</dt>
                <dd>{state.lastError}</dd>
              </div>
            )}
          </dl>
          <button type="button" className="button" onClick={sendNow} disabled={busy}>
            {t('upload.sendNow')}
          </button>
        </>
      )}
      {state.portalNotices.length > 0 && (
        <>
          <h3>{t('upload.notices')}</h3>
          <ul className="portal-notices" data-testid="portal-notices">
            {state.portalNotices.map((n) => (
              <li key={`${n.receivedAt}-${n.title}`}>
                <strong>{n.title}</strong> {n.body}{' '}
                <small>
                  ({t('upload.noticeReceived')} {when(n.receivedAt)})
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
      {message && (
        <p className={`banner ${message.kind === 'ok' ? 'success' : 'error'}`} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
