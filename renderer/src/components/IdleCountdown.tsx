// What useIdle shows for its last seconds: how long until the screen signs its person out, and a
// large button to stay. The same on the resident's and the staff member's screens.
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export function IdleCountdown({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { t } = useTranslation('common');
  return (
    <Modal labelledBy="idle-countdown-title" alert onClose={onStay} className="idle-countdown">
      <div>
        <p id="idle-countdown-title">{t('idle.title')}</p>
        <p className="idle-countdown-count" data-testid="idle-countdown">
          {t('idle.countdown', { count: secondsLeft })}
        </p>
        <button type="button" className="button big" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </Modal>
  );
}
