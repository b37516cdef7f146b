// The speaker switch on every resident screen: spoken prompts start on for each resident (when the
// kiosk's `audio.enabled` is, the default) and this one tap turns them off — or back on — for this
// visit only; the idle reset brings it back for the next person (ResidentSession).
import { useTranslation } from 'react-i18next';
import { useResidentSession } from './ResidentSession';
import { SpeakerIcon } from '../components/icons';

export function SpeakerSwitch() {
  const { t } = useTranslation('common');
  const { speech, setSpeech } = useResidentSession();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={speech}
      className="button secondary option-toggle speaker-switch"
      onClick={() => setSpeech(!speech)}
      data-testid="speaker-switch"
    >
      <SpeakerIcon on={speech} size={28} />
      {t('speech.label')}
      <span className="speaker-state">{speech ? t('speech.on') : t('speech.off')}</span>
    </button>
  );
}
