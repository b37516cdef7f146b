// One resident's display choices — language, large text, high contrast, spoken prompts — for as long as they use the
// kiosk. A public kiosk must not keep one person's settings for the next: the choices live only in
// memory (never in storage) and go back to the defaults after `residents.idleResetSeconds` without a
// touch or key while the home (attract) screen shows, i.e. once the resident has left. Service
// screens are never interrupted (a resident reading for minutes keeps large text); screens that
// end a session themselves may call `reset()`. The same reset signs out the resident of
// session/signed-in-resident.ts and drops a Thư viện số link waiting for an internet session.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ResidentSettings } from '#contract/residents';
import { useApi } from '../api/context';
import { changeLanguage, loadRuntimeLocales } from '../i18n/languages';
import { useRoute } from '../router';
import { forgetHandedOffLink } from '../screens/internet/link-handoff';
import { clearSignedInResident, onResidentSignedOut } from '../session/signed-in-resident';

export type TextSize = 'normal' | 'large';
export type Contrast = 'normal' | 'high';

export interface ResidentSessionValue {
  textSize: TextSize;
  contrast: Contrast;
  /** Spoken prompts: on for each new resident when the kiosk's `audio.enabled` is (the speaker switch). */
  speech: boolean;
  language: string;
  settings: ResidentSettings | undefined;
  /** Bumped when locale files from the data folder arrive, so language lists re-render. */
  localesVersion: number;
  setTextSize(size: TextSize): void;
  setContrast(contrast: Contrast): void;
  setSpeech(on: boolean): void;
  setLanguage(language: string): void;
  reset(): void;
}

export const FALLBACK_SETTINGS: ResidentSettings = {
  defaultLanguage: 'vi',
  idleResetSeconds: 90,
  screenIdleSeconds: 120,
  readingIdleSeconds: 600,
  idleCountdownSeconds: 15,
  audio: { enabled: true, volume: 0.8, overrides: {} },
};
const SessionContext = createContext<ResidentSessionValue | undefined>(undefined);

export function ResidentSessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const route = useRoute();
  const [settings, setSettings] = useState<ResidentSettings>();
  const [textSize, setTextSize] = useState<TextSize>('normal');
  const [contrast, setContrast] = useState<Contrast>('normal');
  // null: as the kiosk is configured; a resident's tap on the speaker switch sets it for their visit.
  const [speechChoice, setSpeech] = useState<boolean | null>(null);
  const speech = speechChoice ?? (settings ?? FALLBACK_SETTINGS).audio.enabled;
  // null: the kiosk's default language. Kept apart from the default so that settings arriving after a
  // resident has already tapped a language (a slow PC) cannot switch the screen back under them.
  const [languageChoice, setLanguage] = useState<string | null>(null);
  const [localesVersion, setLocalesVersion] = useState(0);
  const defaultLanguage = settings?.defaultLanguage ?? 'vi';
  const language = languageChoice ?? defaultLanguage;

  // A resident's token ends at the core as soon as the screen forgets them (done, idle, left).
  useEffect(() => onResidentSignedOut((residentToken) => void api.call('circulation.signOut', { residentToken }).catch(() => undefined)), [api]);

  useEffect(() => {
    let cancelled = false;
    api.call('residents.settings', {}).then(
      (value) => {
        if (!cancelled) setSettings(value);
      },
      () => !cancelled && setSettings(FALLBACK_SETTINGS),
    );
    loadRuntimeLocales(api).then(
      () => !cancelled && setLocalesVersion((v) => v + 1),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    const root = document.documentElement;
    if (textSize === 'large') root.dataset.textSize = 'large';
    else delete root.dataset.textSize;
    if (contrast === 'high') root.dataset.contrast = 'high';
    else delete root.dataset.contrast;
  }, [textSize, contrast]);

  useEffect(() => {
    void changeLanguage(language);
  }, [language, localesVersion]);

  const reset = useCallback(() => {
    clearSignedInResident();
    forgetHandedOffLink();
    setTextSize('normal');
    setContrast('normal');
    setSpeech(null);
    setLanguage(null);
  }, []);

  // Idle on the home screen: the resident has gone; forget their choices.
  useEffect(() => {
    if (route !== 'home') return;
    const idleMs = (settings?.idleResetSeconds ?? FALLBACK_SETTINGS.idleResetSeconds) * 1000;
    let timer = setTimeout(reset, idleMs);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, idleMs);
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, activity, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, activity);
    };
  }, [route, settings, reset]);

  const value = useMemo<ResidentSessionValue>(
    () => ({ textSize, contrast, speech, language, settings, localesVersion, setTextSize, setContrast, setSpeech, setLanguage, reset }),
    [textSize, contrast, speech, language, settings, localesVersion, reset],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useResidentSession(): ResidentSessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useResidentSession outside ResidentSessionProvider');
  return value;
}
