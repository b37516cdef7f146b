// Catalogue refusals and rejected records in the screen's language. The core words them in
// Vietnamese and names the record, line, byte or barcode concerned; a Vietnamese screen shows
// those words as they are. A screen in another language shows the reason's sentence from
// catalogue.json (errors.*, rejections.*, warnings.*) with the record or line number the report carries.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportWarning, Rejection } from '#contract/catalogue';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*

export function useCatalogueExplain() {
  const { t, i18n } = useTranslation('catalogue');
  const inCoreLanguage = (i18n.resolvedLanguage ?? i18n.language).startsWith('vi');
  return useMemo(
    () => ({
      error(e: unknown): string {
        return apiErrorText(t, e, 'staff.unavailable', { language: inCoreLanguage ? 'vi' : 'other' });
      },
      rejection(r: Rejection): string {
        if (inCoreLanguage) return r.message;
        const where = t(`rejections.where.${r.unit}`, { at: r.at });
        return t(`rejections.${r.reason}`, { where, defaultValue: t('rejections.generic', { where }) });
      },
      warning(w: ImportWarning): string {
        if (inCoreLanguage) return w.message;
        const where = t(`rejections.where.${w.unit}`, { at: w.at });
        return t(`warnings.${w.reason}`, { where, defaultValue: t('warnings.generic', { where }) });
      },
    }),
    [t, inCoreLanguage],
  );
}
