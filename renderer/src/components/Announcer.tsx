// The screen-reader live region every screen uses for countdowns and scan results:
// `const announce = useAnnounce(); announce(t('…'))`, or `announce(text, 'assertive')` for errors.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    // Clear first so the same sentence twice (two scans of the same book) is read twice.
    set('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => set(message), 60);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
        {polite}
      </div>
      <div className="visually-hidden" role="alert" aria-live="assertive" aria-atomic="true" data-testid="announcer-assertive">
        {assertive}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/** Announces a message whenever it changes (a countdown's minute, a scan result). */
export function Announcement({ message, politeness = 'polite' }: { message: string | undefined; politeness?: Politeness }) {
  const announce = useAnnounce();
  const last = useRef<string | undefined>(undefined);
  if (message && message !== last.current) {
    last.current = message;
    queueMicrotask(() => announce(message, politeness));
  }
  return null;
}
