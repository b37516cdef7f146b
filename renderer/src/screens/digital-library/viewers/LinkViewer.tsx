// An online resource: what the kiosk's URL policy decided, the address, and (when allowed) the way
// to open it. A link that counts as internet time opens in the running internet session, or asks
// the resident to sign in at Truy cập Internet first (see link-route.ts).
import { useTranslation } from 'react-i18next';
import type { OpenResponse } from '#contract/eresources';
import { navigate } from '../../../router';
import { handOffLink } from '../../internet/link-handoff';
import { useInternetState } from '../../internet/useInternet';
import { linkRoute } from '../link-route';

export function LinkViewer({ link, url }: { link: NonNullable<OpenResponse['link']>; url: string }) {
  const { t } = useTranslation('eresources');
  const internet = useInternetState();
  const route = linkRoute(link, internet?.phase);
  const address = link.decision.url ?? url;
  const allowed = route !== 'blocked';
  const toInternet = () => {
    handOffLink(address);
    navigate('internet');
  };
  return (
    <div className="link-view">
      <p className={`banner ${allowed ? 'success' : 'warning'}`} role="status" data-testid="link-decision">
        {allowed ? t('link.allowed') : t('link.blocked')}
      </p>
      {!allowed && <p>{link.decision.reason}</p>}
      <p className="link-address">
        <span>{t('link.address')}</span> <code>{address}</code>
      </p>
      {route === 'open' && (
        <>
          <p>{t('link.free')}</p>
          <a className="button" href={address} target="_blank" rel="noopener noreferrer">
            {t('link.open')}
          </a>
        </>
      )}
      {route === 'throughSession' && (
        <>
          <p>{t('link.countsAsInternet')}</p>
          <button type="button" className="button" onClick={toInternet}>
            {t('link.openInSession')}
          </button>
        </>
      )}
      {route === 'needsSession' && (
        <>
          <p className="banner warning" data-testid="link-needs-session">
            {t('link.needsSession')}
          </p>
          <button type="button" className="button" onClick={toInternet}>
            {t('link.goInternet')}
          </button>
        </>
      )}
    </div>
  );
}
