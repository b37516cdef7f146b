// Shown instead of the kiosk when the configuration file is invalid: for the technician only,
// residents see that the kiosk is out of service and nothing they could misuse.
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '#contract/system';
import { OutOfServiceFrame } from './OutOfServiceFrame';

export function ConfigError({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('common');
  return (
    <OutOfServiceFrame>
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
    </OutOfServiceFrame>
  );
}
