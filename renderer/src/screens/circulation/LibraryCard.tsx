// The library card as printed: library name, resident's name, card number as a Code 128 barcode,
// expiry. Staff print it from their page; a self-registered resident sees it on screen.
import { useTranslation } from 'react-i18next';
import type { ResidentPatron } from '#contract/patrons';
import { Barcode } from './Barcode';
import { formatDay } from '../../../../common/calendar';

/** `name`: the full name on the staff desk's printed card; the resident's own screen shows their display name. */
export function LibraryCard({
  patron,
  name,
  libraryName,
}: {
  patron: Pick<ResidentPatron, 'cardNumber' | 'categoryName' | 'cardExpiry'>;
  name: string;
  libraryName: string;
}) {
  const { t } = useTranslation('circulation');
  return (
    <section className="circ-card printable" aria-label={t('card.label')} data-testid="library-card">
      <p className="circ-card-library">{libraryName}</p>
      <p className="circ-card-kind">{t('card.title')}</p>
      <p className="circ-card-name">{name}</p>
      <p>
        {t('card.category')}: {patron.categoryName}
      </p>
      <Barcode value={patron.cardNumber} label={t('card.barcode', { card: patron.cardNumber })} />
      <p>
        {t('card.expiry')}: {formatDay(patron.cardExpiry)}
      </p>
    </section>
  );
}
