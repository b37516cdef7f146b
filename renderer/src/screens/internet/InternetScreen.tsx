// The free internet service: sign in (card scan, CCCD QR, typed card number or guest code), a clear screen of
// the minutes granted, then the session with its countdown; at the end a wipe and back home.
// #/internet/frame and #/internet/wipe are the browser-mode placeholder pages on their own origin.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GUEST_CODE_PATTERN, type EndReason, type InternetState, type ResidentSession } from '#contract/internet';
import type { ScanEvent } from '#contract/devices';
import type { SystemInfo } from '#contract/system';
import { ApiCallError } from '../../api/client';
import { useApi } from '../../api/context';
import { launchQuery } from '../../api/transport';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useScan } from '../../devices/ScanProvider';
import { navigate, navigateSub, useSubRoute } from '../../router';
import { PlaceholderPage } from './PlaceholderPage';
import { QueuePage } from './QueuePage';
import { SessionView } from './SessionView';
import { StillUsing } from './StillUsing';
import { useReportInput } from './report-input';
import { useScreenIdleRule } from '../../session/ResidentIdle';
import { useAudioPrompt } from '../../a11y/audio';
import { errorText, placeholderOrigin, useInternetState } from './useInternet';
import { WipePage } from './WipePage';
import './internet.css';

/** A refusal as shown, with the core's reason so a CCCD not yet registered can be led to Mượn / trả sách. */
interface Problem {
  text: string;
  reason: string | undefined;
}

interface Welcome {
  minutes: number;
  limitedBy: string;
  resumed: boolean;
}

export function InternetScreen({ info }: { info: SystemInfo }) {
  const sub = useSubRoute();
  if (sub === 'frame') return <PlaceholderPage />;
  if (sub === 'wipe') return <WipePage />;
  if (sub === 'queue') return <QueuePage />;
  return <ResidentInternet info={info} />;
}

/** Loads the wipe page of the placeholder origin in a hidden frame and waits for it to report back. */
function useBrowserModeWipe(): [wipe: (steps: readonly string[]) => Promise<void>, frame: ReactNode] {
  const [request, setRequest] = useState<{ steps: string; done: () => void } | null>(null);
  useEffect(() => {
    if (!request) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin === placeholderOrigin() && (event.data as { kind?: string })?.kind === 'internet-wiped') request.done();
    };
    window.addEventListener('message', onMessage);
    const timer = setTimeout(request.done, 4000);
    return () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
  }, [request]);
  const frame =
    request && placeholderOrigin() ? (
      <iframe
        className="wipe-frame"
        title="wipe"
        aria-hidden="true"
        tabIndex={-1}
        src={`${placeholderOrigin()}/${launchQuery()}#/internet/wipe?steps=${request.steps}`}
      />
    ) : null;
  const wipe = useCallback(
    (steps: readonly string[]) =>
      window.kiosk || !placeholderOrigin()
        ? Promise.resolve()
        : new Promise<void>((resolve) => setRequest({ steps: steps.join(','), done: () => (setRequest(null), resolve()) })),
    [],
  );
  return [wipe, frame];
}

function ResidentInternet({ info }: { info: SystemInfo }) {
  const api = useApi();
  const { t } = useTranslation('internet');
  const state = useInternetState();
  const [welcome, setWelcome] = useState<Welcome | null>(null);
  const [ended, setEnded] = useState<EndReason | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [wiped, setWiped] = useState(false);
  const [wipe, wipeFrame] = useBrowserModeWipe();
  const say = useAudioPrompt();
  const startWiped = useRef(false);
  // Signing in, queueing or reading why a session ended: the resident screens' idle rule. A running
  // session: the core's inactivity rule instead, told of every input seen here (report-input.ts).
  // A session whose resident stepped away (core/internet/step-away.ts) is not shown to whoever is
  // at the screen: it asks for the holder's card, as signing in does.
  // A session staff locked from the room's console (core/internet/session-lock.ts) shows only that it
  // is locked, whoever is at the screen, and stays on this screen until staff unlock or end it.
  const locked = state?.phase === 'active' && state.session?.locked === true;
  const away = state?.phase === 'active' && (state.session?.awayEndsInSeconds ?? null) !== null && !locked;
  const running = state?.phase === 'active' && !away && !locked;
  useScreenIdleRule({ paused: running || locked || ended !== null });
  const inactiveEndsIn = running ? (state.session?.inactiveEndsInSeconds ?? null) : null;
  useReportInput(running, inactiveEndsIn !== null);

  // Whenever this screen opens with no session running, the placeholder origin is cleared too.
  useEffect(() => {
    if (state && state.phase !== 'active' && !startWiped.current) {
      startWiped.current = true;
      void wipe(['cookies', 'localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers']);
    }
  }, [state, wipe]);

  useEffect(
    () =>
      api.on('internet.ended', (event) => {
        setWelcome(null);
        setWiped(false);
        setEnded(event.reason);
        say('sessionEnded');
        void wipe(event.wipe).then(() => setWiped(true));
      }),
    [api, wipe, say],
  );

  // Once the wipe is done, the ended screen stays a few seconds and the home screen returns.
  useEffect(() => {
    if (!ended || !wiped) return;
    const timer = setTimeout(() => navigate('home'), 4000);
    return () => clearTimeout(timer);
  }, [ended, wiped]);

  const signIn = useCallback(
    async (kind: 'card' | 'guest' | 'cccd', text: string, manual: boolean) => {
      if (busy) return;
      setBusy(true);
      setProblem(null);
      try {
        const result = await api.call('internet.signIn', { kind, text, manual });
        setEnded(null);
        setWelcome({ minutes: result.allowanceMinutes, limitedBy: result.limitedBy, resumed: result.resumed });
      } catch (error) {
        setProblem({ text: errorText(t, error), reason: error instanceof ApiCallError ? error.error.reason : undefined });
      } finally {
        setBusy(false);
      }
    },
    [api, busy, t],
  );

  const signingIn = state && (state.phase === 'free' || state.phase === 'suspended' || away) && !welcome;
  useScan(
    (scan: ScanEvent) => {
      if (scan.kind === 'card' || scan.kind === 'guest' || scan.kind === 'cccd') void signIn(scan.kind, scan.text, false);
    },
    { enabled: Boolean(signingIn) },
  );

  if (!state) {
    return (
      <ScreenFrame title={t('title')}>
        <p role="status">{t('loading')}</p>
      </ScreenFrame>
    );
  }

  if (ended) {
    return (
      <ScreenFrame title={t('title')}>
        <section className="internet-panel" aria-live="polite">
          <h2>{t(`ended.${ended}`)}</h2>
          <p>{t('ended.wiped')}</p>
          <button type="button" className="button" onClick={() => navigate('home')}>
            {t('ended.home')}
          </button>
        </section>
        {wipeFrame}
      </ScreenFrame>
    );
  }

  if (locked && state.session) {
    return (
      <ScreenFrame title={t('title')}>
        <LockedPanel session={state.session} />
      </ScreenFrame>
    );
  }

  if (state.phase === 'active' && welcome) {
    return (
      <ScreenFrame title={t('title')}>
        <section className="internet-panel welcome" aria-live="polite">
          <p className="welcome-lead">{t(welcome.resumed ? 'welcome.resumed' : 'welcome.lead')}</p>
          <p className="welcome-minutes" data-testid="allowance">
            {t('welcome.minutes', { count: welcome.minutes })}
          </p>
          <p>{t(`welcome.limitedBy.${welcome.limitedBy}`)}</p>
          <p className="hint">{t('welcome.privacy')}</p>
          <StillUsing secondsLeft={inactiveEndsIn} />
          <button type="button" className="button big" autoFocus onClick={() => setWelcome(null)}>
            {t('welcome.start')}
          </button>
        </section>
      </ScreenFrame>
    );
  }

  if (running) return <SessionView state={state} />;

  return (
    <ScreenFrame title={t('title')}>
      <SignInPanel state={state} info={info} busy={busy} problem={problem} onSubmit={signIn} />
      {wipeFrame}
    </ScreenFrame>
  );
}

function LockedPanel({ session }: { session: ResidentSession }) {
  const { t } = useTranslation('internet');
  return (
    <section className="internet-panel" aria-labelledby="internet-locked-title" data-testid="session-locked">
      <h2 id="internet-locked-title">{t('locked.title')}</h2>
      <p className="banner warning" role="status">
        {t('locked.body')}
      </p>
      <p>{t('locked.time', { count: Math.ceil(session.remainingSeconds / 60) })}</p>
      {session.staffMessage && (
        <p>
          <strong>{t('locked.message', { text: session.staffMessage.text })}</strong>
        </p>
      )}
    </section>
  );
}

function SignInPanel({
  state,
  busy,
  problem,
  onSubmit,
}: {
  state: InternetState;
  info: SystemInfo;
  busy: boolean;
  problem: Problem | null;
  onSubmit: (kind: 'card' | 'guest', text: string, manual: boolean) => void;
}) {
  const { t } = useTranslation('internet');
  const [typed, setTyped] = useState('');
  const awaySeconds = state.phase === 'active' ? (state.session?.awayEndsInSeconds ?? null) : null;

  if (state.phase === 'disabled')
    return (
      <p className="banner warning" role="status">
        {t('phase.disabled')}
      </p>
    );
  if (state.phase === 'closed') {
    return (
      <p className="banner warning" role="status">
        {state.closedReason === 'emergency' ? t('phase.emergency') : state.nextOpen ? t('phase.closedUntil', { next: state.nextOpen }) : t('phase.closed')}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = typed.trim();
    if (!text) return;
    onSubmit(GUEST_CODE_PATTERN.test(text.toUpperCase()) ? 'guest' : 'card', text, true);
  };

  return (
    <section className="internet-panel" aria-labelledby="internet-signin-title">
      <h2 id="internet-signin-title">{t('signIn.title')}</h2>
      <p>{t('signIn.scan')}</p>
      {state.phase === 'suspended' && (
        <p className="banner warning" role="status">
          {t('phase.suspended')}
        </p>
      )}
      {awaySeconds !== null && (
        <p className="banner warning" role="status" data-testid="away-banner">
          {t('away.signIn', { count: Math.ceil(awaySeconds / 60) })}
        </p>
      )}
      {state.queue.heldForTicket !== null && (
        <p className="banner warning" role="status">
          {t('signIn.held', { ticket: state.queue.heldForTicket })}
        </p>
      )}
      <form className="manual-entry" onSubmit={submit} noValidate>
        <label htmlFor="internet-card">{t('signIn.manualLabel')}</label>
        <div className="row">
          <input
            id="internet-card"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('signIn.placeholder')}
          />
          <button type="submit" className="button" disabled={busy || !typed.trim()}>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
      {problem && (
        <p className="banner error" role="alert">
          {problem.text}
        </p>
      )}
      {problem?.reason === 'cccd_unknown' && (
        <button type="button" className="button" onClick={() => navigate('circulation')}>
          {t('signIn.goRegister')}
        </button>
      )}
      {problem?.reason === 'pc_busy' && (
        <button type="button" className="button" onClick={() => navigateSub('internet', 'queue')}>
          {t('queue.take')}
        </button>
      )}
      <p className="hint">{t('signIn.rules')}</p>
    </section>
  );
}
