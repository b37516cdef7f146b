// "Bạn còn dùng máy không?": shown while the core's inactivity rule waits for an answer
// (session.inactiveEndsInSeconds). It sits in the session bar; in Electron the web page's view steps
// aside while it shows (main/browsing.ts), so nothing covers it. Any touch answers it, the button
// most plainly.
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAudioPrompt } from '../../a11y/audio';
import { useApi } from '../../api/context';

export function StillUsing({ secondsLeft }: { secondsLeft: number | null }) {
  const api = useApi();
  const { t } = useTranslation('internet');
  const say = useAudioPrompt();
  const asking = secondsLeft !== null;
  const askAloud = useEffectEvent(() => say('stillHere'));
  useEffect(() => {
    if (asking) askAloud();
  }, [asking]);
  if (secondsLeft === null) return null;
  return (
    <section className="banner warning still-using" role="alert" aria-labelledby="still-using-title" data-testid="still-using">
      <p id="still-using-title" className="still-using-title">
        {t('inactive.title')}
      </p>
      <p>{t('inactive.countdown', { count: secondsLeft })}</p>
      <button type="button" className="button big" onClick={() => void api.call('internet.activity', {}).catch(() => undefined)}>
        {t('inactive.stay')}
      </button>
    </section>
  );
}
