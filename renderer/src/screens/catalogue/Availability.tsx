// One book's availability in plain words: copies on the shelf and where, reference only, or when
// one is due back; and how many residents already wait for it (đặt trước).
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '#contract/catalogue';
import { formatDay } from '../../../../common/calendar';

export function Availability({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('catalogue');
  const places = (status: SearchHit['items'][number]['status']) =>
    [...new Set(hit.items.filter((i) => i.status === status && !i.setAside).map((i) => i.location ?? t('search.availability.unknownPlace')))].join(', ');
  const date = (isoDay: string) => formatDay(isoDay);
  const waiting = hit.waiting > 0 ? <span>{t('search.availability.waiting', { count: hit.waiting })}</span> : null;

  if (hit.available > 0) {
    return (
      <p className="availability ok">
        <strong>{t('search.availability.onShelf', { count: hit.available })}</strong>
        <span>{t('search.availability.where', { places: places('available') })}</span>
      </p>
    );
  }
  if (hit.reference > 0) {
    return (
      <p className="availability reference">
        <strong>{t('search.availability.referenceOnly')}</strong>
        <span>{t('search.availability.where', { places: places('reference') })}</span>
      </p>
    );
  }
  const onLoan = hit.items.some((i) => i.status === 'on_loan');
  if (onLoan) {
    return (
      <p className="availability out">
        <strong>
          {hit.nextDueOverdue
            ? t('search.availability.allOnLoanOverdue')
            : hit.nextDueDate
              ? t('search.availability.allOnLoanUntil', { date: date(hit.nextDueDate) })
              : t('search.availability.allOnLoan')}
        </strong>
        {waiting}
      </p>
    );
  }
  if (hit.items.some((i) => i.setAside)) {
    return (
      <p className="availability out">
        <strong>{t('search.availability.setAside')}</strong>
        {waiting}
      </p>
    );
  }
  const inTransit = hit.items.some((i) => i.status === 'in_transit');
  return (
    <p className="availability out">
      <strong>{inTransit ? t('search.availability.inTransit') : t('search.availability.none')}</strong>
      {waiting}
    </p>
  );
}
