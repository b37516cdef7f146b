// An online resource: what the kiosk's URL policy decided, the address, and (when allowed) the way
// to open it in the browsing surface. In browser mode the decision and the link are what is shown.
import { useTranslation } from 'react-i18next';
import type { OpenResponse } from '../../../../../electron/contract/eresources';

export function LinkViewer({ link, url }: { link: NonNullable<OpenResponse['link']>; url: string }) {
  const { t } = useTranslation('eresources');
  const allowed = link.decision.decision === 'allow';
  return (
    <div className="link-view">
      <p className={`banner ${allowed ? 'success' : 'warning'}`} role="status" data-testid="link-decision">
        {allowed ? t('link.allowed') : t('link.blocked')}
      </p>
      {!allowed && <p>{link.decision.reason}</p>}
      <p className="link-address">
        <span>{t('link.address')}</span> <code>{link.decision.url ?? url}</code>
      </p>
      {allowed && (
        <>
          <p>{link.countsAsInternetTime ? t('link.countsAsInternet') : t('link.free')}</p>
          <a className="button" href={link.decision.url ?? url} target="_blank" rel="noopener noreferrer">
            {t('link.open')}
          </a>
        </>
      )}
    </div>
  );
}
