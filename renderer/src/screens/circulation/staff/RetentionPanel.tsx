// The retention rule on "Bạn đọc và thẻ": how many residents have not used the library for the
// configured years, the first of them by name, and one button that anonymises them after staff
// confirm. Shown only when someone is due (the staff home says so too).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionView } from '../../../../../electron/contract/rights';
import { useApi } from '../../../api/context';
import { formatDate, formatDay } from '../../../../../common/calendar';

export function RetentionPanel({ staffToken, reloads, onApplied, onError }: { staffToken: string; reloads: number; onApplied: (count: number) => void; onError: (e: unknown) => void }) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const [view, setView] = useState<RetentionView>();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.call('rights.retention', { staffToken }).then((v) => !cancelled && setView(v), () => undefined);
    return () => {
      cancelled = true;
    };
  }, [api, staffToken, reloads]);

  if (!view || view.due === 0 || !view.cutoffDay) return null;
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
  return (
    <section className="banner warning circ-retention" aria-labelledby="retention-title" data-retention-due={view.due}>
      <h3 id="retention-title">{t('staff.retention.title', { count: view.due, years: view.years })}</h3>
      <p>{t('staff.retention.explain', { date: formatDay(view.cutoffDay), years: view.years })}</p>
      <ul>
        {view.residents.map((r) => (
          <li key={r.card}>
            {r.card} — {r.fullName} ({t('staff.retention.lastSeen', { date: r.lastSeenAt ? formatDate(r.lastSeenAt) : '—' })})
          </li>
        ))}
        {view.due > view.residents.length && <li>{t('staff.retention.more', { count: view.due - view.residents.length })}</li>}
      </ul>
      {confirming ? (
        <div className="circ-actions" role="group" aria-label={t('staff.retention.confirmLabel')}>
          <p>{t('staff.retention.confirm', { count: view.due })}</p>
          <button type="button" className="button" onClick={() => void apply()}>
            {t('staff.retention.yes', { count: view.due })}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t('staff.retention.no')}
          </button>
        </div>
      ) : (
        <div className="circ-actions">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('staff.retention.apply', { count: view.due })}
          </button>
        </div>
      )}
    </section>
  );
}
