// The retention rule on "Bạn đọc và thẻ": who the kiosk will anonymise by itself, and on which day
// (staff are told at least `retentionNoticeDays` ahead; nothing needs doing). Staff may keep a
// resident who is still in touch (it counts as a visit), or anonymise those already past the period
// at once after confirming the count. Shown only when someone is scheduled (the staff home says so too).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionView } from '#contract/rights';
import { useApi } from '../../../api/context';
import { formatDate, formatDay } from '../../../../../common/calendar';

interface Props {
  staffToken: string;
  reloads: number;
  onApplied: (count: number) => void;
  onKept: (card: string, until: string | null) => void;
  onError: (e: unknown) => void;
}

export function RetentionPanel({ staffToken, reloads, onApplied, onKept, onError }: Props) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const [view, setView] = useState<RetentionView>();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.call('rights.retention', { staffToken }).then(
      (v) => !cancelled && setView(v),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, staffToken, reloads]);

  if (!view || view.scheduled === 0 || !view.next) return null;
  const apply = async () => {
    try {
      const { anonymised } = await api.call('rights.applyRetention', { staffToken, expected: view.due });
      setConfirming(false);
      onApplied(anonymised);
    } catch (error) {
      setConfirming(false);
      onError(error);
    }
  };
  const keep = async (card: string) => {
    try {
      const kept = await api.call('rights.keepRecord', { staffToken, card });
      onKept(kept.card, kept.anonymiseAfter);
    } catch (error) {
      onError(error);
    }
  };
  return (
    <section className="banner warning circ-retention" aria-labelledby="retention-title" data-retention-scheduled={view.scheduled}>
      <h3 id="retention-title">{t('staff.retention.title', { count: view.scheduled, date: formatDay(view.next.day) })}</h3>
      <p>{t('staff.retention.explain', { years: view.years, days: view.noticeDays })}</p>
      <table className="staff-table">
        <thead>
          <tr>
            <th>{t('staff.retention.card')}</th>
            <th>{t('staff.retention.name')}</th>
            <th>{t('staff.retention.lastSeen')}</th>
            <th>{t('staff.retention.on')}</th>
            <th>
              <span className="visually-hidden">{t('staff.retention.keepColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.residents.map((r) => (
            <tr key={r.card} data-card={r.card}>
              <td>{r.card}</td>
              <td>{r.fullName}</td>
              <td>{r.lastSeenAt ? formatDate(r.lastSeenAt) : '—'}</td>
              <td>{formatDay(r.anonymiseOn)}</td>
              <td>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => void keep(r.card)}
                  aria-label={t('staff.retention.keepLabel', { card: r.card })}
                >
                  {t('staff.retention.keep')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.scheduled > view.residents.length && <p>{t('staff.retention.more', { count: view.scheduled - view.residents.length })}</p>}
      <p>{t('staff.retention.keepExplain')}</p>
      {view.due > 0 &&
        (confirming ? (
          <div className="circ-actions" role="group" aria-label={t('staff.retention.confirmLabel')}>
            <p>{t('staff.retention.confirm', { count: view.due, years: view.years })}</p>
            <button type="button" className="button" onClick={() => void apply()}>
              {t('staff.retention.yes', { count: view.due })}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('staff.retention.no')}
            </button>
          </div>
        ) : (
          <div className="circ-actions">
            <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
              {t('staff.retention.apply', { count: view.due })}
            </button>
          </div>
        ))}
    </section>
  );
}
