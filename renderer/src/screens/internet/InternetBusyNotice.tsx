// On the home screen: when the internet PC is busy, a way to take a place in the queue.
import { useTranslation } from 'react-i18next';
import { navigateSub } from '../../router';
import { useInternetState } from './useInternet';

export function InternetBusyNotice() {
  const { t } = useTranslation('internet');
  const state = useInternetState();
  if (!state || state.phase !== 'active') return null;
  return (
    <p className="banner warning internet-busy" role="status" style={{ margin: '0 32px 24px' }}>
      <span>{t('queue.busy', { waiting: state.queue.waiting })}</span>{' '}
      <button type="button" className="button secondary" onClick={() => navigateSub('internet', 'queue')}>
        {t('queue.take')}
      </button>
    </p>
  );
}
