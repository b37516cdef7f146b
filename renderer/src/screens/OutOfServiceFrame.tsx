// The frame of a PC that is out of service (an invalid configuration, or maintenance): a title that
// says so and nothing a resident could use, around what the screen explains.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function OutOfServiceFrame({ children, since }: { children: ReactNode; since?: string }) {
  const { t } = useTranslation('common');
  return (
    <div className="screen" data-maintenance-since={since}>
      <header className="topbar">
        <h1>{t('outOfService.title')}</h1>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
