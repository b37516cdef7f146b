// The one idle rule of every resident screen (Mượn / trả sách, Tra cứu sách and its Đặt trước dialog,
// Thư viện số and its viewers, Internet sign-in and queue, registration): after the screen's idle time
// without a touch, key or scan, with its last seconds counted down over the screen and an "I'm still
// here" button, the kiosk goes home and forgets the resident — their display choices, the resident
// signed in, and everything typed, since leaving the route unmounts the screen and its state.
// A screen may change the rule while it shows something that needs it (a signed-in visit uses
// `circulation.idleSeconds`, a viewer `residents.readingIdleSeconds`) or pause it while another rule
// applies (a running internet session is watched by the core's inactivity rule, internet/inactivity.ts).
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import { useAudioPrompt } from '../a11y/audio';
import { FALLBACK_SETTINGS, useResidentSession } from '../a11y/ResidentSession';
import { IdleCountdown } from '../components/IdleCountdown';
import { useScan } from '../devices/ScanProvider';
import { navigate } from '../router';
import { useIdle } from './useIdle';

export interface ScreenIdleRule {
  /** Replaces the resident screens' idle time while the screen that sets it shows. */
  idleSeconds?: number;
  countdownSeconds?: number;
  /** Another rule watches this screen for now (a running internet session). */
  paused?: boolean;
}

interface IdleControl {
  setRule(rule: ScreenIdleRule | null): void;
  touch(): void;
}

const IdleContext = createContext<IdleControl | undefined>(undefined);

/** Media the resident is watching or listening to counts as use, though nobody touches the screen. */
function mediaPlaying(): boolean {
  return [...document.querySelectorAll<HTMLMediaElement>('video, audio')].some((media) => !media.paused && !media.ended);
}

export function ResidentIdle({ active, children }: { active: boolean; children: ReactNode }) {
  const session = useResidentSession();
  const settings = session.settings ?? FALLBACK_SETTINGS;
  const [rule, setRule] = useState<ScreenIdleRule | null>(null);
  const { reset } = session;
  const idle = useIdle({
    active: active && !rule?.paused,
    idleSeconds: rule?.idleSeconds ?? settings.screenIdleSeconds,
    countdownSeconds: rule?.countdownSeconds ?? settings.idleCountdownSeconds,
    inUse: mediaPlaying,
    onTimeout: () => {
      reset();
      navigate('home');
    },
  });
  const { touch } = idle;
  const say = useAudioPrompt();
  const counting = idle.secondsLeft !== null;
  const askAloud = useEffectEvent(() => say('stillHere'));
  useEffect(() => {
    if (counting) askAloud();
  }, [counting]);
  // A scan is someone at the kiosk, as a touch is.
  useScan(
    useCallback(() => touch(), [touch]),
    { enabled: active },
  );
  const control = useMemo<IdleControl>(() => ({ setRule, touch }), [touch]);
  return (
    <IdleContext.Provider value={control}>
      {children}
      {idle.secondsLeft !== null && <IdleCountdown who="resident" secondsLeft={idle.secondsLeft} onStay={touch} />}
    </IdleContext.Provider>
  );
}

const noop = () => undefined;

/** Sets this screen's idle rule while it is mounted; `touch` restarts the time (a scan the screen handled). */
export function useScreenIdleRule(rule: ScreenIdleRule): { touch: () => void } {
  const control = useContext(IdleContext);
  const { idleSeconds, countdownSeconds, paused } = rule;
  useEffect(() => {
    if (!control) return;
    control.setRule({ idleSeconds, countdownSeconds, paused });
    return () => control.setRule(null);
  }, [control, idleSeconds, countdownSeconds, paused]);
  return { touch: control?.touch ?? noop };
}
