// Staff page "Sách đặt trước": books back and set aside on the staff shelf (who for, which copy, the
// last day kept, a phone number to call), then residents still waiting; a hold the resident no
// longer wants can be cancelled, and its copy passes to the next in line.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffHoldView } from '#contract/circulation';
import { useApi } from '../../../api/context';
import { useLoad } from '../../../api/useLoad';
import { Banner } from '../../../components/Banner';
import { formatDateTime, formatDay } from '../../../../../common/calendar';
import { CancelHoldButton, ProblemBanner } from '../parts';
import { describeProblem, type Problem } from '../problem';
import '../circulation.css';

export function HoldsPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('circulation');
  const loaded = useLoad<StaffHoldView[]>(() => api.call('circulation.holds', { staffToken }), [api, staffToken]);
  const holds = loaded.value;
  const [failure, setProblem] = useState<Problem | null>(null);
  const problem = failure ?? (loaded.error !== undefined ? describeProblem(loaded.error, t, i18n.language) : null);
  const [notice, setNotice] = useState<string | null>(null);

  const fail = useCallback((error: unknown) => setProblem(describeProblem(error, t, i18n.language)), [t, i18n.language]);

  const cancel = (hold: StaffHoldView) => {
    api.call('circulation.staffCancelHold', { staffToken, holdId: hold.holdId }).then(() => {
      loaded.reload();
      setProblem(null);
      setNotice(t('staff.holds.cancelled', { title: hold.title, card: hold.card }));
    }, fail);
  };

  if (!holds) return problem ? <ProblemBanner problem={problem} /> : <p role="status">{t('staff.loading')}</p>;
  return (
    <>
      {problem && <ProblemBanner problem={problem} />}
      <Banner kind="success" text={notice} />
      <p>{t('staff.holds.intro')}</p>
      {holds.length === 0 ? (
        <p className="circ-empty">{t('staff.holds.none')}</p>
      ) : (
        <table className="staff-table" aria-label={t('staff.pages.holds')}>
          <thead>
            <tr>
              <th>{t('staff.holds.columns.title')}</th>
              <th>{t('staff.holds.columns.resident')}</th>
              <th>{t('staff.holds.columns.phone')}</th>
              <th>{t('staff.holds.columns.status')}</th>
              <th>{t('staff.holds.columns.placed')}</th>
              <th>{t('staff.holds.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {holds.map((hold) => (
              <tr key={hold.holdId} className={hold.status === 'ready' ? 'hold-ready' : undefined} data-hold={hold.holdId}>
                <td>{hold.title}</td>
                <td>
                  {hold.fullName} ({hold.card})
                </td>
                <td>{hold.phone ?? '—'}</td>
                <td>
                  {hold.status === 'ready'
                    ? t('staff.holds.ready', { item: hold.item, place: hold.location ?? '—', date: formatDay(hold.readyUntil!) })
                    : t('staff.holds.waiting', { position: hold.position })}
                </td>
                <td>{formatDateTime(hold.placedAt)}</td>
                <td>
                  <CancelHoldButton label={t('staff.holds.cancelOne', { title: hold.title, card: hold.card })} onConfirm={() => cancel(hold)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
