// What useIdle shows for its last seconds: how long until the screen goes home (a resident's screen,
// which then forgets what was typed) or signs its staff member out, and a large button to stay.
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export function IdleCountdown({ secondsLeft, onStay, who = 'staff' }: { secondsLeft: number; onStay: () => void; who?: 'resident' | 'staff' }) {
  const { t } = useTranslation('common');
  const resident = who === 'resident';
  return (
    <Modal labelledBy="idle-countdown-title" alert onClose={onStay} className="idle-countdown">
      <div>
        <p id="idle-countdown-title">{resident ? t('idle.resident.title') : t('idle.title')}</p>
        <p className="idle-countdown-count" data-testid="idle-countdown">
          {resident ? t('idle.resident.countdown', { count: secondsLeft }) : t('idle.countdown', { count: secondsLeft })}
        </p>
        {resident && <p>{t('idle.resident.hint')}</p>}
        <button type="button" className="button big" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </Modal>
  );
}
