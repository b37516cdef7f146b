// The copy-cataloguing queue on the staff page: ISBNs asked with no network (retried by the
// kiosk) and answered lookups not yet catalogued; open one, drop one, or retry them all now.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CopyLookup } from '#contract/copy-cataloguing';
import type { ResponseOf } from '#contract';
import { useApi } from '../../api/context';
import { useFormat } from '../../i18n/format';

export function CopyQueue({
  staffToken,
  queue,
  onChanged,
  onOpen,
  onError,
}: {
  staffToken: string;
  queue: ResponseOf<'catalogue.copyQueue'> | undefined;
  onChanged: () => void;
  onOpen: (lookup: CopyLookup) => void;
  onError: (error: unknown) => void;
}) {
  const api = useApi();
  const { t } = useTranslation('catalogue');
  const format = useFormat();
  const [retrying, setRetrying] = useState(false);
  const lookups = queue?.lookups ?? [];
  const retry = async () => {
    setRetrying(true);
    try {
      await api.call('catalogue.copyRetry', { staffToken });
      onChanged();
    } catch (error) {
      onError(error);
    } finally {
      setRetrying(false);
    }
  };
  const open = (lookupId: number) => api.call('catalogue.copyLookupShow', { staffToken, lookupId }).then(onOpen, onError);
  const discard = (lookupId: number) => api.call('catalogue.copyDiscard', { staffToken, lookupId }).then(onChanged, onError);
  return (
    <section className="copy-queue" aria-labelledby="copy-queue-title">
      <h3 id="copy-queue-title">{t('copy.queueTitle')}</h3>
      {lookups.length === 0 ? (
        <p>{t('copy.queueEmpty')}</p>
      ) : (
        <>
          <p>{t('copy.queueIntro', { minutes: queue?.retryMinutes ?? 0 })}</p>
          <table className="staff-table copy-queue-table">
            <thead>
              <tr>
                <th scope="col">ISBN</th>
                <th scope="col">{t('copy.queueState')}</th>
                <th scope="col">{t('copy.queueAsked')}</th>
                <th scope="col">{t('copy.queueActions')}</th>
              </tr>
            </thead>
            <tbody>
              {lookups.map((l) => (
                <tr key={l.id}>
                  <td>{l.isbn}</td>
                  <td>
                    {/* i18n-keys: copy.states.* */}
                    {t(`copy.states.${l.state}`, { count: l.candidateCount, time: l.nextAttemptAt ? format.time(l.nextAttemptAt) : '—' })}
                  </td>
                  <td>{format.dateTime(l.requestedAt)}</td>
                  <td className="copy-queue-actions">
                    {l.state !== 'queued' && (
                      <button type="button" className="button secondary" onClick={() => void open(l.id)}>
                        {t('copy.open')}
                      </button>
                    )}
                    <button type="button" className="button secondary" onClick={() => void discard(l.id)}>
                      {t('copy.discard')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {lookups.some((l) => l.state === 'queued') && (
            <button type="button" className="button secondary" disabled={retrying} onClick={() => void retry()}>
              {retrying ? t('copy.retrying') : t('copy.retryNow')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
