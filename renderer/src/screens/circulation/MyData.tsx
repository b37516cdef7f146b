// "Thông tin của tôi": a signed-in resident reads what the kiosk keeps about them and prints it
// (Decree 13/2023, the right of access). Corrections and erasure are done at the staff desk.
import { useTranslation } from 'react-i18next';
import type { PatronRecord } from '#contract/rights';
import { RecordView } from './RecordView';

export function MyData({ record, onBack }: { record: PatronRecord; onBack: () => void }) {
  const { t } = useTranslation('circulation');
  return (
    <div className="circ-mydata">
      <RecordView record={record} />
      <div className="circ-actions action-bar">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('myData.print')}
        </button>
        <button type="button" className="button" onClick={onBack}>
          {t('myData.back')}
        </button>
      </div>
    </div>
  );
}
