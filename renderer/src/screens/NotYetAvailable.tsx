// A service this kiosk does not offer yet: says so plainly and leads back home.
import { useTranslation } from 'react-i18next';
import { ScreenFrame } from '../components/ScreenFrame';

export function NotYetAvailable({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation(['home', 'common']);
  return (
    <ScreenFrame title={t(titleKey)}>
      <p className="banner warning" role="status">
        {t('common:notYetAvailable')}
      </p>
    </ScreenFrame>
  );
}
