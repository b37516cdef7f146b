// The receipt a resident takes home after an erasure (Decree 13/2023: the right to erasure), in the
// language of the screen, laid out for the printer: which card, when, why, what was deleted and
// what remains (loans without a name, for the statistics only), with a line for the staff
// member's signature. Built from the receipt's fields; the core's Vietnamese text is the CLI's.
import { useTranslation } from 'react-i18next';
import type { ErasureReceipt } from '#contract/rights';
import { formatDateTime } from '../../../../../common/calendar';

export function ErasureReceiptView({ receipt }: { receipt: ErasureReceipt }) {
  const { t } = useTranslation('circulation');
  const rows: [string, string][] = [
    [t('staff.receipt.card'), receipt.card],
    [t('staff.receipt.at'), formatDateTime(receipt.erasedAt)],
    [t('staff.receipt.reason'), t(`staff.receipt.reasons.${receipt.reason}`)],
    [t('staff.receipt.erased'), t('staff.receipt.erasedFields')],
    [t('staff.receipt.kept'), t('staff.receipt.keptLoans', { count: receipt.anonymousLoans })],
  ];
  return (
    <section className="circ-record circ-receipt printable" aria-labelledby="erased-title" data-testid="erasure-receipt">
      <p className="circ-record-library">{receipt.libraryName}</p>
      <h2 id="erased-title">{t('staff.receipt.title')}</h2>
      <dl className="circ-record-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t('staff.receipt.cardCancelled')}</p>
      <p className="circ-record-rights">{t('staff.receipt.law')}</p>
      <p className="circ-receipt-signature">{t('staff.receipt.signature')}</p>
    </section>
  );
}
