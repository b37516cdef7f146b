// The frame of every service screen: a title bar with a large "back to home" button and, on a
// resident's screen, the speaker switch.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackIcon } from './icons';
import { navigate, useRoute } from '../router';
import { SpeakerSwitch } from '../a11y/SpeakerSwitch';

export function ScreenFrame({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation('common');
  const resident = useRoute() !== 'staff';
  return (
    <div className="screen">
      <header className="topbar">
        <button type="button" className="button secondary" onClick={() => navigate('home')}>
          <BackIcon size={24} style={{ verticalAlign: 'middle', marginRight: 8 }} />
          {t('backHome')}
        </button>
        <h1>{title}</h1>
        {actions}
        {resident && <SpeakerSwitch />}
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
