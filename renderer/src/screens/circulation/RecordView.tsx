// Everything the kiosk holds about one resident (contract/rights.ts PatronRecord), laid out to read
// on screen and to print: the resident's own "Thông tin của tôi" and the staff desk's record.
import { useTranslation } from 'react-i18next';
import type { PatronRecord } from '#contract/rights';
import { formatDate, formatDateTime, formatDay } from '../../../../common/calendar';

export function RecordView({ record, libraryName }: { record: PatronRecord; libraryName?: string }) {
  const { t } = useTranslation('circulation');
  const dash = t('record.none');
  const rows: [string, string][] = [
    [t('record.card'), record.cardNumber],
    [t('record.fullName'), record.fullName ?? record.displayName],
    [t('record.birthYear'), record.birthYear === null ? dash : String(record.birthYear)],
    [t('record.gender'), record.gender === null ? dash : t(`gender.${record.gender}`)],
    [t('record.village'), record.village ?? dash],
    [t('record.phone'), record.phone ?? dash],
    [t('record.category'), record.categoryName],
    [t('record.cardExpiry'), formatDay(record.cardExpiry)],
    [t('record.createdAt'), formatDateTime(record.createdAt)],
    [t('record.cccd'), record.registeredWithCccd ? t('record.cccdYes') : t('record.cccdNo')],
    [t('record.pin'), record.hasPin ? t('record.pinYes') : t('record.pinNo')],
    [
      t('record.consent'),
      record.consent
        ? t('record.consentGiven', { version: record.consent.version, date: formatDateTime(record.consent.at), by: t(`record.consentBy.${record.consent.by}`) })
        : t('record.consentNone'),
    ],
    [t('record.lastSeen'), record.lastSeenAt ? formatDateTime(record.lastSeenAt) : dash],
    [t('record.retention'), record.anonymiseAfter ? t('record.anonymiseAfter', { date: formatDay(record.anonymiseAfter) }) : t('record.keptUntilAsked')],
    [t('record.other'), t('record.otherCounts', { holds: record.holds, sessions: record.internetSessions })],
  ];
  return (
    <section className="circ-record printable" aria-labelledby="record-title">
      {libraryName && <p className="circ-record-library">{libraryName}</p>}
      <h2 id="record-title">{t('record.title', { card: record.cardNumber })}</h2>
      {!record.complete && <p className="banner warning">{t('record.incomplete')}</p>}
      <dl className="circ-record-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('record.loansTitle', { count: record.loans.length })}</h3>
      {record.loans.length === 0 ? (
        <p className="circ-empty">{t('record.noLoans')}</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th>{t('record.loanTitle')}</th>
              <th>{t('record.loanFrom')}</th>
              <th>{t('record.loanReturned')}</th>
            </tr>
          </thead>
          <tbody>
            {record.loans.map((loan) => (
              <tr key={`${loan.item}-${loan.checkedOutAt}`}>
                <td>{loan.title}</td>
                <td>{formatDate(loan.checkedOutAt)}</td>
                <td>{loan.returnedAt ? formatDateTime(loan.returnedAt) : t('record.onLoan', { date: formatDay(loan.dueDate) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="circ-record-rights">{t('record.rights')}</p>
    </section>
  );
}
