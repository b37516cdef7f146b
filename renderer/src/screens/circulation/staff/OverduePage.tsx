// Staff page "Overdue loans": who has which book past its due date, oldest first, with a phone
// number when the reader gave one, so staff can call.
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { overdueLoan } from '#contract/circulation';
import { useApi } from '../../../api/context';
import { useLoad } from '../../../api/useLoad';
import { formatDay } from '../../../../../common/calendar';
import { ProblemBanner } from '../parts';
import { describeProblem } from '../problem';
import '../circulation.css';

export function OverduePage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('circulation');
  const { value: loans, error } = useLoad<z.infer<typeof overdueLoan>[]>(() => api.call('circulation.overdue', { staffToken }), [api, staffToken]);

  if (error) return <ProblemBanner problem={describeProblem(error, t, i18n.language)} />;
  if (!loans) return <p role="status">{t('staff.loading')}</p>;
  if (loans.length === 0) return <p className="circ-empty">{t('staff.overdue.none')}</p>;
  return (
    <table className="staff-table">
      <thead>
        <tr>
          <th>{t('staff.overdue.columns.card')}</th>
          <th>{t('staff.overdue.columns.name')}</th>
          <th>{t('staff.overdue.columns.phone')}</th>
          <th>{t('staff.overdue.columns.title')}</th>
          <th>{t('staff.overdue.columns.due')}</th>
          <th>{t('staff.overdue.columns.days')}</th>
        </tr>
      </thead>
      <tbody>
        {loans.map((loan) => (
          <tr key={loan.loanId} className="overdue" data-item={loan.item}>
            <td>{loan.card}</td>
            <td>{loan.fullName}</td>
            <td>{loan.phone ?? '—'}</td>
            <td>
              {loan.title} ({loan.item})
            </td>
            <td>{formatDay(loan.dueDate)}</td>
            <td>{t('staff.overdue.days', { count: loan.overdueDays })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
