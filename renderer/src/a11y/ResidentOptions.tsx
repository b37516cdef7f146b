// The home screen's display options: language, large text, high contrast and spoken guidance, each a large toggle
// a resident can reach by touch or keyboard. Choices last for this resident only (ResidentSession).
import { useTranslation } from 'react-i18next';
import { availableLanguages, languageName } from '../i18n/languages';
import { useResidentSession } from './ResidentSession';
import { SpeakerSwitch } from './SpeakerSwitch';
import '../styles/residents.css';

export function ResidentOptions() {
  const { t } = useTranslation('residents');
  const session = useResidentSession();
  const languages = availableLanguages();
  return (
    <div className="resident-options">
      <div className="language-switcher" role="group" aria-label={t('options.language')}>
        {languages.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            className="button secondary option-toggle"
            aria-pressed={session.language === language}
            onClick={() => session.setLanguage(language)}
            data-language={language}
          >
            {languageName(language)}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button secondary option-toggle"
        aria-pressed={session.textSize === 'large'}
        onClick={() => session.setTextSize(session.textSize === 'large' ? 'normal' : 'large')}
      >
        <span aria-hidden="true" className="option-icon">
          A+
        </span>
        {t('options.largeText')}
      </button>
      <button
        type="button"
        className="button secondary option-toggle"
        aria-pressed={session.contrast === 'high'}
        onClick={() => session.setContrast(session.contrast === 'high' ? 'normal' : 'high')}
      >
        <span aria-hidden="true" className="option-icon">
          ◐
        </span>
        {t('options.highContrast')}
      </button>
      <SpeakerSwitch />
    </div>
  );
}
