// One book's availability in plain words: copies on the shelf and where, reference only, or when
// one is due back.
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../electron/contract/catalogue';
import { TIME_ZONE } from '../../i18n';

export function Availability({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation('catalogue');
  const places = (status: SearchHit['items'][number]['status']) =>
    [...new Set(hit.items.filter((i) => i.status === status).map((i) => i.location ?? t('search.availability.unknownPlace')))].join(', ');
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : i18n.language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso));

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
        <strong>{hit.nextDueDate ? t('search.availability.allOnLoanUntil', { date: date(hit.nextDueDate) }) : t('search.availability.allOnLoan')}</strong>
      </p>
    );
  }
  const inTransit = hit.items.some((i) => i.status === 'in_transit');
  return (
    <p className="availability out">
      <strong>{inTransit ? t('search.availability.inTransit') : t('search.availability.none')}</strong>
    </p>
  );
}
