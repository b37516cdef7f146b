// On the home screen: when the internet PC is busy, a way to take a place in the queue; when its
// resident stepped away to the other services, the way back to their session (which asks for their card).
import { useTranslation } from 'react-i18next';
import { navigate, navigateSub } from '../../router';
import { useInternetState } from './useInternet';

export function InternetBusyNotice() {
  const { t } = useTranslation('internet');
  const state = useInternetState();
  if (!state || state.phase !== 'active') return null;
  const awaySeconds = state.session?.awayEndsInSeconds ?? null;
  return (
    <p className="banner warning internet-busy" role="status" style={{ margin: '0 32px 24px' }}>
      <span>{awaySeconds === null ? t('queue.busy', { waiting: state.queue.waiting }) : t('away.home', { count: Math.ceil(awaySeconds / 60) })}</span>{' '}
      {awaySeconds !== null && (
        <button type="button" className="button" onClick={() => navigate('internet')}>
          {t('away.goBack')}
        </button>
      )}{' '}
      <button type="button" className="button secondary" onClick={() => navigateSub('internet', 'queue')}>
        {t('queue.take')}
      </button>
    </p>
  );
}
