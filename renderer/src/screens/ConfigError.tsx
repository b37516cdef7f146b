// Shown instead of the kiosk when the configuration file is invalid: for the technician only,
// residents see that the kiosk is out of service and nothing they could misuse.
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '#contract/system';

export function ConfigError({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('common');
  return (
    <div className="screen">
      <header className="topbar">
        <h1>{t('outOfService.title')}</h1>
      </header>
      <main className="content">
        <p className="banner error" role="alert">
          {t('outOfService.resident')}
        </p>
        <details>
          <summary className="button secondary" style={{ display: 'inline-block' }}>
            {t('outOfService.technicianDetails')}
          </summary>
          <p>{t('outOfService.technicianHint')}</p>
          <ul>
            {(info.configErrors ?? []).map((problem) => (
              <li key={problem.path + problem.message}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </details>
      </main>
    </div>
  );
}
