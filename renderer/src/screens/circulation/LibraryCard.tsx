// The library card as printed: library name, resident's name, card number as a Code 128 barcode,
// expiry. Staff print it from their page; a self-registered resident sees it on screen.
import { useTranslation } from 'react-i18next';
import type { PatronSummary } from '../../../../electron/contract/patrons';
import { Barcode } from './Barcode';
import { formatDay } from '../../../../common/calendar';

export function LibraryCard({ patron, libraryName }: { patron: PatronSummary; libraryName: string }) {
  const { t } = useTranslation('circulation');
  return (
    <section className="circ-card printable" aria-label={t('card.label')} data-testid="library-card">
      <p className="circ-card-library">{libraryName}</p>
      <p className="circ-card-kind">{t('card.title')}</p>
      <p className="circ-card-name">{patron.fullName}</p>
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
